package io.adsw.bpmsoft.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a body over its service's limit ({@link BodyLimits}) with 413, answered in the
 * service's own format ({@link RefusalReport}), before the service reads it: by its
 * {@code Content-Length}, or, for a body sent in chunks without one, once more than the
 * limit has arrived (such a body is read here and handed on from memory). Runs after
 * authentication: an anonymous request is refused as such first, and sends nothing that
 * is kept.
 */
class BodyLimitFilter extends OncePerRequestFilter {

	private final BodyLimits limits;

	BodyLimitFilter(BodyLimits limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = this.limits.forAddress(request.getRequestURI());
		if (limit < 0) {
			chain.doFilter(request, response);
			return;
		}
		long length = request.getContentLengthLong();
		if (length > limit) {
			refuse(response);
			return;
		}
		if (length >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		if (body.length > limit) {
			refuse(response);
			return;
		}
		chain.doFilter(new Buffered(request, body), response);
	}

	private static void refuse(HttpServletResponse response) throws IOException {
		// The rest of the body is not read: closing the connection lets the client see
		// the
		// answer even while it is still sending.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
	}

	/** The request with its body read already. */
	private static final class Buffered extends HttpServletRequestWrapper {

		private final byte[] body;

		Buffered(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
				}

			};
		}

	}

}
