package io.adsw.bpmsoft.emulator.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A control-plane refusal of what the request asks, as a problem detail saying what to
 * correct. Its own exception rather than an {@link IllegalArgumentException}, which a
 * failure of the stand's may throw too and which is then no fault of the request.
 */
final class BadRequest {

	private BadRequest() {
	}

	static ErrorResponseException because(String detail) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
	}

}
