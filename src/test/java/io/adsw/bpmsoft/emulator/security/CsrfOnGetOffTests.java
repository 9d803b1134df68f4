package io.adsw.bpmsoft.emulator.security;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.CreatioClient.Session;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertForbidden;
import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;

/**
 * {@code emulator.security.csrf-on-get=false}: a session reads without {@code BPMCSRF},
 * but still needs it to change anything.
 */
@StandTest
@TestPropertySource(properties = "emulator.security.csrf-on-get=false")
class CsrfOnGetOffTests {

	@Autowired
	CreatioClient creatio;

	Session session;

	@BeforeEach
	void logIn() {
		this.session = this.creatio.logIn();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void sessionReadsWithoutBpmCsrfButCannotWrite(String root) {
		this.session.withoutCsrf().get(root + "/Contact").then().statusCode(200);
		this.session.withoutCsrf().header("BPMCSRF", "wrong").get(root + "/Contact").then().statusCode(200);
		assertForbidden(this.session.withoutCsrf()
			.contentType("application/json")
			.body(ElmaClient.json("Name", "Без BPMCSRF"))
			.post(root + "/Contact"), CreatioClient.CSRF_MISSING);
		assertForbidden(this.session.withoutCsrf().post("/0/rest/MainMenuService/Logout"), CreatioClient.CSRF_MISSING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void noSessionIsStill401(String root) {
		assertUnauthenticated(this.creatio.anonymous().get(root + "/Contact"));
	}

}
