package io.adsw.bpmsoft.emulator.security;

import java.util.UUID;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.CreatioClient.Session;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertForbidden;
import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP Basic on the local stand: no {@code BPMCSRF}, no session, judged by its
 * credentials alone.
 */
@StandTest
class HttpBasicTests {

	@Autowired
	CreatioClient creatio;

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void basicReadsAndWritesWithoutBpmCsrfAndGetsNoSession(String root) {
		Response read = this.creatio.basic().get(root + "/Contact");
		Response write = this.creatio.basic()
			.contentType("application/json")
			.body(ElmaClient.json("Name", "Basic", "Email", "basic." + UUID.randomUUID() + "@example.com"))
			.post(root + "/Contact");

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(write.statusCode()).isEqualTo(201);
		assertThat(read.headers().hasHeaderWithName("Set-Cookie")).isFalse();
		assertThat(write.headers().hasHeaderWithName("Set-Cookie")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata/Contact", "/odata/Contact", "/actuator/env", "/emulator/nothing-here" })
	void wrongBasicCredentialsAre401WithoutChallenge(String path) {
		assertUnauthenticated(this.creatio.basic(CreatioClient.USER, "wrong").get(path));
		assertUnauthenticated(this.creatio.basic("Nobody", CreatioClient.PASSWORD).get(path));
	}

	/**
	 * An actuator endpoint that is not exposed, or none at all, is closed to everyone:
	 * right Basic credentials are told so, as a session is, not that they are wrong.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/actuator/metrics", "/actuator/nothing" })
	void rightBasicCredentialsOnAClosedActuatorAddressAreDenied(String path) {
		assertForbidden(this.creatio.basic().get(path), CreatioClient.ACCESS_DENIED);
		assertForbidden(this.creatio.logIn().request().get(path), CreatioClient.ACCESS_DENIED);
		assertUnauthenticated(this.creatio.basic(CreatioClient.USER, "wrong").get(path));
	}

	@Test
	void basicCredentialsAreJudgedAloneEvenWithAValidSession() {
		Session session = this.creatio.logIn();

		assertUnauthenticated(
				session.request().auth().preemptive().basic("Supervisor", "wrong").get("/0/odata/Contact"));
		session.request().get("/0/odata/Contact").then().statusCode(200);
	}

}
