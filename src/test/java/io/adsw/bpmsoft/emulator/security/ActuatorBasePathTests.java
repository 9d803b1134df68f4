package io.adsw.bpmsoft.emulator.security;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertForbidden;
import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;
import static org.hamcrest.Matchers.equalTo;

/**
 * An actuator moved by {@code management.endpoints.web.base-path}, as a platform's
 * conventions may ask: health stays open, everything else stays for admins, and the old
 * address is no longer open.
 */
@StandTest
@TestPropertySource(properties = "management.endpoints.web.base-path=/manage")
class ActuatorBasePathTests {

	@Autowired
	CreatioClient creatio;

	@Test
	void healthIsOpenAtTheNewAddress() {
		this.creatio.anonymous().get("/manage/health").then().statusCode(200).body("status", equalTo("UP"));
		this.creatio.anonymous().get("/manage/health/liveness").then().statusCode(200);
	}

	@Test
	void otherEndpointsAreForAdminsAtTheNewAddress() {
		assertUnauthenticated(this.creatio.anonymous().get("/manage/env"));
		this.creatio.basic().get("/manage/env").then().statusCode(200);
		this.creatio.logIn().request().get("/manage/env").then().statusCode(200);
	}

	@Test
	void theOldAddressIsNoLongerOpen() {
		// An address the stand does not serve: 401 without a session, 403 with one.
		assertUnauthenticated(this.creatio.anonymous().get("/actuator/health"));
		assertForbidden(this.creatio.logIn().request().get("/actuator/health"), CreatioClient.ACCESS_DENIED);
	}

}
