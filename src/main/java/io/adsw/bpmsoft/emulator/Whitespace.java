package io.adsw.bpmsoft.emulator;

/**
 * Whitespace as the .NET side of BPMSoft sees it ({@code char.IsWhiteSpace}, Unicode's
 * White_Space property): every Unicode space, including the NO-BREAK SPACE that ELMA's
 * examples indent with and the NEXT LINE of old line-ending conventions; and, as the
 * contract adds, the byte order mark and the zero-width space. Java's own
 * {@code Character.isWhitespace} differs from .NET twice: it leaves out NEXT LINE and the
 * non-breaking spaces, and counts the four information separators U+001C–U+001F.
 */
public final class Whitespace {

	private Whitespace() {
	}

	public static boolean is(char c) {
		return Character.isSpaceChar(c) || (c >= '\t' && c <= '\r') || c == '\u0085' || c == '\uFEFF' || c == '\u200B';
	}

	/**
	 * The value without leading and trailing whitespace of any kind.
	 */
	public static String strip(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && is(value.charAt(start))) {
			start++;
		}
		while (end > start && is(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(start, end);
	}

	public static boolean isBlank(String value) {
		return strip(value).isEmpty();
	}

}
