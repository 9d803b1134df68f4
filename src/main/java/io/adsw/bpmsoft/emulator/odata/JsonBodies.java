package io.adsw.bpmsoft.emulator.odata;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
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
		String text = utf8(body);
		try {
			// Read as text when it is UTF-8, so that columns count characters; Jackson
			// detects the other encodings JSON may come in.
			return (text != null) ? mapper.readTree(text) : mapper.readTree(body);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String where = (location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			throw ODataRequestException.invalidBody(what + " is not valid JSON: " + problem(ex, text) + where + ".");
		}
	}

	private static String problem(JacksonException ex, @Nullable String text) {
		if (ex instanceof UnexpectedEndOfInputException) {
			return "the text ends before the JSON value does";
		}
		String message = String.valueOf(ex.getOriginalMessage());
		TokenStreamLocation location = ex.getLocation();
		long offset = (location != null) ? location.getCharOffset() : -1;
		if (message.startsWith("Unexpected character") && text != null && offset >= 0 && offset < text.length()) {
			return "unexpected character '" + printable(text.charAt((int) offset)) + "'";
		}
		if (message.startsWith("Trailing token")) {
			return "more follows the JSON value";
		}
		// Jackson's own words, without its notes on where the source is.
		int note = message.indexOf(" (start marker at");
		note = (note >= 0) ? note : message.indexOf(" [Source:");
		return (note >= 0) ? message.substring(0, note) : message;
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
