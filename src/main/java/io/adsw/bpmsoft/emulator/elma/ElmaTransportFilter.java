package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;
import java.nio.charset.Charset;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The checks a web server makes before ElmaService sees a request: method, body size and
 * content type, each answered with the envelope. It runs first in the ElmaService filter
 * chain, reads the body once for the rest of the chain, and turns any failure further
 * down into the 500 envelope, so that no stack trace ever reaches ELMA.
 */
public class ElmaTransportFilter extends OncePerRequestFilter {

	/** Bodies up to 1 MiB are read; a longer one is refused before anything else. */
	public static final int MAX_BODY_BYTES = 1024 * 1024;

	private static final Logger logger = LoggerFactory.getLogger(ElmaTransportFilter.class);

	private final ElmaAnswers answers;

	public ElmaTransportFilter(ElmaAnswers answers) {
		this.answers = answers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!HttpMethod.POST.matches(request.getMethod())) {
			refusedUnread(request);
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			refuse(response, 405, ElmaMessages.format(ElmaMessages.METHOD_NOT_ALLOWED, request.getMethod()));
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			refusedUnread(request);
			refuseTooLarge(response);
			return;
		}
		Charset charset;
		try {
			charset = declaredCharset(request.getContentType());
		}
		catch (UnsupportedContentType ex) {
			refusedUnread(request);
			refuse(response, 415, ex.getMessage());
			return;
		}
		byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
		if (body.length > MAX_BODY_BYTES) {
			request.setAttribute(ElmaRefusedBody.ATTRIBUTE, ElmaRefusedBody.beginning(body, charset));
			refuseTooLarge(response);
			return;
		}
		request.setAttribute(ElmaRawBody.ATTRIBUTE, new ElmaRawBody(body, charset));
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			logger.error("ElmaService request {} failed", request.getRequestURI(), ex);
			if (response.isCommitted()) {
				throw ex;
			}
			response.reset();
			this.answers.write(response, new ElmaAnswer(500, ElmaMessages.INTERNAL_ERROR));
		}
	}

	/**
	 * Reads, for the journal, the first {@code limit} bytes of a body these checks
	 * refused without reading it, before their answer goes: bytes the web server would
	 * read anyway, after the answer, to discard them and keep the connection open. Does
	 * nothing for any other request, and never fails.
	 */
	public static void readRefusedBody(HttpServletRequest request, int limit) {
		if (request.getAttribute(ElmaRefusedBody.ATTRIBUTE) instanceof ElmaRefusedBody refused && refused.isPending()) {
			try {
				refused.read(request.getInputStream(), request.getContentLengthLong(), limit);
			}
			catch (IOException ex) {
				// No body to read after all: it stays flagged as not kept.
			}
		}
	}

	/**
	 * Notes the body of a request refused before any of it was read, for the journal to
	 * read its beginning before the answer. Not where that would change the answer or the
	 * connection: a body announced over the limit is refused while the client may still
	 * be sending it (and its rest could be too long for the web server to discard), and a
	 * refused client that asked for {@code 100 Continue} has its connection closed by
	 * Tomcat unless the body was read whole.
	 */
	private static void refusedUnread(HttpServletRequest request) {
		long length = request.getContentLengthLong();
		Charset charset = lenientCharset(request.getContentType());
		ElmaRefusedBody refused;
		if (length <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
			refused = ElmaRefusedBody.none(charset);
		}
		else if (length > MAX_BODY_BYTES || request.getHeader(HttpHeaders.EXPECT) != null) {
			refused = ElmaRefusedBody.notRead(charset);
		}
		else {
			refused = ElmaRefusedBody.pending(charset);
		}
		request.setAttribute(ElmaRefusedBody.ATTRIBUTE, refused);
	}

	/** The charset any content type declares, if it names one this JVM knows. */
	private static @Nullable Charset lenientCharset(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		try {
			return MediaType.parseMediaType(contentType).getCharset();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The charset a JSON content type declares. No {@code Content-Type} at all is taken
	 * as JSON; {@code application/json} and {@code application/*+json} are JSON with any
	 * parameters.
	 */
	private static @Nullable Charset declaredCharset(@Nullable String contentType) throws UnsupportedContentType {
		if (contentType == null || contentType.isBlank()) {
			return null;
		}
		String[] parts = contentType.split(";");
		if (!isJson(parts[0])) {
			throw new UnsupportedContentType(ElmaMessages.format(ElmaMessages.UNSUPPORTED_MEDIA_TYPE, contentType));
		}
		Charset charset = null;
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			if (equals > 0 && parts[i].substring(0, equals).strip().equalsIgnoreCase("charset")) {
				String name = unquote(parts[i].substring(equals + 1).strip());
				try {
					charset = Charset.forName(name);
				}
				catch (IllegalArgumentException ex) {
					throw new UnsupportedContentType(ElmaMessages.format(ElmaMessages.UNSUPPORTED_CHARSET, name));
				}
			}
		}
		return charset;
	}

	private static boolean isJson(String type) {
		try {
			MediaType mediaType = MediaType.parseMediaType(type);
			return mediaType.getType().equalsIgnoreCase("application")
					&& (mediaType.getSubtype().equalsIgnoreCase("json")
							|| "json".equalsIgnoreCase(mediaType.getSubtypeSuffix()));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private void refuseTooLarge(HttpServletResponse response) throws IOException {
		// The rest of the body is not read: closing the connection lets ELMA see the
		// answer
		// even while it is still sending.
		response.setHeader(HttpHeaders.CONNECTION, "close");
		refuse(response, 413, ElmaMessages.format(ElmaMessages.PAYLOAD_TOO_LARGE, String.valueOf(MAX_BODY_BYTES)));
	}

	private void refuse(HttpServletResponse response, int status, String message) throws IOException {
		this.answers.writeTransport(response, new ElmaAnswer(status, message));
	}

	private static final class UnsupportedContentType extends Exception {

		UnsupportedContentType(String message) {
			super(message, null, false, false);
		}

	}

}
