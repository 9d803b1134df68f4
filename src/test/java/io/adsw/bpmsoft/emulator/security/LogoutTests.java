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

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertForbidden;
import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Creatio's logout routes: 200 with an empty body, the session ended, its five cookies
 * expired, no redirect; a session's logout needs {@code BPMCSRF} like any state-changing
 * call.
 */
@StandTest
class LogoutTests {

	@Autowired
	CreatioClient creatio;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/rest/MainMenuService/Logout | {}", "/0/rest/MainMenuService/Logout | {}",
					"/rest/MainMenuService/Logout | ''", "/0/rest/MainMenuService/Logout | ''",
					"/ServiceModel/AuthService.svc/Logout | ''", "/0/ServiceModel/AuthService.svc/Logout | ''",
					"/servicemodel/authservice.svc/logout | ''", "/REST/mainmenuservice/LOGOUT | {}" })
	void logoutEndsTheSessionAndExpiresItsCookies(String path, String body) {
		Session session = this.creatio.logIn();

		Response response = session.request().contentType("application/json").body(body).post(path);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEmpty();
		assertThat(response.headers().hasHeaderWithName("Location")).isFalse();
		Map<String, SetCookie> cookies = SetCookie.of(response);
		assertThat(cookies).containsOnlyKeys(CreatioClient.SESSION_COOKIES);
		assertThat(cookies.values()).allSatisfy((cookie) -> {
			assertThat(cookie.value()).as(cookie.name()).isEmpty();
			assertThat(cookie.attributes()).as(cookie.name())
				.contains(entry("max-age", "0"), entry("path", "/"))
				.doesNotContainKeys("domain", "secure");
		});
		assertUnauthenticated(session.request().get("/0/odata/Contact"));
	}

	@Test
	void logoutOfASessionWithoutBpmCsrfIsRefusedAndTheSessionGoesOn() {
		Session session = this.creatio.logIn();

		Response response = session.withoutCsrf()
			.contentType("application/json")
			.body("{}")
			.post("/0/rest/MainMenuService/Logout");

		assertForbidden(response, CreatioClient.CSRF_MISSING);
		assertThat(response.headers().getValues("Set-Cookie")).noneMatch((header) -> header.startsWith(".ASPXAUTH"));
		session.request().get("/0/odata/Contact").then().statusCode(200);
	}

	@Test
	void logoutOfASessionWithWrongBpmCsrfIsRefused() {
		Session session = this.creatio.logIn();

		assertForbidden(session.withoutCsrf().header("BPMCSRF", "wrong").post("/ServiceModel/AuthService.svc/Logout"),
				CreatioClient.CSRF_WRONG);
		session.request().get("/0/odata/Contact").then().statusCode(200);
	}

	@Test
	void logoutEndsOnlyItsOwnSession() {
		Session leaving = this.creatio.logIn();
		Session staying = this.creatio.logIn();

		leaving.request().post("/0/rest/MainMenuService/Logout").then().statusCode(200);

		assertUnauthenticated(leaving.request().get("/0/odata/Contact"));
		staying.request().get("/0/odata/Contact").then().statusCode(200);
	}

	@Test
	void logoutWithoutSessionAnswers200AndExpiresTheCookies() {
		Response response = this.creatio.anonymous().post("/0/rest/MainMenuService/Logout");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEmpty();
		assertThat(SetCookie.of(response)).containsOnlyKeys(CreatioClient.SESSION_COOKIES);
	}

	@Test
	void logoutIsAPost() {
		Session session = this.creatio.logIn();

		assertForbidden(session.request().get("/0/rest/MainMenuService/Logout"), CreatioClient.ACCESS_DENIED);
		session.request().get("/0/odata/Contact").then().statusCode(200);
	}

}
