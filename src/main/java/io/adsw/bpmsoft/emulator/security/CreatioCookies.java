package io.adsw.bpmsoft.emulator.security;

import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;

/**
 * The cookies of a Creatio session. {@code .ASPXAUTH} is the servlet session's own cookie
 * ({@code server.servlet.session.cookie.name}) and {@code BPMCSRF} is written by Spring's
 * CSRF token repository; the others are written here at login. All are for the whole site
 * ({@code Path=/}), with no {@code Domain}, and {@code Secure} only when the request came
 * over HTTPS, as Tomcat does for the session cookie: stands run on plain HTTP too. Logout
 * expires them here with {@code Max-Age=0}, which Tomcat's own cookie writer leaves out.
 */
final class CreatioCookies {

	static final String SESSION = ".ASPXAUTH";

	static final String CSRF = "BPMCSRF";

	static final String LOADER = "BPMLOADER";

	static final String SESSION_ID = "BPMSESSIONID";

	static final String USER_NAME = "UserName";

	/**
	 * The HttpOnly cookies of a session: every cookie a login sets but {@code BPMCSRF}.
	 */
	static final List<String> HTTP_ONLY = List.of(SESSION, LOADER, SESSION_ID, USER_NAME);

	static final String PATH = "/";

	/** ASP.NET session ids: 24 characters, 5 bits each, from this alphabet. */
	private static final char[] SESSION_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz012345".toCharArray();

	private static final int SESSION_ID_LENGTH = 24;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Sets {@code BPMLOADER}, {@code BPMSESSIONID} and {@code UserName}, all HttpOnly, as
	 * Creatio does at login.
	 */
	void addLoginCookies(String userName, HttpServletRequest request, HttpServletResponse response) {
		add(LOADER, aspNetSessionId(), request, response);
		add(SESSION_ID, aspNetSessionId(), request, response);
		add(USER_NAME, charCodes(userName), request, response);
	}

	/**
	 * Creatio's {@code UserName} cookie holds the name's UTF-16 character codes joined by
	 * {@code |}: {@code Supervisor} is {@code 83|117|112|101|114|118|105|115|111|114}.
	 */
	static String charCodes(String userName) {
		return userName.chars().mapToObj(Integer::toString).collect(Collectors.joining("|"));
	}

	/**
	 * Expires the HttpOnly cookies of the session, at logout; {@code BPMCSRF} is expired
	 * by the CSRF token repository ({@link BpmCsrfTokens}).
	 */
	static void expireSession(HttpServletRequest request, HttpServletResponse response,
			@Nullable Authentication authentication) {
		for (String name : HTTP_ONLY) {
			expire(name, true, request, response);
		}
	}

	static void expire(String name, boolean httpOnly, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(name, "", httpOnly, request).maxAge(0).build().toString());
	}

	private String aspNetSessionId() {
		char[] id = new char[SESSION_ID_LENGTH];
		for (int i = 0; i < id.length; i++) {
			id[i] = SESSION_ID_ALPHABET[this.random.nextInt(SESSION_ID_ALPHABET.length)];
		}
		return new String(id);
	}

	private static void add(String name, String value, HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(name, value, true, request).build().toString());
	}

	private static ResponseCookie.ResponseCookieBuilder cookie(String name, String value, boolean httpOnly,
			HttpServletRequest request) {
		return ResponseCookie.from(name, value).path(PATH).httpOnly(httpOnly).secure(request.isSecure());
	}

}
