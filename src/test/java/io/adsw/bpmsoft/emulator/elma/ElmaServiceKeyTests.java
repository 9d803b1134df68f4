package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Check 1: the {@code X-Elma-Service} key, which comes before any look at the body.
 */
@StandTest
class ElmaServiceKeyTests {

	@LocalServerPort
	int port;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@Autowired
	AdminClient admin;

	@ParameterizedTest
	@ValueSource(strings = { ElmaClient.CREATE, ElmaClient.CHANGE })
	void requestWithoutKeyIsForbidden(String path) {
		this.elma.anonymous().body(validBodyFor(path)).post(path).then().spec(answer(403, Contract.FORBIDDEN));
	}

	@ParameterizedTest
	@ValueSource(strings = { ElmaClient.CREATE, ElmaClient.CHANGE })
	void requestWithEmptyKeyIsForbidden(String path) {
		this.elma.anonymous()
			.header("X-Elma-Service", "")
			.body(validBodyFor(path))
			.post(path)
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
	}

	@ParameterizedTest
	@ValueSource(strings = { "wrong-key", "TEST-ELMA-KEY", "test-elma-key-", "test-elma-ke" })
	void requestWithWrongKeyIsForbidden(String key) {
		this.elma.anonymous()
			.header("X-Elma-Service", key)
			.body(validBodyFor(ElmaClient.CREATE))
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
	}

	/**
	 * A header sent twice is one value for the real stand, its lines joined by a comma:
	 * never the key, whichever line holds it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "test-elma-key|wrong-key", "wrong-key|test-elma-key", "test-elma-key|test-elma-key",
			"test-elma-key|" })
	void keySentTwiceIsWrongAndJournaled(String lines) {
		String[] values = lines.split("\\|", -1);
		String approval = this.data.approval();
		this.elma.anonymous()
			.header("X-Elma-Service", values[0])
			.header("X-Elma-Service", values[1])
			.body(json("id_crm", approval, "chain_of_approval", "Согласовано"))
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items.auth", contains("wrong"));
	}

	@Test
	void keyTypedInCyrillicIsWrongAndJournaled() throws IOException {
		String approval = this.data.approval();
		byte[] body = json("id_crm", approval, "chain_of_approval", this.data.contact("ivan"))
			.getBytes(StandardCharsets.UTF_8);
		String response;
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\nX-Elma-Service: ")
				.getBytes(StandardCharsets.US_ASCII));
			// As ELMA sends what its settings hold: UTF-8 bytes, some of which read as C1
			// control characters in ISO-8859-1.
			out.write("ключ".getBytes(StandardCharsets.UTF_8));
			out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(response).startsWith("HTTP/1.1 403 ")
			.endsWith("\r\n\r\n{\"status\":403,\"error_message\":\"" + Contract.FORBIDDEN + "\"}");
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items.auth", contains("wrong"))
			.body("items.status", contains(403));
	}

	@Test
	void requestWithRightKeyIsServed() {
		this.elma.request()
			.body(validBodyFor(ElmaClient.CREATE))
			.post(ElmaClient.CREATE)
			.then()
			.spec(ElmaClient.success());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "{}", "not json", "[1, 2]",
			"{\"id_crm\": \"123-123\", \"chain_of_approval\": \"x@y\"}" })
	void keyIsCheckedBeforeTheBody(String body) {
		this.elma.anonymous()
			.header("X-Elma-Service", "wrong-key")
			.body(body)
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
		this.elma.anonymous().body(body).post(ElmaClient.CHANGE).then().spec(answer(403, Contract.FORBIDDEN));
	}

	@Test
	void unknownOperationIsForbiddenWithoutKey() {
		this.elma.anonymous()
			.body("{}")
			.post("/ServiceModel/ElmaService.svc/DeleteEverything")
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
	}

	@Test
	void unknownOperationIsNotFoundWithKey() {
		this.elma.request()
			.body("{}")
			.post("/ServiceModel/ElmaService.svc/DeleteEverything")
			.then()
			.spec(answer(404, "Операция DeleteEverything не найдена в ElmaService.svc"));
		this.elma.request()
			.urlEncodingEnabled(false)
			.body("{}")
			.post("/ServiceModel/ElmaService.svc/%D0%A4%20x")
			.then()
			.spec(answer(404, "Операция Ф x не найдена в ElmaService.svc"));
	}

	/**
	 * Under /0/, Creatio's route behind the login, the service meets the session check:
	 * ELMA's key counts only at the integration note's address.
	 */
	@Test
	void serviceUnderTheLoginRouteNeedsASessionWhateverTheKey() {
		this.elma.request()
			.body("{}")
			.post("/0/ServiceModel/ElmaService.svc/CreateChainOfApproval")
			.then()
			.statusCode(401)
			.body(equalTo(CreatioClient.AUTHENTICATION_FAILED));
	}

