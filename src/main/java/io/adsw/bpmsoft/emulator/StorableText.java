package io.adsw.bpmsoft.emulator;

import org.jspecify.annotations.Nullable;

/**
 * Text the stand's databases can store. PostgreSQL's text types cannot hold the character
 * U+0000 (NUL), so the stand stores none on any database: data holding it is refused with
 * a clear error, lookups with it find nothing, and records of what was received show it
 * as ␀ (U+2400).
 */
public final class StorableText {

	/** How a NUL character is shown in what the stand records. */
	public static final char SHOWN_NUL = '\u2400';

	private StorableText() {
	}

	public static boolean holdsNul(@Nullable String value) {
		return value != null && value.indexOf('\u0000') >= 0;
	}

	/**
	 * The first half of a surrogate pair without its other half, or a second half alone
	 * ({@code "\ud800"} in JSON), as a code point; -1 when there is none. Such text has
	 * no UTF-8 form: PostgreSQL would store it as {@code ?}, and no answer could give it
	 * back.
	 */
	public static int loneSurrogate(@Nullable String value) {
		if (value == null) {
			return -1;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return c;
			}
		}
		return -1;
	}

	/** The value with every NUL character shown as ␀. */
	public static String shown(String value) {
		return holdsNul(value) ? value.replace('\u0000', SHOWN_NUL) : value;
	}

}
