package io.adsw.bpmsoft.emulator.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;

/**
 * Creatio's {@code BPMCSRF}: Spring's cookie token repository with cookie and header of
 * that name, the cookie readable by scripts and for the whole site, as Creatio's clients
 * read it and echo it in the header. The only change is at logout: the cookie is expired
 * with {@code Max-Age=0} like the session's other cookies.
 */
final class BpmCsrfTokens implements CsrfTokenRepository {

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

	@Override
	public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			CreatioCookies.expire(CreatioCookies.CSRF, false, request, response);
			return;
		}
		this.cookies.saveToken(token, request, response);
	}

	@Override
	public @Nullable CsrfToken loadToken(HttpServletRequest request) {
		return this.cookies.loadToken(request);
	}

}
