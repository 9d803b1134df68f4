package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;

import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataResponse;
import org.jspecify.annotations.Nullable;

/**
 * What a processor answers: a status, and a body with its content type when there is one.
 *
 * @param status the HTTP status
 * @param body the body, or {@code null} for none
 * @param contentType the body's content type, or {@code null} for none
 */
record Reply(HttpStatusCode status, byte @Nullable [] body, @Nullable String contentType) {

	/** An unknown key: 404 with an empty body, as on a Creatio stand. */
	static final Reply NOT_FOUND = new Reply(HttpStatusCode.NOT_FOUND, null, null);

	/**
	 * A path through an empty lookup: there is no row there, which OData 4 answers with
	 * 204 No Content.
	 */
	static final Reply NO_CONTENT = new Reply(HttpStatusCode.NO_CONTENT, null, null);

	static Reply json(byte[] body) {
		return new Reply(HttpStatusCode.OK, body, ODataService.JSON);
	}

	static Reply text(byte[] body) {
		return new Reply(HttpStatusCode.OK, body, ODataService.TEXT);
	}

	void writeTo(ODataResponse response) {
		response.setStatusCode(this.status.getStatusCode());
		if (this.body != null) {
			response.setContent(new ByteArrayInputStream(this.body));
			response.setHeader(HttpHeader.CONTENT_TYPE, this.contentType);
		}
	}

}
