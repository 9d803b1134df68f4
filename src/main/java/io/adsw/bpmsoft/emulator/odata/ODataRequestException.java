package io.adsw.bpmsoft.emulator.odata;

import org.apache.olingo.commons.api.http.HttpStatusCode;

/**
 * A request the data service refuses, with the status and the message of Creatio's error
 * envelope.
 */
class ODataRequestException extends RuntimeException {

	private final HttpStatusCode status;

	ODataRequestException(HttpStatusCode status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	static ODataRequestException badRequest(String message) {
		return new ODataRequestException(HttpStatusCode.BAD_REQUEST, message);
	}

	/** Creatio's wording for a query option that names something wrong. */
	static ODataRequestException invalidQuery(String detail) {
		return badRequest("The query specified in the URI is not valid. " + detail);
	}

	HttpStatusCode status() {
		return this.status;
	}

}
