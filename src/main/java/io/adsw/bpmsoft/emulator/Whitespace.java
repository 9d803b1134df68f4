package io.adsw.bpmsoft.emulator;

/**
 * Whitespace as the .NET side of BPMSoft sees it: every Unicode space, including the
 * NO-BREAK SPACE that ELMA's examples indent with, and the byte order mark.
 */
public final class Whitespace {

	private Whitespace() {
	}

	public static boolean is(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
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
