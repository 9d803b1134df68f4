package io.adsw.bpmsoft.emulator.approval;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.Burst.atOnce;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC 2.3: concurrent requests on one approval are serialised by its row lock, so no
 * decision is lost and no round is mixed up, whatever the load. Every request goes over
 * HTTP from threads held at a start gate and released together.
 */
@StandTest
class ConcurrentRequestsTests {

	private static final String APPROVED = "Согласовано";

	/**
	 * Bursts go through the JDK's client: REST Assured spends more time per request on
	 * the client than the stand takes to answer, which would spread the burst out.
	 */
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What {@link ElmaClient#success()} expects: the success envelope with HTTP 200. */
	private static final Answer SUCCESS = new Answer(200, "application/json;charset=utf-8",
			Map.of("status", 200, "error_message", ""));

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@Test
	void sameResolutionFiredAtOnceDecidesOneStepOnly() throws Exception {
		String approval = this.data.approval();
		List<String> approvers = this.data.contacts("approver", 3);
		this.elma.createChain(approval, String.join(";", approvers)).spec(ElmaClient.success());
		List<Answer> answers = atOnce(50, (i) -> resolve(this.port, approval, approvers.get(0), APPROVED));
		assertThat(answers).hasSize(50).containsOnly(SUCCESS);
		ApprovalView view = this.data.approvalView(approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(1);
		assertThat(view.steps()).extracting(StepView::email).containsExactlyElementsOf(approvers);
		assertThat(view.steps()).extracting(StepView::status).containsExactly("APPROVED", "PENDING", "PENDING");
	}

	@Test
	void chainsPostedAtOnceLeaveOnlyTheLatestRoundAlive() throws Exception {
		String approval = this.data.approval();
		List<String> contacts = this.data.contacts("approver", 20);
		// Chain i starts with contact i: no two are the same, each opens a round.
		List<List<String>> chains = IntStream.range(0, contacts.size())
			.mapToObj((i) -> IntStream.rangeClosed(0, i % 3)
				.mapToObj((k) -> contacts.get((i + k) % contacts.size()))
				.toList())
			.toList();
		List<Answer> answers = atOnce(chains.size(),
				(i) -> createChain(this.port, approval, String.join(";", chains.get(i))));
		assertThat(answers).hasSize(chains.size()).containsOnly(SUCCESS);
		ApprovalView view = this.data.approvalView(approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(chains.size());
		assertThat(view.steps().stream().map(StepView::round).distinct())
			.containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, chains.size()).boxed().toList());
		List<List<String>> rounds = IntStream.rangeClosed(1, view.round())
			.mapToObj((round) -> view.round(round).stream().map(StepView::email).toList())
			.toList();
		assertThat(rounds).containsExactlyInAnyOrderElementsOf(chains);
		for (int round = 1; round < view.round(); round++) {
			assertThat(view.round(round)).as("round %d", round).extracting(StepView::status).containsOnly("CANCELLED");
		}
		assertThat(view.current()).extracting(StepView::status).containsOnly("PENDING");
		assertThat(view.current()).extracting(StepView::position)
			.containsExactlyElementsOf(IntStream.rangeClosed(1, view.current().size()).boxed().toList());
	}

	@Test
	void approvalsDecidedInParallelAllEndApproved() throws Exception {
		List<String> approvers = this.data.contacts("approver", 3);
		List<String> approvals = IntStream.range(0, 30).mapToObj((i) -> this.data.approval()).toList();
		List<List<Answer>> answers = atOnce(approvals.size(), (i) -> {
			String approval = approvals.get(i);
			List<Answer> received = new ArrayList<>();
			received.add(createChain(this.port, approval, String.join(";", approvers)));
			for (String approver : approvers) {
				received.add(resolve(this.port, approval, approver, APPROVED));
			}
			return received;
		});
		assertThat(answers.stream().flatMap(List::stream)).hasSize(approvals.size() * 4).containsOnly(SUCCESS);
		assertThat(approvals).allSatisfy((approval) -> {
			ApprovalView view = this.data.approvalView(approval);
			assertThat(view.status()).isEqualTo("APPROVED");
			assertThat(view.steps()).extracting(StepView::email).containsExactlyElementsOf(approvers);
			assertThat(view.steps()).extracting(StepView::status).containsOnly("APPROVED");
		});
	}

	/**
	 * A contact the data service deletes while ELMA's chain names it: either the chain
	 * came first (its steps refer to the contact, and the deletion is refused) or the
	 * deletion did (the chain is refused, the contact not found), never a failure. A long
	 * chain leaves time between its lookups and its steps' writing.
	 */
	@Test
	void chainNamingAContactDeletedMeanwhileIsAnsweredAsIfOneCameFirst() throws Exception {
		List<String> others = this.data.contacts("long.chain", 2000);
		CreatioClient.Session session = new CreatioClient(this.port).logIn();
		String cookies = session.cookies()
			.entrySet()
			.stream()
			.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		ContactRepository contacts = this.context.getBean(ContactRepository.class);
		for (int run = 0; run < 8; run++) {
			String approval = this.data.approval();
			String victim = this.data.contact("victim");
			UUID victimId = contacts.findByEmailKey(Contact.emailKey(victim)).orElseThrow().getId();
			String chain = String.join(";", others) + ";" + victim;
			List<Object> answers = atOnce(
					2, (
							i) -> (i == 0) ? createChain(this.port, approval, chain)
									: HTTP
										.send(HttpRequest
											.newBuilder(URI.create("http://localhost:" + this.port + "/0/odata/Contact("
													+ victimId + ")"))
											.header("Cookie", cookies)
											.header(CreatioClient.CSRF, session.csrf())
											.DELETE()
											.build(), BodyHandlers.ofString(StandardCharsets.UTF_8))
										.statusCode());
			Answer chainAnswer = (Answer) answers.get(0);
			int deletion = (Integer) answers.get(1);
			if (deletion == 204) {
				assertThat(chainAnswer).as("run %d", run)
					.isEqualTo(new Answer(400, "application/json;charset=utf-8",
							Map.of("status", 400, "error_message", Contract.contactNotFound(victim))));
			}
			else {
				assertThat(chainAnswer).as("run %d, deletion answered %d", run, deletion).isEqualTo(SUCCESS);
				assertThat(contacts.findById(victimId)).isPresent();
			}
		}
	}

	/**
	 * With order not enforced every approver may decide at once: each decision has to
	 * land, and the last one has to see all the others to approve the approval.
	 */
	@Nested
	@TestPropertySource(properties = "emulator.elma.enforce-order=false")
	class WithoutOrderEnforcement {

		@LocalServerPort
		int port;

		@Autowired
		ApplicationContext context;

		@Test
		void everyApproverApprovingAtOnceApprovesTheApproval() throws Exception {
			ElmaClient elma = new ElmaClient(this.port);
			StandData data = new StandData(this.context);
			String approval = data.approval();
			List<String> approvers = data.contacts("approver", 40);
			elma.createChain(approval, String.join(";", approvers)).spec(ElmaClient.success());
			List<Answer> answers = atOnce(approvers.size(),
					(i) -> resolve(this.port, approval, approvers.get(i), APPROVED));
			assertThat(answers).hasSize(approvers.size()).containsOnly(SUCCESS);
			ApprovalView view = data.approvalView(approval);
			assertThat(view.round()).isEqualTo(1);
			assertThat(view.steps()).extracting(StepView::email).containsExactlyElementsOf(approvers);
			assertThat(view.steps()).allSatisfy((step) -> {
				assertThat(step.status()).isEqualTo("APPROVED");
				assertThat(step.decidedOn()).isNotNull();
			});
			assertThat(view.status()).isEqualTo("APPROVED");
		}

	}

	private static Answer createChain(int port, String approval, String chain) throws Exception {
		return post(port, ElmaClient.CREATE, ElmaClient.json("id_crm", approval, "chain_of_approval", chain));
	}

	private static Answer resolve(int port, String approval, String approver, String resolution) throws Exception {
		return post(port, ElmaClient.CHANGE,
				ElmaClient.json("id_crm", approval, "approver", approver, "resolution", resolution));
	}

	private static Answer post(int port, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("X-Elma-Service", ElmaClient.KEY)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
		Map<String, Object> envelope = JSON.readValue(response.body(), new TypeReference<>() {
		});
		return new Answer(response.statusCode(), contentType, envelope);
	}

	/** An ElmaService answer as received: HTTP status, content type and envelope. */
	record Answer(int httpStatus, String contentType, Map<String, Object> envelope) {

	}

}
