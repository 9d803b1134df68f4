package io.adsw.bpmsoft.emulator.odata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies read as JSON (a POST's or PATCH's row, a JSON batch), and what is wrong
 * with one that is not, in a client's terms: the problem, and the line and column where
 * it is, never the parser's own notes.
 */
final class JsonBodies {

	private static final Pattern SETTING = Pattern.compile(",? from `[^`]*`|: enable `[^`]*` to allow");

	private static final Pattern DUPLICATE = Pattern.compile("Duplicate Object property \"(.*)\"", Pattern.DOTALL);

	private static final Pattern CLOSE_WITHOUT_OPEN = Pattern.compile("Unexpected close marker '.': no open");

	private static final Pattern CLOSE_MISMATCH = Pattern.compile("Unexpected close marker '(.)': expected '(.)'");

	private static final Pattern UNKNOWN_TOKEN = Pattern.compile("(?:Unrecognized|Non-standard) token '(.*?)'(?::|$)",
			Pattern.DOTALL);

	private static final Pattern UNKNOWN_ESCAPE = Pattern.compile("Unrecognized character escape '(.)'",
			Pattern.DOTALL);

	private static final Pattern CONTROL_CHARACTER = Pattern
		.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");

	private static final Pattern BAD_NUMBER = Pattern
		.compile("(?:Invalid numeric value|Unexpected character \\(.*?\\) in numeric value): (.+)", Pattern.DOTALL);

	private JsonBodies() {
	}

	/**
	 * The body's JSON, or {@code null} for a body with none.
	 * @param what how a message names the body, e.g. "The request body"
	 * @throws ODataRequestException when the body is not JSON
	 */
	static @Nullable JsonNode read(JsonMapper mapper, byte[] body, String what) {
		String text = utf8(body);
		// A property given twice is refused, as Creatio's OData library refuses it,
		// rather
		// than read as its last value.
		ObjectReader reader = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
		try {
			// Read as text when it is UTF-8, so that columns count characters; Jackson
			// detects the other encodings JSON may come in.
			return (text != null) ? reader.readTree(text) : reader.readTree(body);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			String message = String.valueOf(ex.getOriginalMessage());
			Matcher duplicate = DUPLICATE.matcher(message);
			if (duplicate.matches()) {
				String name = (text != null && location != null) ? nameEndingAt(text, location.getCharOffset()) : where;
				throw ODataRequestException.invalidBody(what + " names the property '" + duplicate.group(1)
						+ "' more than once" + name + ": in OData, duplicate property names are not allowed.");
			}
			throw ODataRequestException.invalidBody(what + " is not valid JSON: " + problem(ex, text) + where + ".");
		}
	}

	/**
	 * The mistake in a client's terms. Jackson's messages name its own settings and types
	 * ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS},
	 * {@code JsonToken.START_OBJECT}); the common ones are said again here, the rest keep
	 * Jackson's words without its notes on the source.
	 */
	private static String problem(JacksonException ex, @Nullable String text) {
		if (ex instanceof UnexpectedEndOfInputException) {
			return "the text ends before the JSON value does";
		}
		String message = String.valueOf(ex.getOriginalMessage());
		Matcher matcher;
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
			return "unknown escape '\\" + printable(matcher.group(1).charAt(0)) + "' in a string";
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
			return "unexpected character '" + printable(text.charAt((int) offset)) + "'";
		}
		// Jackson's own words, without its notes on where the source is.
		int note = message.indexOf(" (start marker at");
		note = (note >= 0) ? note : message.indexOf(" [Source:");
		return withoutSettings((note >= 0) ? message.substring(0, note) : message);
	}

	/**
	 * A message without the names of the parser's settings, which a client cannot change.
	 */
	private static String withoutSettings(String message) {
		return SETTING.matcher(message).replaceAll("");
	}

	/**
	 * Where the property name that ends just before the offset starts, " (line 2, column
	 * 3)": Jackson tells a repeated name where the name ends.
	 */
	private static String nameEndingAt(String text, long end) {
		int quote = (int) Math.min(end, text.length()) - 1;
		while (quote >= 0 && text.charAt(quote) != '"') {
			quote--;
		}
		int start = quote - 1;
		while (start >= 0 && (text.charAt(start) != '"' || escaped(text, start))) {
			start--;
		}
		if (start < 0) {
			return "";
		}
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < start; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return " (line " + line + ", column " + (start - lineStart + 1) + ")";
	}

	/** Whether the character is escaped: an odd number of backslashes before it. */
	private static boolean escaped(String text, int index) {
		int backslashes = 0;
		for (int i = index - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
			backslashes++;
		}
		return backslashes % 2 == 1;
	}

	private static String printable(char c) {
		return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c);
	}

	/**
	 * The body as text when it is UTF-8 (a byte order mark aside); else {@code null}. A
	 * zero byte, which JSON in UTF-8 never holds, tells UTF-16 or UTF-32.
	 */
	private static @Nullable String utf8(byte[] body) {
		for (byte b : body) {
			if (b == 0) {
				return null;
			}
		}
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
