package io.adsw.bpmsoft.emulator.security;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.CreatioClient.Session;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertForbidden;
import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;

/**
 * The control plane ({@code /emulator/**}) and the actuator are for admins only, by
 * session or HTTP Basic; other users may use the data service.
 */
@StandTest
@TestPropertySource(properties = { "emulator.security.users[0].name=Supervisor",
		"emulator.security.users[0].password=" + ControlPlaneAccessTests.HASH, "emulator.security.users[1].name=Clerk",
		"emulator.security.users[1].password=" + ControlPlaneAccessTests.HASH,
		"emulator.security.users[1].roles=USER" })
class ControlPlaneAccessTests {

	/** The password {@code Supervisor}. */
	static final String HASH = "{bcrypt}$2a$10$7TnYs2PERKLN0DATFSNNI.OiIivTj6x7hlUcmH4fPj0W62MQuGrbe";

	/**
	 * An address of the control plane's API that nothing serves: 404 once past security.
	 */
	private static final String CONTROL_PLANE = "/emulator/api/nothing-here";

	@Autowired
	CreatioClient creatio;

	@Test
	void adminPassesBySessionOrBasic() {
		Session admin = this.creatio.logIn();

		admin.request().get(CONTROL_PLANE).then().statusCode(404);
		admin.request().get("/actuator/env").then().statusCode(200);
		this.creatio.basic().get(CONTROL_PLANE).then().statusCode(404);
		this.creatio.basic().get("/actuator/env").then().statusCode(200);
	}

	@Test
	void adminSessionNeedsBpmCsrfThereToo() {
		Session admin = this.creatio.logIn();

		assertForbidden(admin.withoutCsrf().get(CONTROL_PLANE), CreatioClient.CSRF_MISSING);
		assertForbidden(admin.withoutCsrf().post(CONTROL_PLANE), CreatioClient.CSRF_MISSING);
	}

	@Test
	void dashboardPagesOpenWithoutBpmCsrfButTheirDataNeedsIt() {
		Session admin = this.creatio.logIn();

		admin.withoutCsrf().get("/emulator/").then().statusCode(200);
		assertForbidden(admin.withoutCsrf().get("/emulator/api/journal"), CreatioClient.CSRF_MISSING);
		admin.request().get("/emulator/api/journal").then().statusCode(200);
	}

	@Test
	void browserWithoutSessionIsSentToSignIn() {
		this.creatio.anonymous()
			.header("Accept", "text/html,application/xhtml+xml")
			.redirects()
			.follow(false)
			.get("/emulator/")
			.then()
			.statusCode(302)
			.header("Location", org.hamcrest.Matchers.endsWith("/emulator/login.html"));
		this.creatio.anonymous().get("/emulator/login.html").then().statusCode(200);
	}

	@Test
	void userWithoutAdminRoleIsRefused() {
		Session clerk = this.creatio.logIn("Clerk", CreatioClient.PASSWORD);

		assertForbidden(clerk.request().get(CONTROL_PLANE), CreatioClient.ACCESS_DENIED);
		assertForbidden(clerk.request().get("/actuator/env"), CreatioClient.ACCESS_DENIED);
		assertForbidden(this.creatio.basic("Clerk", CreatioClient.PASSWORD).get(CONTROL_PLANE),
				CreatioClient.ACCESS_DENIED);
		clerk.request().get("/0/odata/Contact").then().statusCode(200);
	}

	@Test
	void nobodyIsRefusedWith401() {
		assertUnauthenticated(this.creatio.anonymous().get(CONTROL_PLANE));
		assertUnauthenticated(this.creatio.anonymous().post(CONTROL_PLANE));
		assertUnauthenticated(this.creatio.anonymous().get("/actuator/env"));
	}

}
