package io.adsw.bpmsoft.emulator.odata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, points in time and GUIDs written wrong in a query. Olingo does not take
 * {@code 2026-13-01T00:00:00Z} for a point in time at all: it reads a number and more,
 * and refuses what follows as a number compared with a point in time, or as a property
 * named {@code T00}. The stand names the literal instead, as it does one of the right
 * form whose value does not exist ({@code 2026-02-30T00:00:00Z}).
 */
final class MalformedLiterals {

	/** Text values, whose contents are no literal of the query. */
	private static final Pattern TEXT = Pattern.compile("'(?:[^']|'')*'");

	/** Digits and dashes as a date starts, and what may follow as its time and offset. */
	private static final Pattern DATE_LIKE = Pattern
		.compile("(?<![\\w.:-])(\\d{1,5}-\\d{1,3}-\\d{1,3})(T[0-9:.]*)?(Z|[+-][0-9:]*)?(?![\\w.:-])");

	/** Hexadecimal groups joined by dashes as a GUID is written, of any lengths. */
	private static final Pattern GUID_LIKE = Pattern.compile("(?<![\\w.-])[0-9a-fA-F]+(?:-[0-9a-fA-F]+){4}(?![\\w.-])");

	private static final Pattern GUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private MalformedLiterals() {
	}

	/**
	 * The first literal in the query that has the look of a date, a point in time or a
	 * GUID but is none; empty when there is none. A point in time written without its
	 * offset is not counted: it gets its own advice.
	 * @param query the query as its writer wrote it, decoded
	 */
	static Optional<Malformed> in(String query) {
		String literals = blankText(query);
		Matcher date = DATE_LIKE.matcher(literals);
		while (date.find()) {
			String type = (date.group(2) != null) ? "Edm.DateTimeOffset" : "Edm.Date";
			if (!valid(date.group(1), date.group(2), date.group(3))) {
				return Optional.of(new Malformed(date.group(), type));
			}
		}
		Matcher guid = GUID_LIKE.matcher(literals);
		while (guid.find()) {
			if (!GUID.matcher(guid.group()).matches() && !DATE_LIKE.matcher(guid.group()).matches()) {
				return Optional.of(new Malformed(guid.group(), "Edm.Guid"));
			}
		}
		return Optional.empty();
	}

	/** The query with every text value blanked out, its places kept. */
	private static String blankText(String query) {
		Matcher text = TEXT.matcher(query);
		StringBuilder blanked = new StringBuilder(query);
		while (text.find()) {
			for (int i = text.start(); i < text.end(); i++) {
				blanked.setCharAt(i, ' ');
			}
		}
		return blanked.toString();
	}

	private static boolean valid(String date, String time, String offset) {
		try {
			if (time == null) {
				return offset == null && date.matches("\\d{4}-\\d{2}-\\d{2}") && LocalDate.parse(date) != null;
			}
			if (offset == null) {
				LocalDate.parse(date);
				LocalTime.parse(time.substring(1));
				return date.matches("\\d{4}-\\d{2}-\\d{2}");
			}
			OffsetDateTime.parse(date + time + offset);
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/**
	 * A literal of the query that is not of the type it was meant to be.
	 *
	 * @param literal the literal as written
	 * @param type the type its form is of
	 */
	record Malformed(String literal, String type) {

		ODataRequestException refusal() {
			return ODataRequestException
				.invalidQuery("The literal '" + this.literal + "' is not a valid " + this.type + ".");
		}

	}

}
