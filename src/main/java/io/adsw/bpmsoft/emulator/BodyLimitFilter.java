package io.adsw.bpmsoft.emulator;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body over its service's limit ({@link BodyLimits}) with 413, answered in the
 * service's own format ({@link RefusalReport}), before the service reads it. In two
 * places: ahead of every other filter, by its {@code Content-Length}, as IIS refuses a
 * request over its limit before anything else reads it (Spring's form filter would read a
 * form body whole before authentication); and after authentication, a body sent in chunks
 * without a length, once more than the limit has arrived (such a body is read there and
 * handed on from memory, so that an anonymous client makes the stand keep nothing).
 */
class BodyLimitFilter extends OncePerRequestFilter {

	private final BodyLimits limits;

	private final boolean chunked;

	/**
	 * @param chunked whether this is the filter after authentication, which reads the
	 * bodies sent in chunks; the one ahead checks declared lengths only
	 */
	BodyLimitFilter(BodyLimits limits, boolean chunked) {
		this.limits = limits;
		this.chunked = chunked;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// The address as the services read it, decoded: /emulator/%61pi/state is the
		// control plane's too.
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		long limit = this.limits.forAddress(path);
		if (limit < 0) {
			chain.doFilter(request, response);
			return;
		}
		long length = request.getContentLengthLong();
		if (length > limit) {
			refuse(response);
			return;
		}
		if (!this.chunked || length >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		if (body.length > limit) {
			refuse(response);
			return;
		}
		chain.doFilter(new InMemoryBody(request, body), response);
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		// The rest of the body is not read: closing the connection lets the client
		// see the answer even while it is still sending.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
	}

}
