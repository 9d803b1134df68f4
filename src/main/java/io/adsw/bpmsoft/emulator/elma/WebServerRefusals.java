package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.RefusalReport;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of a request the web server refused before ElmaService could read it: a
 * path the firewall rejects, headers too long, a body that never arrived, TRACE. ELMA
 * reads the envelope whatever went wrong, so these get one too.
 */
final class WebServerRefusals {

	private WebServerRefusals() {
	}

	/** Whether a path, as the client sent it, is ElmaService's. */
	static boolean isElmaServicePath(@Nullable String requestUri) {
		// In any case, as IIS serves the service's address.
		String service = ElmaServiceController.SERVICE_PATH;
		return requestUri != null && requestUri.regionMatches(true, 0, service, 0, service.length())
				&& (requestUri.length() == service.length() || requestUri.charAt(service.length()) == '/'
						|| requestUri.charAt(service.length()) == ';');
	}

	/**
	 * The envelope of a refusal, its status the web server's; {@code failure} is what
	 * made the web server refuse, when it says.
	 */
	static ElmaAnswer answer(int status, String method, @Nullable Throwable failure) {
		if (RefusalReport.timedOut(failure)) {
			// Tomcat answers 408 or 400, depending on who was reading when the client
			// stopped.
			return new ElmaAnswer(status, ElmaMessages.REQUEST_NOT_RECEIVED);
		}
		// Tomcat does not implement CONNECT (501); to ELMA it is one more method the
		// service does not take.
		if (status == 501 && "CONNECT".equalsIgnoreCase(method)) {
			return new ElmaAnswer(405, ElmaMessages.format(ElmaMessages.METHOD_NOT_ALLOWED, method));
		}
		String message = switch (status) {
			case 400 -> ElmaMessages.MALFORMED_REQUEST;
			case 405 -> ElmaMessages.format(ElmaMessages.METHOD_NOT_ALLOWED, method);
			case 408 -> ElmaMessages.REQUEST_NOT_RECEIVED;
			case 413 -> ElmaMessages.format(ElmaMessages.PAYLOAD_TOO_LARGE, ElmaTransportFilter.MAX_BODY_BYTES);
			case 500 -> ElmaMessages.INTERNAL_ERROR;
			default -> ElmaMessages.format(ElmaMessages.REFUSED_BY_WEB_SERVER, status);
		};
		return new ElmaAnswer(status, message);
	}

}
