package io.adsw.bpmsoft.emulator.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A control-plane 404 as a problem detail saying what is missing, rather than an empty
 * answer.
 */
final class NotFound {

	private NotFound() {
	}

	static ErrorResponseException because(String detail) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
	}

}
