package io.adsw.bpmsoft.emulator.security;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.CreatioClient.Session;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ElmaService keeps its own rules beside Creatio's login: only the {@code X-Elma-Service}
 * key counts, {@code BPMCSRF} never applies, and no session or cookie is ever made.
 */
@StandTest
class ElmaServiceIsolationTests {

	@Autowired
	ElmaClient elma;

	@Autowired
	CreatioClient creatio;

	@Autowired
	StandData data;

	@Test
	void elmaServiceAnswersAndSetsNoCookie() {
		String approval = this.data.approval();
		String email = this.data.contact("elma");

		Response response = this.elma.request()
			.body(ElmaClient.json("id_crm", approval, "chain_of_approval", email))
			.post(ElmaClient.CREATE);

		response.then().spec(ElmaClient.success());
		assertThat(response.headers().hasHeaderWithName("Set-Cookie")).isFalse();
	}

	@Test
	void sessionCookiesNeitherHelpNorHinderElma() {
		Session session = this.creatio.logIn();
		String approval = this.data.approval();
		String email = this.data.contact("elma");

		Response withKey = this.elma.request()
			.cookies(session.cookies())
			.body(ElmaClient.json("id_crm", approval, "chain_of_approval", email))
			.post(ElmaClient.CREATE);
		Response withoutKey = this.elma.anonymous()
			.cookies(session.cookies())
			.header("BPMCSRF", session.csrf())
			.body(ElmaClient.json("id_crm", approval, "chain_of_approval", email))
			.post(ElmaClient.CREATE);

		withKey.then().spec(ElmaClient.success());
		assertThat(withKey.headers().hasHeaderWithName("Set-Cookie")).isFalse();
		withoutKey.then().spec(answer(403, Contract.FORBIDDEN));
		assertThat(withoutKey.headers().hasHeaderWithName("Set-Cookie")).isFalse();
	}

	@Test
	void basicCredentialsDoNotOpenElmaService() {
		this.creatio.basic()
			.contentType("application/json")
			.body("{}")
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
	}

}
