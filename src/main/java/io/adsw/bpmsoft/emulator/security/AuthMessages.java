package io.adsw.bpmsoft.emulator.security;

/**
 * The texts of the stand's login and of its refusals, word for word as the README
 * documents them. Only {@link #AUTHENTICATION_FAILED} and its type are Creatio's own; the
 * others fill in where Creatio's texts are unknown.
 */
final class AuthMessages {

	/** Creatio's 401 for a request without a valid session. */
	static final String AUTHENTICATION_FAILED = "Authentication failed.";

	/** The .NET type Creatio names in its 401. */
	static final String AUTHENTICATION_FAILED_TYPE = "System.InvalidOperationException";

	/** The .NET type the stand names in its 403 answers. */
	static final String FORBIDDEN_TYPE = "System.Security.SecurityException";

	/** Wrong password or unknown user: the same text, so names cannot be probed. */
	static final String WRONG_CREDENTIALS = "Invalid user name or password.";

	static final String USER_NAME_EMPTY = "UserName must be a non-empty string.";

	static final String USER_PASSWORD_EMPTY = "UserPassword must be a non-empty string.";

	static final String NOT_A_JSON_OBJECT = "The request body must be a JSON object with UserName and UserPassword.";

	/**
	 * A member given twice, which would otherwise sign in with one of two names or
	 * passwords.
	 */
	static String givenTwice(String member) {
		return "The request body gives " + member + " more than once: a login names each member once.";
	}

	/**
	 * The body is not JSON at all, and where that shows; never the text there, which may
	 * be the password.
	 */
	static String notJson(String where) {
		return "The request body must be a JSON object with UserName and UserPassword; it is not valid JSON" + where
				+ ".";
	}

	/** The login asked for with another method than POST. */
	static String loginMethod(String method) {
		return "The login takes POST, not " + method
				+ ", with a JSON body: {\"UserName\": \"...\", \"UserPassword\": \"...\"}.";
	}

	static final String CSRF_MISSING = "The BPMCSRF header is missing: send the value of the BPMCSRF cookie in it.";

	static final String CSRF_WRONG = "The BPMCSRF header does not match the BPMCSRF cookie.";

	static final String CSRF_COOKIE_MISSING = "The BPMCSRF cookie is missing: send every cookie the login set, BPMCSRF included.";

	static final String CSRF_NOT_THE_SESSIONS = "The BPMCSRF cookie and header are not this session's: send the BPMCSRF cookie that the same login as .ASPXAUTH set.";

	static final String ACCESS_DENIED = "Access to this address is denied.";

	private AuthMessages() {
	}

}
