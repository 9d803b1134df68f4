package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Turns envelopes into HTTP answers, from controllers and from filters alike, with the
 * stand's HTTP status mode applied.
 */
@Component
public class ElmaAnswers {

	/** What the real stand sends: JSON in UTF-8, Cyrillic as is. */
	static final MediaType CONTENT_TYPE = MediaType.parseMediaType("application/json; charset=utf-8");

	private final ElmaSettings settings;

	private final JsonMapper jsonMapper;

	/**
	 * The answers whose envelope never changes, written out once: the success and the
	 * key's refusal, the stand's most frequent answers.
	 */
	private final Map<ElmaAnswer, byte[]> constant;

	ElmaAnswers(ElmaSettings settings, JsonMapper jsonMapper) {
		this.settings = settings;
		this.jsonMapper = jsonMapper;
		this.constant = Map.of(ElmaAnswer.SUCCESS, jsonMapper.writeValueAsBytes(ElmaAnswer.SUCCESS),
				ElmaAnswer.FORBIDDEN, jsonMapper.writeValueAsBytes(ElmaAnswer.FORBIDDEN));
	}

	/**
	 * The envelope of a body that is one of the constant answers, without reading it as
	 * JSON; empty for any other body.
	 */
	public Optional<ElmaAnswer> constantAnswer(byte[] body) {
		// A loop, not a stream: the journal asks for every ElmaService request.
		for (Map.Entry<ElmaAnswer, byte[]> written : this.constant.entrySet()) {
			if (Arrays.equals(written.getValue(), body)) {
				return Optional.of(written.getKey());
			}
		}
		return Optional.empty();
	}

	ResponseEntity<ElmaAnswer> entity(ElmaAnswer answer) {
		return ResponseEntity.status(httpStatusOf(answer)).contentType(CONTENT_TYPE).body(answer);
	}

	/**
	 * Writes an answer of the service itself (checks 1 to 11), whose HTTP status follows
	 * the stand's mode.
	 */
	public void write(HttpServletResponse response, ElmaAnswer answer) throws IOException {
		writeWithStatus(response, httpStatusOf(answer), answer);
	}

	/**
	 * Writes an answer of the web server in front of the service (wrong method, size or
	 * content type): its HTTP status is the envelope's whatever the mode, as a real
	 * server's would be.
	 */
	void writeTransport(HttpServletResponse response, ElmaAnswer answer) throws IOException {
		writeWithStatus(response, answer.status(), answer);
	}

	private void writeWithStatus(HttpServletResponse response, int status, ElmaAnswer answer) throws IOException {
		byte[] body = this.constant.get(answer);
		if (body == null) {
			body = this.jsonMapper.writeValueAsBytes(answer);
		}
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE.toString());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The envelope as JSON text, for Tomcat's error report, which writes characters. */
	String json(ElmaAnswer answer) {
		return this.jsonMapper.writeValueAsString(answer);
	}

	private int httpStatusOf(ElmaAnswer answer) {
		return (this.settings.httpStatus() == ElmaProperties.HttpStatusMode.ALWAYS_200) ? 200 : answer.status();
	}

}
