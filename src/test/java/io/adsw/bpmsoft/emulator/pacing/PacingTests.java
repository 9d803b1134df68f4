package io.adsw.bpmsoft.emulator.pacing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Pacing over HTTP, on a stand that works on one request at a time and lets a request
 * wait two seconds for its turn.
 */
@StandTest
@TestPropertySource(properties = { "emulator.pacing.concurrent-requests=1", "emulator.pacing.max-wait=2s" })
class PacingTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	int port;

	@Autowired
	AdminClient admin;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@AfterEach
	void removeRules() {
		this.admin.given().delete("/emulator/api/faults").then().statusCode(204);
	}

	@Test
	void theNumberOfTurnsIsAMetric() {
		assertThat(metric("emulator_pacing_turns")).isEqualTo(1.0);
	}

	@Test
	void withEveryTurnTakenARequestGoesAheadAfterTheLongestWaitAndIsCounted() throws Exception {
		String approval = this.data.approval();
		double before = metric("emulator_pacing_went_ahead_total");
		try (Socket stalled = holdTheOnlyTurn()) {
			// Health is never held.
			given().port(this.port).get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
			this.elma.createChain(approval, "Согласовано").spec(success());
		}
		assertThat(metric("emulator_pacing_went_ahead_total")).isEqualTo(before + 1);
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void aRefusalTakesNoTurn() throws Exception {
		double before = metric("emulator_pacing_went_ahead_total");
		try (Socket stalled = holdTheOnlyTurn()) {
			new ElmaClient(this.port, "wrong").createChain(this.data.approval(), "Согласовано")
				.spec(answer(403, Contract.FORBIDDEN));
			given().port(this.port).contentType("application/json").get("/0/odata/Contact").then().statusCode(401);
			// Both answered at once: neither waited the longest wait for a turn.
			assertThat(metric("emulator_pacing_went_ahead_total")).isEqualTo(before);
		}
	}

	/**
	 * Sends half of an OData write's body: the data service reads it once the request has
	 * its turn, and holds the turn while it waits for the rest.
	 */
	private Socket holdTheOnlyTurn() throws IOException {
		Socket stalled = new Socket("127.0.0.1", this.port);
		OutputStream out = stalled.getOutputStream();
		String credentials = Base64.getEncoder()
			.encodeToString("Supervisor:Supervisor".getBytes(StandardCharsets.UTF_8));
		out.write(("POST /0/odata/Contact HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
				+ "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"Name\":")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		awaitMetric("emulator_pacing_active", (value) -> value == 1.0);
		return stalled;
	}

	@Test
	void aRequestDelayedByAFaultRuleDoesNotHoldUpTheRequestsBehindIt() {
		String delayed = this.data.approval();
		String other = this.data.approval();
		this.admin.given()
			.body("{\"endpoint\":\"CreateChainOfApproval\",\"delayMs\":3000,\"times\":1,\"idCrm\":\"" + delayed + "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201);
		double before = metric("emulator_pacing_went_ahead_total");
		CompletableFuture<Integer> slow = CompletableFuture
			.supplyAsync(() -> this.elma.createChain(delayed, "Согласовано").extract().statusCode());
		awaitRuleTaken();
		this.elma.createChain(other, "Согласовано").spec(success());
		// Had the delayed request kept its turn while it slept, this one would have
		// waited the longest wait (two seconds, less than the delay of three) and gone
		// ahead.
		assertThat(metric("emulator_pacing_went_ahead_total")).isEqualTo(before);
		assertThat(slow.join()).isEqualTo(200);
		assertThat(this.data.approvalView(delayed).status()).isEqualTo("APPROVED");
	}

	private void awaitRuleTaken() {
		Instant deadline = Instant.now().plus(PATIENCE);
		// Taken, and the request it took sleeps before its turn: no request holds one.
		while (this.admin.given()
			.get("/emulator/api/faults")
			.then()
			.statusCode(200)
			.extract()
			.jsonPath()
			.getInt("[0].applied") != 1 || metric("emulator_pacing_active") != 0.0) {
			assertThat(Instant.now()).as("the delayed request reaches its fault rule").isBefore(deadline);
			Thread.onSpinWait();
		}
	}

	private void awaitMetric(String name, DoublePredicate condition) {
		Instant deadline = Instant.now().plus(PATIENCE);
		while (!condition.test(metric(name))) {
			assertThat(Instant.now()).as(name).isBefore(deadline);
			Thread.onSpinWait();
		}
	}

	private double metric(String name) {
		String text = this.admin.given().get("/actuator/prometheus").then().statusCode(200).extract().asString();
		Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$").matcher(text);
		assertThat(matcher.find()).as(name + " in " + text).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
