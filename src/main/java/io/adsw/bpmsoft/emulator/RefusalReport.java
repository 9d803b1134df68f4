package io.adsw.bpmsoft.emulator;

import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How one of the stand's services answers the requests the web server refuses before the
 * service sees them: addresses the firewall or Tomcat reject, headers over the limit, a
 * body that never arrived, TRACE. Its clients then read the refusal as they read the
 * service's own answers, ELMA its envelope and OData clients an OData error, instead of
 * an HTML page or Spring Boot's error document. Addresses no report covers keep those.
 */
public interface RefusalReport {

	/** Whether the address, as the client sent it, is this service's. */
	boolean covers(String requestUri);

	/**
	 * The answer to a refusal with the web server's status; empty to leave it to the
	 * default report.
	 * @param requestUri the address as the client sent it, one this report covers
	 * @param method the method the client sent
	 * @param failure what made the web server refuse, when it says
	 */
	Optional<Answer> answer(int status, String requestUri, String method, @Nullable Throwable failure);

	/**
	 * Whether the web server refused because the client stopped sending mid-request:
	 * Tomcat then answers 408 or 400, depending on who was reading.
	 */
	static boolean timedOut(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SocketTimeoutException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A refusal's body, its content type, headers of its own ({@code Allow} for a 405),
	 * and its status when it is not the web server's (0).
	 */
	record Answer(String contentType, String body, Map<String, String> headers, int status) {

		public Answer(String contentType, String body, Map<String, String> headers) {
			this(contentType, body, headers, 0);
		}

		/** The status to answer with, given the web server's. */
		public int statusInsteadOf(int webServers) {
			return (this.status != 0) ? this.status : webServers;
		}

	}

}
