package io.adsw.bpmsoft.emulator.security;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;

/**
 * {@code emulator.security.http-basic=false}, as on the prod stand: Basic credentials are
 * not looked at, so they meet the 401 of a request without a session; the forms login
 * works.
 */
@StandTest
@TestPropertySource(properties = "emulator.security.http-basic=false")
class HttpBasicOffTests {

	@Autowired
	CreatioClient creatio;

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata/Contact", "/odata/Contact", "/actuator/env", "/emulator/nothing-here" })
	void basicCredentialsAre401AndTheSessionWorks(String path) {
		assertUnauthenticated(this.creatio.basic().get(path));
		this.creatio.logIn().request().get("/0/odata/Contact").then().statusCode(200);
	}

}