	@Test
	void operationWithATrailingSlashIsNotFoundSayingSo() {
		this.elma.request()
			.body("{}")
			.post("/ServiceModel/ElmaService.svc/CreateChainOfApproval/")
			.then()
			.spec(answer(404, "Операция CreateChainOfApproval/ не найдена в ElmaService.svc: уберите косую черту в"
					+ " конце адреса (ElmaService.svc/CreateChainOfApproval)"));
		this.elma.request()
			.body("{}")
			.post("/ServiceModel/ElmaService.svc/changeapproverresolution/")
			.then()
			.spec(answer(404, "Операция changeapproverresolution/ не найдена в ElmaService.svc: уберите косую черту в"
					+ " конце адреса (ElmaService.svc/ChangeApproverResolution)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/ServiceModel/ElmaService.svc", "/ServiceModel/ElmaService.svc/" })
	void missingOperationIsNamedAsMissing(String path) {
		this.elma.request()
			.body("{}")
			.post(path)
			.then()
			.spec(answer(404,
					"Операция не указана: ElmaService.svc принимает CreateChainOfApproval и ChangeApproverResolution"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "createchainofapproval", "CREATECHAINOFAPPROVAL", "createChainOfApproval" })
	void operationNameMatchesInAnyCase(String operation) {
		this.elma.request()
			.body(validBodyFor(ElmaClient.CREATE))
			.post("/ServiceModel/ElmaService.svc/" + operation)
			.then()
			.spec(ElmaClient.success());
		this.elma.anonymous()
			.body(validBodyFor(ElmaClient.CREATE))
			.post("/ServiceModel/ElmaService.svc/" + operation)
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
	}

	/**
	 * The whole address is IIS's, in any case: the service's as well as its operations'.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/servicemodel/elmaservice.svc/CreateChainOfApproval",
			"/SERVICEMODEL/ELMASERVICE.SVC/createchainofapproval" })
	void serviceAddressMatchesInAnyCase(String address) {
		this.elma.request().body(validBodyFor(ElmaClient.CREATE)).post(address).then().spec(ElmaClient.success());
		this.elma.anonymous()
			.body(validBodyFor(ElmaClient.CREATE))
			.post(address)
			.then()
			.spec(answer(403, Contract.FORBIDDEN));
		new ElmaClient(this.port, "wrong").post(address, validBodyFor(ElmaClient.CREATE))
			.spec(answer(403, Contract.FORBIDDEN));
	}

	@Test
	void serviceNeverCreatesASession() {
		given().port(this.port)
			.header("X-Elma-Service", ElmaClient.KEY)
			.contentType("application/json")
			.body(validBodyFor(ElmaClient.CREATE))
			.post(ElmaClient.CREATE)
			.then()
			.spec(ElmaClient.success())
			.header("Set-Cookie", org.hamcrest.Matchers.nullValue());
	}

	private String validBodyFor(String path) {
		String approval = this.data.approval();
		String approver = this.data.contact("ivan");
		if (path.equals(ElmaClient.CREATE)) {
			return json("id_crm", approval, "chain_of_approval", approver);
		}
		this.elma.createChain(approval, approver).spec(ElmaClient.success());
		return json("id_crm", approval, "approver", approver, "resolution", "Согласовано");
	}

}
