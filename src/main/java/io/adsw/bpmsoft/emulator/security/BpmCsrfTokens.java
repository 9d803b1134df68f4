package io.adsw.bpmsoft.emulator.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Creatio's {@code BPMCSRF}: the token a login issues belongs to that login's session. It
 * is kept in the session and written as a cookie of that name, readable by scripts and
 * for the whole site, which Creatio's clients read and echo in the header. Spring's
 * {@code CsrfFilter} compares the header with the token loaded here: the session's own,
 * and only while the request's cookie still holds it. A cookie and header made up by the
 * client, or kept from another login, therefore fail, as they do on a stand; a
 * double-submit check alone would let any equal pair through.
 */
final class BpmCsrfTokens implements CsrfTokenRepository {

	private static final String SESSION_ATTRIBUTE = BpmCsrfTokens.class.getName() + ".TOKEN";

	private final CookieCsrfTokenRepository cookies = CookieCsrfTokenRepository.withHttpOnlyFalse();

	BpmCsrfTokens() {
		this.cookies.setCookieName(CreatioCookies.CSRF);
		this.cookies.setHeaderName(CreatioCookies.CSRF);
		this.cookies.setCookiePath(CreatioCookies.PATH);
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.cookies.generateToken(request);
	}

	/**
	 * Kept in the session the request has, and sent as the cookie. A request without a
	 * session keeps nothing: tokens are only issued at login, which has made one. At
	 * logout ({@code null}) the cookie is expired with {@code Max-Age=0} like the
	 * session's other cookies.
	 */
	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		HttpSession session = request.getSession(false);
		if (token == null) {
			if (session != null) {
				session.removeAttribute(SESSION_ATTRIBUTE);
			}
			CreatioCookies.expire(CreatioCookies.CSRF, false, request, response);
			return;
		}
		if (session != null) {
			session.setAttribute(SESSION_ATTRIBUTE, token);
		}
		this.cookies.saveToken(token, request, response);
	}

	/**
	 * The session's token while the request's {@code BPMCSRF} cookie holds it; for any
	 * other cookie, or none, a token of its own that no header can match (a refusal then
	 * words which part is wrong). {@code null} only for a request without a token in its
	 * session.
	 */
	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(SESSION_ATTRIBUTE) instanceof CsrfToken issued)) {
			return null;
		}
		Cookie cookie = WebUtils.getCookie(request, CreatioCookies.CSRF);
		return (cookie != null && issued.getToken().equals(cookie.getValue())) ? issued : generateToken(request);
	}

	/** Whether the request's {@code BPMCSRF} cookie is the token of its session. */
	static boolean cookieIsTheSessions(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Cookie cookie = WebUtils.getCookie(request, CreatioCookies.CSRF);
		return session != null && cookie != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof CsrfToken issued
				&& issued.getToken().equals(cookie.getValue());
	}

}
