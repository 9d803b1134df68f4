package io.adsw.bpmsoft.emulator.elma;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The envelope of every ElmaService answer, errors included: {@code {"status": 200,
 * "error_message": ""}}.
 */
@JsonPropertyOrder({ "status", "error_message" })
public record ElmaAnswer(int status, @JsonProperty("error_message") String errorMessage) {

	static final ElmaAnswer SUCCESS = new ElmaAnswer(200, "");

	/** Check 1: no key or a wrong one. */
	public static final ElmaAnswer FORBIDDEN = new ElmaAnswer(403, ElmaMessages.FORBIDDEN);

	public static ElmaAnswer badRequest(String message) {
		return new ElmaAnswer(400, message);
	}

}
