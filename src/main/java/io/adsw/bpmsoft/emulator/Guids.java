package io.adsw.bpmsoft.emulator;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Record ids as BPMSoft writes them: a GUID in its 36-character form, in any case.
 */
public final class Guids {

	private static final Pattern GUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	/**
	 * The empty GUID: BPMSoft's "no row" in a lookup, never the id of a row.
	 */
	public static final UUID EMPTY = new UUID(0, 0);

	private Guids() {
	}

	/**
	 * The GUID, or empty for anything else: {@link UUID#fromString} alone would also take
	 * shortened forms such as {@code 1-2-3-4-5}.
	 */
	public static Optional<UUID> parse(String value) {
		return GUID.matcher(value).matches() ? Optional.of(UUID.fromString(value)) : Optional.empty();
	}

}
