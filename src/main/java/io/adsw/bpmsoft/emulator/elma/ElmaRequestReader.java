package io.adsw.bpmsoft.emulator.elma;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

import io.adsw.bpmsoft.emulator.JsonSyntax;
import io.adsw.bpmsoft.emulator.Whitespace;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an ElmaService body the way the .NET side of BPMSoft does: a byte order mark, any
 * declared charset and Unicode spaces between tokens (the integration note indents with
 * NO-BREAK SPACE) are all accepted. What cannot be read is refused with a message that
 * says what is wrong and where.
 */
final class ElmaRequestReader {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private ElmaRequestReader() {
	}

	/**
	 * The body's JSON object.
	 * @throws ElmaRefusal for an empty body (check 2) or one that is not a JSON object
	 * (check 3)
	 */
	static ElmaFields read(ElmaRawBody body) {
		if (body.bytes().length == 0) {
			throw ElmaRefusal.badRequest(ElmaMessages.ID_CRM_EMPTY);
		}
		String text = decode(body);
		if (Whitespace.isBlank(text)) {
			throw ElmaRefusal.badRequest(ElmaMessages.ID_CRM_EMPTY);
		}
		String json = plainWhitespace(text);
		JsonNode node;
		JsonParser parser = JSON.createParser(json);
		try {
			node = JSON.readTree(parser);
		}
		catch (StreamConstraintsException ex) {
			// Raised on the nesting depth or the length of a value without a place; the
			// parser knows where it stopped: just past the bracket one level too deep (a
			// single character, so the bracket is one column back), or just past the
			// value too long.
			TokenStreamLocation location = parser.currentLocation();
			boolean tooDeep = parser.streamReadContext().getNestingDepth() > parser.streamReadConstraints()
				.getMaxNestingDepth();
			int column = tooDeep ? location.getColumnNr() - 1 : location.getColumnNr();
			throw ElmaRefusal.badRequest(ElmaMessages.format(ElmaMessages.BODY_OVER_JSON_LIMITS,
					String.valueOf(location.getLineNr()), String.valueOf(column)));
		}
		catch (JacksonException ex) {
			// A parsing exception carries its place; should one come without, the
			// parser's.
			TokenStreamLocation location = (ex.getLocation() != null) ? ex.getLocation() : parser.currentLocation();
			int column = location.getColumnNr();
			String token = JsonSyntax.unknownToken(ex);
			long offset = location.getCharOffset();
			if (token != null && offset >= token.length() && offset <= json.length()
					&& json.startsWith(token, (int) offset - token.length())) {
				// NaN and Infinity are located just past their last letter: the column
				// named is where they begin.
				column -= token.length();
			}
			else if (plusSign(ex) && offset > 0 && offset <= json.length() && json.charAt((int) offset - 1) == '+') {
				// Located at the digit after it.
				column--;
			}
			throw ElmaRefusal.badRequest(ElmaMessages.format(ElmaMessages.BODY_NOT_JSON, problem(ex, token, json),
					String.valueOf(location.getLineNr()), String.valueOf(column)));
		}
		if (!node.isObject()) {
			int start = 0;
			while (Whitespace.is(json.charAt(start))) {
				start++;
			}
			throw ElmaRefusal.badRequest(ElmaMessages.format(ElmaMessages.BODY_NOT_OBJECT, kind(node),
					String.valueOf(lineOf(json, start)), String.valueOf(columnOf(json, start))));
		}
		return new ElmaFields(node);
	}

	/**
	 * The body as text. A byte order mark wins over the declared charset; without either
	 * the body is UTF-8. Bytes that are not valid in that charset are refused rather than
	 * replaced.
	 */
	private static String decode(ElmaRawBody body) {
		byte[] bytes = body.bytes();
		Charset charset = body.charset();
		int offset = body.textOffset();
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
		CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw ElmaRefusal.badRequest(ElmaMessages.format(ElmaMessages.BODY_NOT_DECODABLE, charset.name(),
					String.valueOf(in.position() + 1)));
		}
		return out.flip().toString();
	}

	/**
	 * The text with every Unicode space outside string literals replaced by a plain one,
	 * which is all a JSON parser accepts between tokens. Strings keep their content as
	 * sent.
	 */
	private static String plainWhitespace(String text) {
		char[] chars = text.toCharArray();
		boolean inString = false;
		boolean escaped = false;
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (inString) {
				if (escaped) {
					escaped = false;
				}
				else if (c == '\\') {
					escaped = true;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && Whitespace.is(c)) {
				chars[i] = ' ';
			}
		}
		return new String(chars);
	}

	private static String problem(JacksonException ex, @Nullable String token, String json) {
		if (JsonSyntax.endedEarly(ex)) {
			return "текст закончился раньше, чем JSON-значение";
		}
		if (token != null) {
			return "нераспознанное значение «" + token
					+ "»: значением может быть строка в двойных кавычках, число, объект, массив, true, false или null";
		}
		if (plusSign(ex)) {
			return "число не может начинаться со знака «+»";
		}
		long offset = (ex.getLocation() != null) ? ex.getLocation().getCharOffset() : -1;
		if (offset >= 0 && offset < json.length()) {
			return "неожиданный символ «" + JsonSyntax.visible(json.codePointAt((int) offset)) + "»";
		}
		return "синтаксическая ошибка";
	}

	/** Whether the mistake is a number written with a plus sign ({@code +1}). */
	private static boolean plusSign(JacksonException ex) {
		return String.valueOf(ex.getOriginalMessage()).contains("does not allow numbers to have plus signs");
	}

	private static String kind(JsonNode node) {
		if (node.isArray()) {
			return "массивом";
		}
		if (node.isString()) {
			return "строкой";
		}
		if (node.isNumber()) {
			return "числом";
		}
		if (node.isBoolean()) {
			return "логическим значением";
		}
		return "значением null";
	}

	private static int lineOf(String text, int index) {
		int line = 1;
		for (int i = 0; i < index; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static int columnOf(String text, int index) {
		return index - text.lastIndexOf('\n', index - 1);
	}

}
