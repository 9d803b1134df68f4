package io.adsw.bpmsoft.emulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.journal.Journal;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.adsw.bpmsoft.emulator.Burst.atOnce;
import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two stands on one database, as replicas behind a load balancer: ELMA's decisions stay
 * atomic whichever replica takes them, a fault rule made through one holds on the other
 * with its {@code times} counted across both, and the journal they share keeps its newest
 * {@code max-entries}. On H2 both stands open the same database file in this JVM; on
 * PostgreSQL the same database.
 */
class ReplicaTests {

	private static final String APPROVED = "Согласовано";

	private static final String REJECTED = "Отклонено";

	private static final int MAX_ENTRIES = 50;

	@TempDir
	static Path directory;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoStandsOnOneDatabase() {
		String[] database = TestDatabase.newDatabase(directory);
		first = start(database);
		second = start(database);
	}

	private static ConfigurableApplicationContext start(String[] database) {
		List<String> arguments = new ArrayList<>(List.of(database));
		arguments.add("--server.port=0");
		arguments.add("--emulator.journal.max-entries=" + MAX_ENTRIES);
		return new SpringApplicationBuilder(EmulatorApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stopStands() {
		for (ConfigurableApplicationContext stand : new ConfigurableApplicationContext[] { second, first }) {
			if (stand != null) {
				stand.close();
			}
		}
	}

	@AfterEach
	void removeFaultRules() {
		admin(first).delete("/emulator/api/faults").then().statusCode(204);
	}

	@Test
	void decisionsTakenByBothReplicasAtOnceLeaveOneOutcome() throws Exception {
		StandData data = new StandData(first);
		List<String> approvers = data.contacts("approver", 2);
		String ivan = approvers.get(0);
		for (int attempt = 0; attempt < 10; attempt++) {
			String approval = data.approval();
			elma(first).createChain(approval, String.join(";", approvers)).spec(success());
			List<ValidatableResponse> answers = atOnce(2,
					(i) -> elma((i == 0) ? first : second).resolve(approval, ivan, (i == 0) ? APPROVED : REJECTED));
			ApprovalView view = new StandData(second).approvalView(approval);
			String decided = view.steps().get(0).status();
			assertThat(decided).isIn("APPROVED", "REJECTED");
			int winner = decided.equals("APPROVED") ? 0 : 1;
			answers.get(winner).spec(success());
			answers.get(1 - winner)
				.spec(answer(400, Contract.alreadyDecided(approval, ivan, (winner == 0) ? APPROVED : REJECTED)));
			assertThat(view.status()).isEqualTo((winner == 0) ? "IN_PROGRESS" : "REJECTED");
			assertThat(view.steps()).extracting(StepView::status)
				.containsExactly(decided, (winner == 0) ? "PENDING" : "CANCELLED");
		}
	}

	@Test
	void chainsPostedToBothReplicasAtOnceLeaveOnlyTheLatestRoundAlive() throws Exception {
		StandData data = new StandData(first);
		String approval = data.approval();
		List<String> contacts = data.contacts("approver", 12);
		List<ValidatableResponse> answers = atOnce(contacts.size(),
				(i) -> elma((i % 2 == 0) ? first : second).createChain(approval, contacts.get(i)));
		answers.forEach((answer) -> answer.spec(success()));
		ApprovalView view = new StandData(second).approvalView(approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(contacts.size());
		assertThat(view.steps()).extracting(StepView::email).containsExactlyInAnyOrderElementsOf(contacts);
		assertThat(view.current()).extracting(StepView::status).containsExactly("PENDING");
		for (int round = 1; round < view.round(); round++) {
			assertThat(view.round(round)).extracting(StepView::status).containsExactly("CANCELLED");
		}
	}

	@Test
	void faultRuleMadeThroughOneReplicaHoldsOnTheOtherItsTimesInAll() {
		String idCrm = UUID.randomUUID().toString();
		admin(first)
			.body("{\"endpoint\":\"CreateChainOfApproval\",\"status\":500,\"times\":4,\"idCrm\":\"" + idCrm + "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201);
		// The other replica reads the rules again every half second: until then it
		// answers as usual.
		int faults = 0;
		Instant deadline = Instant.now().plusSeconds(30);
		while (faults == 0) {
			assertThat(Instant.now()).as("the other replica reads the rule again and obeys it").isBefore(deadline);
			faults += faultOrNotFound(second, idCrm);
		}
		for (int i = 0; i < 10; i++) {
			faults += faultOrNotFound((i % 2 == 0) ? first : second, idCrm);
		}
		assertThat(faults).isEqualTo(4);
		admin(second).get("/emulator/api/faults")
			.then()
			.statusCode(200)
			.body("size()", equalTo(1))
			.body("[0].applied", equalTo(4))
			.body("[0].remaining", equalTo(0));
	}

	@Test
	void idleReplicaObeysARuleMadeThroughTheOtherFromItsFirstRequest() {
		String idCrm = UUID.randomUUID().toString();
		admin(first)
			.body("{\"endpoint\":\"CreateChainOfApproval\",\"status\":500,\"times\":1,\"idCrm\":\"" + idCrm + "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201);
		// No request reaches the other replica meanwhile: it reads the rules again on its
		// own, so the first request it is sent meets the rule.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(
					admin(second).get("/actuator/prometheus").then().statusCode(200).extract().asString().lines())
				.contains("emulator_faults_known 1.0"));
		assertThat(faultOrNotFound(second, idCrm)).isEqualTo(1);
		assertThat(faultOrNotFound(second, idCrm)).isZero();
	}

	@Test
	void faultRuleRemovedThroughOneReplicaStopsOnTheOtherAtOnce() {
		String idCrm = UUID.randomUUID().toString();
		String rule = admin(first).body("{\"endpoint\":\"*\",\"status\":500,\"idCrm\":\"" + idCrm + "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201)
			.extract()
			.path("id");
		Instant deadline = Instant.now().plusSeconds(30);
		while (faultOrNotFound(second, idCrm) == 0) {
			assertThat(Instant.now()).as("the other replica reads the rule again and obeys it").isBefore(deadline);
		}
		admin(first).delete("/emulator/api/faults/" + rule).then().statusCode(204);
		// Whether a rule still applies is decided in the database, under the rule's lock:
		// the other replica's list may still name it, but it no longer takes a request.
		elma(second).createChain(idCrm, APPROVED).spec(answer(400, Contract.approvalNotFound(idCrm)));
	}

	@Test
	void sharedJournalKeepsTheNewestEntriesOfBothReplicas() throws Exception {
		atOnce(8, (thread) -> {
			for (int i = 0; i < 20; i++) {
				elma((thread % 2 == 0) ? first : second).createChain(UUID.randomUUID().toString(), APPROVED)
					.statusCode(400);
			}
			return null;
		});
		String lastOfFirst = UUID.randomUUID().toString();
		String lastOfSecond = UUID.randomUUID().toString();
		elma(first).createChain(lastOfFirst, APPROVED).statusCode(400);
		elma(second).createChain(lastOfSecond, APPROVED).statusCode(400);
		first.getBean(Journal.class).flush();
		second.getBean(Journal.class).flush();
		JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
		await("the journal trimmed to max-entries").atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> entries(jdbc) == MAX_ENTRIES);
		// Either replica shows what the other received.
		admin(second).queryParam("idCrm", lastOfFirst)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("total", equalTo(1));
		admin(first).queryParam("idCrm", lastOfSecond)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("total", equalTo(1));
	}

	/**
	 * 1 when the replica answers with the rule's 500, 0 when it answers as usual (the
	 * approval does not exist).
	 */
	private static int faultOrNotFound(ConfigurableApplicationContext stand, String idCrm) {
		ValidatableResponse answer = elma(stand).createChain(idCrm, APPROVED);
		if (answer.extract().statusCode() == 500) {
			answer.spec(answer(500, Contract.INTERNAL_ERROR));
			return 1;
		}
		answer.spec(answer(400, Contract.approvalNotFound(idCrm)));
		return 0;
	}

	private static long entries(JdbcTemplate jdbc) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
		return (count != null) ? count : 0;
	}

	private static ElmaClient elma(ConfigurableApplicationContext stand) {
		return new ElmaClient(port(stand));
	}

	private static RequestSpecification admin(ConfigurableApplicationContext stand) {
		return new AdminClient(port(stand)).given();
	}

	private static int port(ConfigurableApplicationContext stand) {
		return stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
