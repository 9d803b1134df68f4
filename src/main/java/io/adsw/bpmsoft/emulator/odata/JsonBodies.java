package io.adsw.bpmsoft.emulator.odata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import io.adsw.bpmsoft.emulator.JsonSyntax;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies read as JSON (a POST's or PATCH's row, a JSON batch), and what is wrong
 * with one that is not, in a client's terms: the problem, and the line and column where
 * it is, never the parser's own notes.
 */
final class JsonBodies {

	private JsonBodies() {
	}

	/**
	 * The body's JSON, or {@code null} for a body with none.
	 * @param what how a message names the body, e.g. "The request body"
	 * @throws ODataRequestException when the body is not JSON
	 */
	static @Nullable JsonNode read(JsonMapper mapper, byte[] body, String what) {
		return read(mapper, body, null, what);
	}

	/**
	 * The body's JSON, read in the charset its Content-Type names when that is not one of
	 * Unicode's (which JSON's own detection tells apart), as ASP.NET reads it.
	 * @param charset the charset the Content-Type names, if any
	 * @throws ODataRequestException when the body is not text in that charset, or not
	 * JSON
	 */
	static @Nullable JsonNode read(JsonMapper mapper, byte[] body, @Nullable Charset charset, String what) {
		String text = (charset != null && !charset.name().startsWith("UTF-")) ? decoded(body, charset, what)
				: utf8(body);
		try {
			// Read as text when it is UTF-8, so that columns count characters; Jackson
			// detects the other encodings JSON may come in. The stand's mapper refuses a
			// property given twice (JsonReadingConfiguration), as Creatio's OData library
			// does.
			// Numbers with their decimals as written, so that a refusal quotes 1.0 or
			// 2.50
			// as the client sent it.
			ObjectReader reader = mapper.reader()
				.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
			return (text != null) ? reader.readTree(text) : reader.readTree(body);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			String duplicate = JsonSyntax.duplicateName(ex);
			if (duplicate != null) {
				String name = (text != null && location != null) ? nameEndingAt(text, location.getCharOffset()) : where;
				throw ODataRequestException.invalidBody(what + " names the property '" + duplicate + "' more than once"
						+ name + ": in OData, duplicate property names are not allowed.");
			}
			throw ODataRequestException
				.invalidBody(what + " is not valid JSON: " + JsonSyntax.problem(ex, text) + where + ".");
		}
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
			// Lines end as Jackson ends them: at \n, \r\n or a lone \r.
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
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

	private static String decoded(byte[] body, Charset charset, String what) {
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw ODataRequestException
				.invalidBody(what + " is not text in the charset " + charset.name() + " its Content-Type names.");
		}
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
