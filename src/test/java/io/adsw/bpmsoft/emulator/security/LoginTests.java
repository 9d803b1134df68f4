package io.adsw.bpmsoft.emulator.security;

import java.util.Map;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.CreatioClient.Session;
import io.adsw.bpmsoft.emulator.CreatioClient.SetCookie;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.CreatioClient.LOGIN;
import static io.adsw.bpmsoft.emulator.CreatioClient.LOGIN_SUCCESS;
import static io.adsw.bpmsoft.emulator.CreatioClient.loginFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code AuthService.svc/Login} as Creatio answers it: HTTP 200 whatever happens, the
 * outcome in {@code Code}, and on success the five cookies of a Creatio session.
 */
@StandTest
class LoginTests {

	@LocalServerPort
	int port;

	@Autowired
	CreatioClient creatio;

	@Test
	void loginAnswersCreatiosSuccessBodyAndSetsTheFiveCookies() {
		Response response = this.creatio.login(LOGIN,
				"{\"UserName\":\"Supervisor\",\"UserPassword\":\"Supervisor\",\"TimeZoneOffset\":-180}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).isEqualToIgnoringCase("application/json;charset=utf-8");
		assertThat(response.asString()).isEqualTo(LOGIN_SUCCESS);
		Map<String, SetCookie> cookies = SetCookie.of(response);
		assertThat(cookies).containsOnlyKeys(CreatioClient.SESSION_COOKIES);
		assertThat(cookies.get(".ASPXAUTH").attributes()).containsOnly(entry("path", "/"), entry("httponly", ""));
		assertThat(cookies.get("BPMLOADER").attributes()).containsOnly(entry("path", "/"), entry("httponly", ""));
		assertThat(cookies.get("BPMSESSIONID").attributes()).containsOnly(entry("path", "/"), entry("httponly", ""));
		assertThat(cookies.get("UserName").attributes()).containsOnly(entry("path", "/"), entry("httponly", ""));
		assertThat(cookies.get("BPMCSRF").attributes()).as("readable by scripts").containsOnly(entry("path", "/"));
		assertThat(cookies.get(".ASPXAUTH").value()).isNotBlank();
		assertThat(cookies.get("BPMCSRF").value()).isNotBlank();
		assertThat(cookies.get("BPMLOADER").value()).matches("[a-z0-5]{24}");
		assertThat(cookies.get("BPMSESSIONID").value()).matches("[a-z0-5]{24}")
			.isNotEqualTo(cookies.get("BPMLOADER").value());
		assertThat(cookies.get("UserName").value()).isEqualTo("83|117|112|101|114|118|105|115|111|114");
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND" })
	void loginByAnotherMethodIsRefusedWith405InTheLoginsAnswer(String method) {
		for (String path : new String[] { LOGIN, "/0" + LOGIN }) {
			Response response = io.restassured.RestAssured.given()
				.port(this.port)
				.contentType("application/json")
				.body("{\"UserName\":\"Supervisor\",\"UserPassword\":\"Supervisor\"}")
				.request(method, path);
			assertThat(response.statusCode()).as(path).isEqualTo(405);
			assertThat(response.header("Allow")).isEqualTo("POST");
			assertThat(response.asString()).isEqualTo(loginFailure("The login takes POST, not " + method
					+ ", with a JSON body: {\\\"UserName\\\": \\\"...\\\", \\\"UserPassword\\\": \\\"...\\\"}."));
			assertThat(response.getCookies()).isEmpty();
		}
	}

	@Test
	void everyLoginGetsCookiesOfItsOwn() {
		Session first = this.creatio.logIn();
		Session second = this.creatio.logIn();

		for (String cookie : CreatioClient.SESSION_COOKIES) {
			if (!cookie.equals("UserName")) {
				assertThat(second.cookies().get(cookie)).as(cookie).isNotEqualTo(first.cookies().get(cookie));
			}
		}
	}

	@Test
	void loginUnderZeroStartsASessionToo() {
		Response response = this.creatio.login("/0" + LOGIN,
				"{\"UserName\":\"Supervisor\",\"UserPassword\":\"Supervisor\"}");

		assertThat(response.asString()).isEqualTo(LOGIN_SUCCESS);
		Session session = new Session(this.port, response.getCookies());
		session.request().get("/0/odata/Contact").then().statusCode(200);
	}

	/** The address is IIS's, in any case, as on a stand. */
	@ParameterizedTest
	@ValueSource(strings = { "/servicemodel/authservice.svc/login", "/SERVICEMODEL/AUTHSERVICE.SVC/LOGIN",
			"/0/ServiceModel/AuthService.svc/login" })
	void loginAddressMatchesInAnyCase(String address) {
		Response response = this.creatio.login(address,
				"{\"UserName\":\"Supervisor\",\"UserPassword\":\"Supervisor\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEqualTo(LOGIN_SUCCESS);
		new Session(this.port, response.getCookies()).request().get("/0/odata/Contact").then().statusCode(200);
	}

	@Test
	void userNameMatchesInAnyCaseAndTheCookieCarriesItAsConfigured() {
		Response response = this.creatio.login(LOGIN, "{\"UserName\":\"SUPERVISOR\",\"UserPassword\":\"Supervisor\"}");

		assertThat(response.asString()).isEqualTo(LOGIN_SUCCESS);
		assertThat(response.getCookie("UserName")).isEqualTo("83|117|112|101|114|118|105|115|111|114");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Supervisor | supervisor", "Supervisor | 'Supervisor '", "Supervisor | wrong",
			"Nobody | Supervisor", "admin | Supervisor" })
	void wrongPasswordOrUnknownUserIsCode1WithHttp200AndNoCookie(String user, String password) {
		Response response = this.creatio.login(LOGIN,
				"{\"UserName\":\"" + user + "\",\"UserPassword\":\"" + password + "\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).isEqualToIgnoringCase("application/json;charset=utf-8");
		assertThat(response.asString()).isEqualTo(loginFailure(CreatioClient.WRONG_CREDENTIALS));
		assertThat(response.headers().hasHeaderWithName("Set-Cookie")).as("no session, no cookie").isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"UserPassword\":\"Supervisor\"}", "{\"UserName\":\"\",\"UserPassword\":\"x\"}",
			"{\"UserName\":\"  \",\"UserPassword\":\"x\"}", "{\"UserName\":null,\"UserPassword\":\"x\"}",
			"{\"UserName\":83,\"UserPassword\":\"x\"}", "{\"userName\":\"Supervisor\",\"UserPassword\":\"x\"}" })
	void missingOrEmptyUserNameIsCode1(String body) {
		assertFailure(this.creatio.login(LOGIN, body), CreatioClient.USER_NAME_EMPTY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"UserName\":\"Supervisor\"}", "{\"UserName\":\"Supervisor\",\"UserPassword\":\"\"}",
			"{\"UserName\":\"Supervisor\",\"UserPassword\":null}",
			"{\"UserName\":\"Supervisor\",\"UserPassword\":[\"Supervisor\"]}" })
	void missingOrEmptyPasswordIsCode1(String body) {
		assertFailure(this.creatio.login(LOGIN, body), CreatioClient.USER_PASSWORD_EMPTY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  ", "[\"Supervisor\",\"Supervisor\"]", "\"Supervisor\"", "null" })
	void bodyThatIsNotAJsonObjectIsCode1(String body) {
		assertFailure(this.creatio.login(LOGIN, body), CreatioClient.NOT_A_JSON_OBJECT);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "not json|(line 1, column 1)", "{\"UserName\":|(line 1, column 13)",
			"{\"UserName\":\"Supervisor\",\"UserPassword\":Sup3rS3cret}|(line 1, column 41)" })
	void bodyThatIsNotJsonIsCode1SayingWhereButNotWhatItHolds(String body, String where) {
		Response response = this.creatio.login(LOGIN, body);
		assertFailure(response,
				CreatioClient.NOT_A_JSON_OBJECT.replace(".", "") + "; it is not valid JSON " + where + ".");
		assertThat(response.asString()).doesNotContain("Sup3rS3cret");
	}

	@Test
	void bodyGivingAMemberTwiceIsCode1() {
		assertFailure(
				this.creatio.login(LOGIN,
						"{\"UserName\":\"Supervisor\",\"UserName\":\"Clerk\",\"UserPassword\":\"Supervisor\"}"),
				"The request body gives UserName (line 1, column 36) more than once: a login names each member once.");
	}

	@Test
	void loginWithoutBodyIsCode1() {
		assertFailure(this.creatio.anonymous().post(LOGIN), CreatioClient.NOT_A_JSON_OBJECT);
	}

	@Test
	void loginNeedsNoBpmCsrfAndGivesASessionItsNewId() {
		Session before = this.creatio.logIn();

		Response response = before.withoutCsrf()
			.contentType("application/json")
			.body("{\"UserName\":\"Supervisor\",\"UserPassword\":\"Supervisor\"}")
			.post(LOGIN);

		assertThat(response.asString()).isEqualTo(LOGIN_SUCCESS);
		Session after = new Session(this.port, response.getCookies());
		assertThat(after.sessionId()).isNotEqualTo(before.sessionId());
		after.request().get("/0/odata/Contact").then().statusCode(200);
		before.request()
			.get("/0/odata/Contact")
			.then()
			.statusCode(401)
			.body(equalTo(CreatioClient.AUTHENTICATION_FAILED));
	}

	@Test
	void failedLoginLeavesAnExistingSessionAlone() {
		Session session = this.creatio.logIn();

		Response response = session.withoutCsrf()
			.contentType("application/json")
			.body("{\"UserName\":\"Supervisor\",\"UserPassword\":\"wrong\"}")
			.post(LOGIN);

		assertThat(response.asString()).isEqualTo(loginFailure(CreatioClient.WRONG_CREDENTIALS));
		assertThat(response.headers().hasHeaderWithName("Set-Cookie")).isFalse();
		session.request().get("/0/odata/Contact").then().statusCode(200);
	}

	private static void assertFailure(Response response, String message) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEqualTo(loginFailure(message));
		assertThat(response.headers().hasHeaderWithName("Set-Cookie")).isFalse();
	}

}
