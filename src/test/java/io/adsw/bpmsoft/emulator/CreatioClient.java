package io.adsw.bpmsoft.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Creatio client's side of the wire in tests: logs in through
 * {@code AuthService.svc/Login} and sends requests with the session's cookies and the
 * {@code BPMCSRF} header, as Creatio's clients do. The texts are the README's, word for
 * word.
 */
public final class CreatioClient {

	public static final String USER = "Supervisor";

	public static final String PASSWORD = "Supervisor";

	public static final String LOGIN = "/ServiceModel/AuthService.svc/Login";

	public static final String SESSION_COOKIE = ".ASPXAUTH";

	public static final String CSRF = "BPMCSRF";

	/** Every cookie a login sets, and a logout expires. */
	public static final List<String> SESSION_COOKIES = List.of(SESSION_COOKIE, CSRF, "BPMLOADER", "BPMSESSIONID",
			"UserName");

	public static final String LOGIN_SUCCESS = "{\"Code\":0,\"Message\":\"\",\"Exception\":null,"
			+ "\"PasswordChangeUrl\":null,\"RedirectUrl\":null}";

	/** Creatio's own 401, for a request without a valid session. */
	public static final String AUTHENTICATION_FAILED = "{\"Message\":\"Authentication failed.\",\"StackTrace\":null,"
			+ "\"ExceptionType\":\"System.InvalidOperationException\"}";

	public static final String WRONG_CREDENTIALS = "Invalid user name or password.";

	public static final String USER_NAME_EMPTY = "UserName must be a non-empty string.";

	public static final String USER_PASSWORD_EMPTY = "UserPassword must be a non-empty string.";

	public static final String NOT_A_JSON_OBJECT = "The request body must be a JSON object with UserName and UserPassword.";

	public static final String CSRF_MISSING = "The BPMCSRF header is missing: send the value of the BPMCSRF cookie in it.";

	public static final String CSRF_WRONG = "The BPMCSRF header does not match the BPMCSRF cookie.";

	public static final String CSRF_NOT_THE_SESSIONS = "The BPMCSRF cookie and header are not this session's: send the BPMCSRF cookie that the same login as .ASPXAUTH set.";

	public static final String CSRF_COOKIE_MISSING = "The BPMCSRF cookie is missing: send every cookie the login set, BPMCSRF included.";

	public static final String ACCESS_DENIED = "Access to this address is denied.";

	private final int port;

	public CreatioClient(int port) {
		this.port = port;
	}

	/** The failed login's body: HTTP 200, {@code Code} 1 and the reason twice. */
	public static String loginFailure(String message) {
		return "{\"Code\":1,\"Message\":\"" + message + "\",\"Exception\":{\"Message\":\"" + message + "\"},"
				+ "\"PasswordChangeUrl\":null,\"RedirectUrl\":null}";
	}

	/** The stand's 403 body. */
	public static String forbidden(String message) {
		return "{\"Message\":\"" + message
				+ "\",\"StackTrace\":null,\"ExceptionType\":\"System.Security.SecurityException\"}";
	}

	/** A request with no cookie and no credentials. */
	public RequestSpecification anonymous() {
		return given().port(this.port);
	}

	/** A request with the local stand's user by HTTP Basic. */
	public RequestSpecification basic() {
		return basic(USER, PASSWORD);
	}

	public RequestSpecification basic(String user, String password) {
		return given().port(this.port).auth().preemptive().basic(user, password);
	}

	/** Posts a login body as Creatio's clients do, to the given address. */
	public Response login(String path, String body) {
		return given().port(this.port).contentType("application/json; charset=utf-8").body(body).post(path);
	}

	/** Logs in with the given credentials and checks that it worked. */
	public Session logIn(String user, String password) {
		Response response = login(LOGIN, ElmaClient.json("UserName", user, "UserPassword", password));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEqualTo(LOGIN_SUCCESS);
		return new Session(this.port, response.getCookies());
	}

	/** Logs in as the local stand's user. */
	public Session logIn() {
		return logIn(USER, PASSWORD);
	}

	/** The cookies of a logged-in session. */
	public record Session(int port, Map<String, String> cookies) {

		public String csrf() {
			return this.cookies.get(CSRF);
		}

		public String sessionId() {
			return this.cookies.get(SESSION_COOKIE);
		}

		/** A request with the session's cookies and its {@code BPMCSRF} header. */
		public RequestSpecification request() {
			return withoutCsrf().header(CSRF, csrf());
		}

		/** A request with the session's cookies but no {@code BPMCSRF} header. */
		public RequestSpecification withoutCsrf() {
			return given().port(this.port).cookies(this.cookies);
		}

	}

	/** One {@code Set-Cookie} header: name, value and attributes (names lower-cased). */
	public record SetCookie(String name, String value, Map<String, String> attributes) {

		public static SetCookie parse(String header) {
			String[] parts = header.split(";");
			String[] pair = parts[0].split("=", 2);
			Map<String, String> attributes = new LinkedHashMap<>();
			for (int i = 1; i < parts.length; i++) {
				String[] attribute = parts[i].strip().split("=", 2);
				attributes.put(attribute[0].toLowerCase(Locale.ROOT), (attribute.length > 1) ? attribute[1] : "");
			}
			return new SetCookie(pair[0].strip(), (pair.length > 1) ? pair[1] : "", attributes);
		}

		/** Every {@code Set-Cookie} of an answer, by name, in order. */
		public static Map<String, SetCookie> of(Response response) {
			Map<String, SetCookie> cookies = new LinkedHashMap<>();
			for (String header : response.headers().getValues("Set-Cookie")) {
				SetCookie cookie = parse(header);
				assertThat(cookies.put(cookie.name(), cookie)).as("a second Set-Cookie for %s", cookie.name()).isNull();
			}
			return cookies;
		}

	}

}
