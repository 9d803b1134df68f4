package io.adsw.bpmsoft.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * What is wrong with a text sent as JSON that is not, in the sender's terms. Jackson's
 * messages name its own settings and token types
 * ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}, {@code JsonToken.START_OBJECT}),
 * which a client can neither change nor read; the common mistakes are said again here,
 * the rest keep Jackson's words without those notes.
 */
public final class JsonSyntax {

	private static final Pattern SETTING = Pattern.compile(",? from `[^`]*`|: enable `[^`]*` to allow");

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);

	/** Jackson's limit on a number's length, in its own words. */
	private static final Pattern NUMBER_TOO_LONG = Pattern
		.compile("Number value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

	private static final Pattern CLOSE_WITHOUT_OPEN = Pattern.compile("Unexpected close marker '.': no open");

	private static final Pattern CLOSE_MISMATCH = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");

	private static final Pattern UNKNOWN_TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '(.*?)'(?::|$)",
			Pattern.DOTALL);

	private static final Pattern UNKNOWN_ESCAPE = Pattern.compile("Unrecognized character escape '(.)'",
			Pattern.DOTALL);

	private static final Pattern CONTROL_CHARACTER = Pattern
		.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

	/** Jackson's "Unexpected character ('#' (code 35)): <why>", its code and its why. */
	private static final Pattern UNEXPECTED = Pattern.compile(
			"Unexpected character \\('.*?' \\(code (\\d+)(?: / 0x[0-9a-fA-F]+)?\\)\\)(?::\\s*(.*))?", Pattern.DOTALL);

	private static final Pattern BAD_NUMBER = Pattern
		.compile("(?:Invalid numeric value|Unexpected character \\(.*?\\) in numeric value): (.+)", Pattern.DOTALL);

	private JsonSyntax() {
	}

	/**
	 * The name an object gives twice, when that is the mistake (a parser reading with
	 * {@code STRICT_DUPLICATE_DETECTION}); else {@code null}.
	 */
	public static @Nullable String duplicateName(JacksonException ex) {
		Matcher duplicate = DUPLICATE.matcher(String.valueOf(ex.getOriginalMessage()));
		return duplicate.matches() ? duplicate.group(1) : null;
	}

	/**
	 * The token that is no JSON value, when that is the mistake ({@code NaN},
	 * {@code Infinity}, a word without quotes); else {@code null}.
	 */
	public static @Nullable String unknownToken(JacksonException ex) {
		Matcher matcher = UNKNOWN_TOKEN.matcher(String.valueOf(ex.getOriginalMessage()));
		return matcher.lookingAt() ? matcher.group(1) : null;
	}

	/**
	 * Whether the parser stopped at the end of the text, inside a value.
	 */
	public static boolean endedEarly(JacksonException ex) {
		return ex instanceof UnexpectedEndOfInputException
				|| String.valueOf(ex.getOriginalMessage()).startsWith("Unexpected end-of-input");
	}

	/**
	 * The mistake, without its line and column.
	 * @param text the text read, when it is at hand: an unexpected character is named
	 * from it
	 */
	public static String problem(JacksonException ex, @Nullable String text) {
		String message = String.valueOf(ex.getOriginalMessage());
		if (endedEarly(ex)) {
			return "the text ends before the JSON value does";
		}
		String duplicate = duplicateName(ex);
		if (duplicate != null) {
			return "\"" + duplicate + "\" is given more than once";
		}
		Matcher matcher;
		if ((matcher = NUMBER_TOO_LONG.matcher(message)).lookingAt()) {
			return "a number of " + matcher.group(1) + " characters is too long to read (at most " + matcher.group(2)
					+ ")";
		}
		if (message.startsWith("Trailing token") || CLOSE_WITHOUT_OPEN.matcher(message).lookingAt()) {
			return "more follows the JSON value";
		}
		if ((matcher = CLOSE_MISMATCH.matcher(message)).lookingAt()) {
			return "unexpected '" + matcher.group(1) + "' where '" + matcher.group(2) + "' closes the "
					+ ("]".equals(matcher.group(2)) ? "array" : "object");
		}
		if ((matcher = UNKNOWN_TOKEN.matcher(message)).lookingAt()) {
			return "unrecognized token '" + matcher.group(1)
					+ "': a value is a string in double quotes, a number, an object, an array, true, false or null";
		}
		if ((matcher = UNKNOWN_ESCAPE.matcher(message)).lookingAt()) {
			return "unknown escape '\\" + visible(matcher.group(1).charAt(0)) + "' in a string";
		}
		if ((matcher = CONTROL_CHARACTER.matcher(message)).lookingAt()) {
			return String.format("the control character U+%04X must be escaped in a string",
					Integer.parseInt(matcher.group(1)));
		}
		if ((matcher = BAD_NUMBER.matcher(message)).lookingAt()) {
			String detail = withoutSettings(matcher.group(1));
			boolean word = detail.length() > 1 && Character.isLowerCase(detail.charAt(1));
			return "invalid number: " + (word ? Character.toLowerCase(detail.charAt(0)) + detail.substring(1) : detail);
		}
		TokenStreamLocation location = ex.getLocation();
		long offset = (location != null) ? location.getCharOffset() : -1;
		if (message.startsWith("Unexpected character") && text != null && offset >= 0 && offset < text.length()) {
			return "unexpected character '" + visible(text.codePointAt((int) offset)) + "'";
		}
		if ((matcher = UNEXPECTED.matcher(message)).lookingAt()) {
			return "unexpected character '" + visible(Integer.parseInt(matcher.group(1))) + "'"
					+ expected(String.valueOf(matcher.group(2)));
		}
		// Jackson's own words, without its notes on where the source is.
		int note = message.indexOf(" (start marker at");
		note = (note >= 0) ? note : message.indexOf(" [Source:");
		return withoutSettings((note >= 0) ? message.substring(0, note) : message);
	}

	/** What JSON has where Jackson found the character, from its reason. */
	private static String expected(String why) {
		if (why.contains("comment")) {
			return ": JSON has no comments";
		}
		if (why.contains("double-quote to start property name")) {
			return " where a field's name in double quotes was expected";
		}
		if (why.contains("comma to separate Object entries")) {
			return " where ',' or '}' was expected";
		}
		if (why.contains("comma to separate Array entries")) {
			return " where ',' or ']' was expected";
		}
		if (why.contains("colon to separate")) {
			return " where ':' was expected";
		}
		if (why.contains("expected a valid value")) {
			return " where a value was expected: a string in double quotes, a number, an object, an array, true,"
					+ " false or null";
		}
		return "";
	}

	/** A message without the names of the parser's settings. */
	public static String withoutSettings(String message) {
		return SETTING.matcher(message).replaceAll("");
	}

	/**
	 * A character as a message quotes it: itself when it shows, else its code point
	 * ({@code U+2060}): a control or format character, a space other than the ASCII one,
	 * a line separator, an unpaired surrogate or an unassigned code point would be quoted
	 * as nothing visible.
	 */
	public static String visible(int codePoint) {
		int type = Character.getType(codePoint);
		boolean shows = !Character.isISOControl(codePoint) && type != Character.FORMAT
				&& (type != Character.SPACE_SEPARATOR || codePoint == ' ') && type != Character.LINE_SEPARATOR
				&& type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.UNASSIGNED
				&& type != Character.PRIVATE_USE;
		return shows ? Character.toString(codePoint) : String.format("U+%04X", codePoint);
	}

}
