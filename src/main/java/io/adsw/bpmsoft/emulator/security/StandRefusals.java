package io.adsw.bpmsoft.emulator.security;

import java.io.IOException;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.util.StringUtils;
import org.springframework.web.util.WebUtils;

/**
 * The stand's 401 and 403, in Creatio's fault format. No valid session (or wrong Basic
 * credentials) is Creatio's 401, without {@code WWW-Authenticate} and without a redirect,
 * as Creatio's web services answer; a session without the right {@code BPMCSRF} header,
 * or a user without the needed role, is 403.
 */
class StandRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** What Creatio's web services send. */
	static final MediaType CONTENT_TYPE = MediaType.parseMediaType("application/json; charset=utf-8");

	private final JsonMapper jsonMapper;

	StandRefusals(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(response, HttpServletResponse.SC_UNAUTHORIZED, CreatioFault.AUTHENTICATION_FAILED);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(response, HttpServletResponse.SC_FORBIDDEN, CreatioFault.forbidden(reason(request, ex)));
	}

	private static String reason(HttpServletRequest request, AccessDeniedException ex) {
		if (!(ex instanceof CsrfException)) {
			return AuthMessages.ACCESS_DENIED;
		}
		// Spring's CsrfFilter has compared the header with the session's token; this only
		// words its verdict.
		String header = request.getHeader(CreatioCookies.CSRF);
		if (!StringUtils.hasLength(header)) {
			return AuthMessages.CSRF_MISSING;
		}
		Cookie cookie = WebUtils.getCookie(request, CreatioCookies.CSRF);
		if (cookie == null) {
			return AuthMessages.CSRF_COOKIE_MISSING;
		}
		if (!header.equals(cookie.getValue())) {
			return AuthMessages.CSRF_WRONG;
		}
		return BpmCsrfTokens.cookieIsTheSessions(request) ? AuthMessages.CSRF_WRONG
				: AuthMessages.CSRF_NOT_THE_SESSIONS;
	}

	private void write(HttpServletResponse response, int status, CreatioFault fault) throws IOException {
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE.toString());
		this.jsonMapper.writeValue(response.getOutputStream(), fault);
	}

}
