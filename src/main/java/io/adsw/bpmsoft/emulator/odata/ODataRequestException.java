package io.adsw.bpmsoft.emulator.odata;

import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.jspecify.annotations.Nullable;

/**
 * A request the data service refuses, with the status and the two messages of Creatio's
 * error envelope: the message, and the inner message it is built on.
 */
class ODataRequestException extends RuntimeException {

	private final HttpStatusCode status;

	private final String innerMessage;

	private final @Nullable String allow;

	ODataRequestException(HttpStatusCode status, String message, String innerMessage) {
		this(status, message, innerMessage, null);
	}

	private ODataRequestException(HttpStatusCode status, String message, String innerMessage, @Nullable String allow) {
		super(message, null, false, false);
		this.status = status;
		this.innerMessage = innerMessage;
		this.allow = allow;
	}

	/** 405, with the methods the resource takes for the {@code Allow} header. */
	static ODataRequestException methodNotAllowed(String message, String allow, String innerMessage) {
		return new ODataRequestException(HttpStatusCode.METHOD_NOT_ALLOWED, message, innerMessage, allow);
	}

	/**
	 * 415 for a body whose media type the data service does not read, in ASP.NET Web
	 * API's words, which name the media type without its parameters; {@code type} is
	 * {@code null} when the request names none.
	 * @param accepted what the resource reads, for the inner message
	 */
	static ODataRequestException unsupportedMediaType(@Nullable String type, String accepted) {
		String message = (type != null)
				? "The request entity's media type '" + type.split(";", 2)[0].strip()
						+ "' is not supported for this resource."
				: "The request entity's media type is not given: the request has no Content-Type header.";
		return new ODataRequestException(HttpStatusCode.UNSUPPORTED_MEDIA_TYPE, message, accepted);
	}

	static ODataRequestException badRequest(String message) {
		return new ODataRequestException(HttpStatusCode.BAD_REQUEST, message, message);
	}

	/** Creatio's wording for a query option that names something wrong. */
	static ODataRequestException invalidQuery(String detail) {
		return new ODataRequestException(HttpStatusCode.BAD_REQUEST,
				"The query specified in the URI is not valid. " + detail, detail);
	}

	/**
	 * Creatio's wording for a body it cannot take: ASP.NET's model state error of the
	 * {@code item} parameter, line break included.
	 */
	static ODataRequestException invalidBody(String detail) {
		return new ODataRequestException(HttpStatusCode.BAD_REQUEST, "The request is invalid.",
				"item : " + detail + "\r\n");
	}

	HttpStatusCode status() {
		return this.status;
	}

	String innerMessage() {
		return this.innerMessage;
	}

	@Nullable String allow() {
		return this.allow;
	}

}
