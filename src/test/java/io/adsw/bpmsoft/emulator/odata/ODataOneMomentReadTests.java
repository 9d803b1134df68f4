package io.adsw.bpmsoft.emulator.odata;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.OneMomentReads;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QA polls an approval while ELMA sends chain after chain: every answer shows the
 * approval as it stood at one moment. Each chain opens a round of three visas, so an
 * approval in round n has 3n visas, and a page's {@code @odata.count} is the number of
 * its rows; a read of the approval before a chain and of its visas after it breaks both.
 */
@StandTest
class ODataOneMomentReadTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final int CHAINS = 200;

	private static final int READERS = 3;

	@LocalServerPort
	int port;

	@Autowired
	OneMomentReads oneMoment;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void pollsWhileElmaSendsChainsSeeEachRoundWhole() throws Exception {
		DataService odata = new DataService(this.port);
		String tag = DataService.tag();
		List<String> emails = new ArrayList<>();
		for (String name : List.of("anna", "boris", "clara")) {
			emails.add(DataService.email(tag + name));
			odata.createContact(tag + " " + name, emails.get(emails.size() - 1));
		}
		String approval = odata.createApproval(tag + " Договор");
		// The same chain again changes nothing: the two orders alternate.
		List<String> chains = List.of(
				ElmaClient.json("id_crm", approval, "chain_of_approval", String.join(";", emails)),
				ElmaClient.json("id_crm", approval, "chain_of_approval",
						emails.get(2) + ";" + emails.get(1) + ";" + emails.get(0)));

		AtomicBoolean chainsSent = new AtomicBoolean();
		AtomicInteger polls = new AtomicInteger();
		Set<Integer> roundsSeen = ConcurrentHashMap.newKeySet();
		ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();
		ExecutorService readers = Executors.newFixedThreadPool(READERS);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < READERS; i++) {
				running.add(readers.submit(() -> {
					while (!chainsSent.get()) {
						JsonNode expanded = read(odata, "Approval(" + approval
								+ ")?$select=Round&$expand=ApprovalVisaCollectionByApproval($select=Round)");
						int round = expanded.get("Round").asInt();
						roundsSeen.add(round);
						int visas = expanded.get("ApprovalVisaCollectionByApproval").size();
						if (visas != 3 * round) {
							torn.add("round " + round + " with " + visas + " visas");
						}
						JsonNode page = read(odata,
								"ApprovalVisa?$filter=ApprovalId eq " + approval + "&$count=true&$select=Round");
						if (page.get("@odata.count").asInt() != page.get("value").size()) {
							torn.add("count " + page.get("@odata.count") + " of " + page.get("value").size() + " rows");
						}
						polls.incrementAndGet();
					}
					return null;
				}));
			}
			try {
				for (int i = 0; i < CHAINS; i++) {
					assertThat(createChain(chains.get(i % 2))).as("chain %d", i).isEqualTo(200);
				}
			}
			finally {
				chainsSent.set(true);
			}
			for (Future<?> reader : running) {
				reader.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			readers.shutdownNow();
		}
		// The polls met the chains on their way, not only the approval before or after.
		assertThat(roundsSeen).as("rounds seen in %d polls", polls.get()).hasSizeGreaterThan(20);
		assertThat(torn).as("answers torn between two moments in %d polls", polls.get()).isEmpty();
		assertThat(read(odata, "Approval(" + approval + ")?$select=Round").get("Round").asInt()).isEqualTo(CHAINS);
	}

	/**
	 * The snapshot is the database's own: a read through {@link OneMomentReads} runs at
	 * repeatable read on PostgreSQL and serializable on H2, not silently at the default.
	 */
	@Test
	void oneMomentReadsRunInTheDatabasesSnapshotLevel() {
		String level = this.oneMoment
			.read(() -> TestDatabase.isPostgres() ? this.jdbc.queryForObject("SHOW transaction_isolation", String.class)
					: this.jdbc.queryForObject(
							"SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()",
							String.class));
		assertThat(level).isEqualTo(TestDatabase.isPostgres() ? "repeatable read" : "SERIALIZABLE");
		if (TestDatabase.isPostgres()) {
			// Set for that transaction alone: the pool's connections keep their own.
			assertThat(this.jdbc.queryForObject("SHOW transaction_isolation", String.class))
				.isEqualTo("read committed");
		}
	}

	private int createChain(String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + ElmaClient.CREATE))
			.header("X-Elma-Service", ElmaClient.KEY)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return HTTP.send(request, BodyHandlers.discarding()).statusCode();
	}

	private JsonNode read(DataService odata, String resource) throws Exception {
		String credentials = DataService.USER + ":" + DataService.PASSWORD;
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + odata.url(resource)))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json")
			.build();
		HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return DataService.JSON.readTree(response.body());
	}

}
