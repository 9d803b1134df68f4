package io.adsw.bpmsoft.emulator.seed;

import java.time.Instant;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.Guids;
import org.jspecify.annotations.Nullable;

/**
 * Checks of a seed document's values, each refusal naming the document and the value's
 * place in it.
 */
final class SeedFields {

	private static final Instant FIRST_DAY = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LAST_DAY = Instant.parse("9999-12-31T23:59:59.999999Z");

	private SeedFields() {
	}

	/**
	 * Refuses a value longer than its column, before anything is written: the value as it
	 * will be stored (emails stripped, the other columns as given).
	 */
	static void fits(String source, String where, @Nullable String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			throw new SeedException(source, where + " is longer than " + maxLength + " characters");
		}
	}

	static @Nullable UUID id(String source, String where, @Nullable String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new SeedException(source, where + " has no id");
			}
			return null;
		}
		UUID id = Guids.parse(value.strip())
			.orElseThrow(() -> new SeedException(source, where + ": id " + value + " is not a GUID"));
		if (id.equals(Guids.EMPTY)) {
			throw new SeedException(source, where + ": id " + value
					+ " is the empty GUID, which stands for no row: give another, or none for a new one");
		}
		return id;
	}

	/**
	 * A row's creator or last modifier as saved: a contact's id, not looked up (the
	 * stand's users name contacts by configuration, whether the stand holds them or not);
	 * {@code null} for none or the empty GUID.
	 */
	static @Nullable UUID author(String source, String where, String column, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		UUID id = Guids.parse(value.strip())
			.orElseThrow(() -> new SeedException(source, where + "." + column + " " + value + " is not a GUID"));
		return (id.getMostSignificantBits() == 0 && id.getLeastSignificantBits() == 0) ? null : id;
	}

	/**
	 * Refuses a time a stand cannot show: its dates run from the year 1 (the empty date,
	 * {@code 0001-01-01T00:00:00Z}) to 9999, as .NET's do.
	 */
	static void shown(String source, String where, String field, @Nullable Instant time) {
		if (time != null && (time.isBefore(FIRST_DAY) || time.isAfter(LAST_DAY))) {
			throw new SeedException(source,
					where + "." + field + " " + time + " is outside the years 1 to 9999 a stand's dates hold");
		}
	}

	/** A list's element, refused when the document gives {@code null} in its place. */
	static <T> T present(String source, String where, @Nullable T element, String what) {
		if (element == null) {
			throw new SeedException(source, where + " is null: give an object for " + what);
		}
		return element;
	}

}
