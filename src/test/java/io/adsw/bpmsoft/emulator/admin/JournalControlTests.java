package io.adsw.bpmsoft.emulator.admin;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /emulator/api/journal}: every ElmaService request, refused ones included, with
 * what was answered, found by approval, email, endpoint, status and time, newest first.
 */
@StandTest
class JournalControlTests {

	@LocalServerPort
	int port;

	@Autowired
	AdminClient admin;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@Test
	void everyRequestIsJournaledWithItsAnswerNewestFirst() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, ivan).spec(success());
		this.elma.resolve(approval, ivan, "Да").spec(answer(400, Contract.RESOLUTION_INVALID));
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("total", equalTo(2))
			.body("items", hasSize(2))
			.body("items[0].endpoint", equalTo("ChangeApproverResolution"))
			.body("items[0].status", equalTo(400))
			.body("items[0].httpStatus", equalTo(400))
			.body("items[0].message", equalTo(Contract.RESOLUTION_INVALID))
			.body("items[0].auth", equalTo("ok"))
			.body("items[0].emails", contains(ivan))
			.body("items[0].approvalId", nullValue())
			.body("items[1].endpoint", equalTo("CreateChainOfApproval"))
			.body("items[1].approvalId", equalTo(approval))
			.body("items[1].status", equalTo(200))
			.body("items[1].message", equalTo(""))
			.body("items[1].requestBody", equalTo(ElmaClient.json("id_crm", approval, "chain_of_approval", ivan)))
			.body("items[1].durationMs", greaterThanOrEqualTo(0f))
			.body("items[1].time", notNullValue());
	}

	@Test
	void refusedRequestsAreJournaledWithHowTheKeyCompared() {
		String approval = this.data.approval();
		this.elma.anonymous().body(ElmaClient.json("id_crm", approval)).post(ElmaClient.CREATE).then().statusCode(403);
		given().port(this.port)
			.header("X-Elma-Service", "not-the-key")
			.contentType("application/json")
			.body(ElmaClient.json("id_crm", approval))
			.post(ElmaClient.CREATE)
			.then()
			.statusCode(403);
		this.admin.given()
			.queryParam("idCrm", approval.toUpperCase())
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(2))
			.body("items.auth", contains("wrong", "missing"))
			.body("items.status", contains(403, 403))
			.body("items.approvalId", contains(nullValue(), nullValue()));
	}

	@Test
	void theKeyItselfIsNeverJournaled() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(ElmaClient.KEY)));
	}

	@Test
	void entriesAreFoundByEmailInAnyCase() {
		String approval = this.data.approval();
		String maria = this.data.contact("maria");
		String oleg = this.data.contact("oleg");
		this.elma.createChain(approval, maria + ";" + oleg).spec(success());
		this.admin.given()
			.queryParam("email", oleg.toUpperCase())
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].idCrm", equalTo(approval));
	}

	@Test
	void entriesAreFoundByEndpointStatusAndTime() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String from = java.time.Instant.now().minusSeconds(1).toString();
		this.elma.createChain(approval, ivan).spec(success());
		this.elma.resolve(approval, "nobody@example.com", "Согласовано")
			.spec(answer(400, Contract.contactNotFound("nobody@example.com")));
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("endpoint", "ChangeApproverResolution")
			.queryParam("status", 400)
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].message", equalTo(Contract.contactNotFound("nobody@example.com")));
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("to", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(0))
			.body("items", empty());
	}

	@Test
	void pagesHoldTheAskedSize() {
		String approval = this.data.approval();
		for (int i = 0; i < 5; i++) {
			this.elma.createChain(approval, "Согласовано").spec(success());
		}
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("page", 1)
			.queryParam("size", 2)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(5))
			.body("items", hasSize(2))
			.body("items[0].id", greaterThan(0));
	}

	@Test
	void entriesAreDeletedByFilter() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.queryParam("idCrm", approval)
			.delete("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("deleted", equalTo(1));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(0));
	}

	@Test
	void oversizedPageIsRefusedAsAProblem() {
		this.admin.given()
			.queryParam("size", 5000)
			.get("/emulator/api/journal")
			.then()
			.statusCode(400)
			.contentType("application/problem+json");
	}

}
