package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;

/**
 * {@code emulator.elma.http-status=always-200}: a stand whose real counterpart answers
 * HTTP 200 and reports errors only in the envelope.
 */
@StandTest
@TestPropertySource(properties = "emulator.elma.http-status=always-200")
class HttpStatusModeTests {

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@Test
	void forbiddenIsHttp200WithTheEnvelopeStatus() {
		this.elma.anonymous().body("{}").post(ElmaClient.CREATE).then().spec(answer(200, 403, Contract.FORBIDDEN));
	}

	@Test
	void badRequestIsHttp200WithTheEnvelopeStatus() {
		this.elma.post(ElmaClient.CREATE, "").spec(answer(200, 400, Contract.ID_CRM_EMPTY));
		this.elma.createChain("123-123", "a@b.c").spec(answer(200, 400, Contract.approvalNotFound("123-123")));
	}

	@Test
	void unknownOperationIsHttp200WithTheEnvelopeStatus() {
		this.elma.post("/ServiceModel/ElmaService.svc/Nothing", "{}")
			.spec(answer(200, 404, "Операция Nothing не найдена в ElmaService.svc"));
	}

	@Test
	void successIsStillHttp200() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
	}

	@Test
	void transportRefusalsKeepTheirHttpStatus() {
		this.elma.request()
			.get(ElmaClient.CREATE)
			.then()
			.spec(answer(405, "Метод HTTP GET не поддерживается: ElmaService принимает только POST"));
		this.elma.request()
			.body(new byte[1024 * 1024 + 1])
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(413, "Тело запроса больше допустимых 1048576 байт"));
	}

}
