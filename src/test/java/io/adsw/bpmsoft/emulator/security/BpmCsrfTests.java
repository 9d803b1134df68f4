package io.adsw.bpmsoft.emulator.security;

import java.util.UUID;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.CreatioClient.Session;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertForbidden;
import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's requests to the data service: authentication first (no valid session is
 * 401, whatever the {@code BPMCSRF} header), then {@code BPMCSRF} on every method, GET
 * included, on both roots.
 */
@StandTest
class BpmCsrfTests {

	@Autowired
	CreatioClient creatio;

	Session session;

	@BeforeEach
	void logIn() {
		this.session = this.creatio.logIn();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void sessionWithBpmCsrfReadsAndWrites(String root) {
		String email = newEmail();
		this.session.request().get(root + "/Contact").then().statusCode(200);
		this.session.request()
			.contentType("application/json")
			.body(contact(email))
			.post(root + "/Contact")
			.then()
			.statusCode(201);
		assertThat(count(email)).isEqualTo("1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void sessionWithoutBpmCsrfIsRefusedOnGet(String root) {
		assertForbidden(this.session.withoutCsrf().get(root + "/Contact"), CreatioClient.CSRF_MISSING);
		assertForbidden(this.session.withoutCsrf().header("BPMCSRF", "").get(root + "/Contact"),
				CreatioClient.CSRF_MISSING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void sessionWithoutBpmCsrfWritesNothing(String root) {
		String email = newEmail();

		Response response = this.session.withoutCsrf()
			.contentType("application/json")
			.body(contact(email))
			.post(root + "/Contact");

		assertForbidden(response, CreatioClient.CSRF_MISSING);
		assertThat(count(email)).isEqualTo("0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void sessionWithWrongBpmCsrfIsRefused(String root) {
		String email = newEmail();
		String wrong = this.session.csrf() + "x";

		assertForbidden(this.session.withoutCsrf().header("BPMCSRF", wrong).get(root + "/Contact"),
				CreatioClient.CSRF_WRONG);
		assertForbidden(this.session.withoutCsrf()
			.header("BPMCSRF", wrong)
			.contentType("application/json")
			.body(contact(email))
			.post(root + "/Contact"), CreatioClient.CSRF_WRONG);
		assertThat(count(email)).isEqualTo("0");
	}

	@Test
	void bpmCsrfOfAnotherSessionIsWrong() {
		Session other = this.creatio.logIn();

		assertForbidden(this.session.withoutCsrf().header("BPMCSRF", other.csrf()).get("/0/odata/Contact"),
				CreatioClient.CSRF_WRONG);
	}

	/**
	 * The token belongs to the login that issued it: a cookie and header the client made
	 * up, or kept from another login, are refused even when they agree.
	 */
	@Test
	void bpmCsrfCookieAndHeaderThatAgreeButAreNotTheSessionsAreRefused() {
		Session other = this.creatio.logIn();
		String email = newEmail();
		for (String token : new String[] { "made-up", other.csrf() }) {
			assertForbidden(this.creatio.anonymous()
				.cookie(".ASPXAUTH", this.session.sessionId())
				.cookie("BPMCSRF", token)
				.header("BPMCSRF", token)
				.contentType("application/json")
				.body(contact(email))
				.post("/0/odata/Contact"), CreatioClient.CSRF_NOT_THE_SESSIONS);
			assertForbidden(this.creatio.anonymous()
				.cookie(".ASPXAUTH", this.session.sessionId())
				.cookie("BPMCSRF", token)
				.header("BPMCSRF", token)
				.get("/0/odata/Contact"), CreatioClient.CSRF_NOT_THE_SESSIONS);
		}
		assertThat(count(email)).isEqualTo("0");
		other.request().get("/0/odata/Contact").then().statusCode(200);
	}

	/**
	 * A request without the cookie is refused naming it, and issues no new token: the
	 * session's own still works afterwards.
	 */
	@Test
	void headerWithoutTheBpmCsrfCookieIsRefusedNamingTheCookie() {
		Response response = this.creatio.anonymous()
			.cookie(".ASPXAUTH", this.session.sessionId())
			.header("BPMCSRF", this.session.csrf())
			.get("/0/odata/Contact");

		assertForbidden(response, CreatioClient.CSRF_COOKIE_MISSING);
		assertThat(response.headers().getValues("Set-Cookie")).isEmpty();
		this.session.request().get("/0/odata/Contact").then().statusCode(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata/Contact", "/odata/Contact", "/0/odata/$metadata", "/odata/" })
	void noSessionIs401WhateverTheBpmCsrfHeader(String path) {
		assertUnauthenticated(this.creatio.anonymous().get(path));
		assertUnauthenticated(this.creatio.anonymous().header("BPMCSRF", this.session.csrf()).get(path));
		assertUnauthenticated(this.creatio.anonymous()
			.cookie("BPMCSRF", this.session.csrf())
			.header("BPMCSRF", this.session.csrf())
			.get(path));
		assertUnauthenticated(this.creatio.anonymous()
			.header("BPMCSRF", "anything")
			.contentType("application/json")
			.body(contact(newEmail()))
			.post(path));
	}

	@Test
	void unknownSessionCookieIs401() {
		Response response = this.creatio.anonymous()
			.cookie(".ASPXAUTH", "0123456789ABCDEF0123456789ABCDEF")
			.cookie("BPMCSRF", this.session.csrf())
			.header("BPMCSRF", this.session.csrf())
			.get("/0/odata/Contact");

		assertUnauthenticated(response);
	}

	@Test
	void anonymousRequestOutsideTheServicesIs401AndASessionsIs403() {
		assertUnauthenticated(this.creatio.anonymous().get("/nothing-here"));
		assertForbidden(this.session.request().get("/nothing-here"), CreatioClient.ACCESS_DENIED);
	}

	@Test
	void healthStaysOpenWithOrWithoutSession() {
		this.creatio.anonymous().get("/actuator/health").then().statusCode(200);
		this.session.withoutCsrf().get("/actuator/health").then().statusCode(200);
	}

	private String count(String email) {
		return this.session.request()
			.queryParam("$filter", "Email eq '" + email + "'")
			.get("/0/odata/Contact/$count")
			.then()
			.statusCode(200)
			.extract()
			.asString();
	}

	private static String newEmail() {
		return "csrf." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private static String contact(String email) {
		return ElmaClient.json("Name", "Проверка BPMCSRF", "Email", email);
	}

}
