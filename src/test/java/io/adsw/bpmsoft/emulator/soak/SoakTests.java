package io.adsw.bpmsoft.emulator.soak;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.adsw.bpmsoft.emulator.soak.ElmaLoad.Exchange;
import io.adsw.bpmsoft.emulator.soak.ElmaLoad.Operation;
import io.adsw.bpmsoft.emulator.soak.ElmaLoad.Outcome;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stand under sustained load from many ELMA clients, on PostgreSQL, run as users run
 * it: the packaged jar in a process of its own. Three runs on separate approvals of one
 * stand: plain load, PostgreSQL stopped and started again under load, and the stand
 * killed with {@code SIGKILL} under load and started again. After each, the database is
 * checked against what the clients were told (see {@link StandInvariants}).
 *
 * <p>
 * Not part of {@code ./mvnw verify}: {@code ./mvnw -Psoak verify} packages the jar and
 * runs this alone. {@code -Dsoak.seconds} sets the plain run's length (60 s),
 * {@code -Dsoak.clients} the number of clients (32). Figures are printed and written to
 * {@code target/soak/figures.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoakTests {

	private static final String KEY = "elma-local-key";

	private static final int CONTACTS = 40;

	private static final int APPROVALS_PER_RUN = 128;

	private static final String INTERNAL_ERROR = "Ошибка в процессе обработки";

	private final Path jar = Path.of(System.getProperty("soak.jar", "target/bpmsoft-emulator.jar"));

	private final Path work = Path.of(System.getProperty("soak.work", "target/soak"));

	private final int seconds = Integer.getInteger("soak.seconds", 60);

	private final int clients = Integer.getInteger("soak.clients", 32);

	private final long seed = Long.getLong("soak.seed", System.nanoTime());

	private final List<String> contacts = IntStream.range(0, CONTACTS)
		.mapToObj((i) -> String.format("a%02d@soak.local", i))
		.toList();

	private final List<String> figures = new ArrayList<>();

	private int postgresPort;

	private EmbeddedPostgres postgres;

	private StandProcess stand;

	private StandInvariants invariants;

	@BeforeAll
	void startPostgresAndTheStand() throws Exception {
		assertThat(this.jar).as("the packaged stand; build it with ./mvnw -Psoak verify").exists();
		deleteRecursively(this.work);
		Files.createDirectories(this.work);
		this.postgresPort = freePort();
		this.postgres = startPostgres();
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE stand");
		}
		writeSeed();
		this.invariants = new StandInvariants(jdbcUrl(), "postgres", "postgres");
		this.stand = startStand();
		this.figures
			.add("Soak on " + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version().feature()
					+ ", " + this.clients + " ELMA clients, PostgreSQL " + serverVersion() + ", seed " + this.seed);
	}

	@AfterAll
	void stopEverything() throws Exception {
		if (this.stand != null) {
			this.stand.stop();
		}
		if (this.postgres != null) {
			this.postgres.close();
		}
		String report = String.join(System.lineSeparator(), this.figures) + System.lineSeparator();
		Files.writeString(this.work.resolve("figures.md"), report);
		System.out.println(report);
	}

	@Test
	@Order(1)
	void manyClientsAtOnceLoseNothingAndDecideNothingTwice() throws Exception {
		List<UUID> approvals = approvals(0);
		ElmaLoad load = load(approvals, 0);
		long started = System.nanoTime();
		List<Exchange> exchanges = load.run(Duration.ofSeconds(this.seconds));
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		flushJournal();

		assertThat(unanswered(exchanges)).as("requests left without an answer").isEmpty();
		assertThat(unexpected(exchanges, (exchange) -> false)).as("answers other than 200 or a lifecycle 400")
			.isEmpty();
		assertNothingLost(approvals, exchanges);
		this.figures.add(summary("Plain load", exchanges, took));
	}

	@Test
	@Order(2)
	void postgresStoppedUnderLoadGives500sThenTheStandRecoversAlone() throws Exception {
		List<UUID> approvals = approvals(1);
		ElmaLoad load = load(approvals, 1);
		long started = System.nanoTime();
		load.start();
		awaitAcknowledged(load, 300);

		long stopping = System.nanoTime();
		this.postgres.close();
		long down = System.nanoTime();
		long refusedBefore = load.count(SoakTests::internalError);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> load.count(SoakTests::internalError) >= refusedBefore + 50 && this.stand.health() == 503);
		long acknowledgedDuringOutage = load.count(Exchange::acknowledged);

		this.postgres = startPostgres();
		long back = System.nanoTime();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.stand.health() == 200);
		Duration recovery = Duration.ofNanos(System.nanoTime() - back);
		awaitAcknowledged(load, acknowledgedDuringOutage + 300);
		List<Exchange> exchanges = load.stop();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		flushJournal();

		assertThat(unanswered(exchanges))
			.as("requests left without an answer within " + ElmaLoad.ANSWER_TIMEOUT.toSeconds() + " s")
			.isEmpty();
		assertThat(unexpected(exchanges, SoakTests::internalError))
			.as("answers other than 200, a lifecycle 400 or the 500 envelope")
			.isEmpty();
		List<Exchange> failed = exchanges.stream().filter(SoakTests::internalError).toList();
		assertThat(failed).isNotEmpty();
		assertNothingLost(approvals, exchanges);
		Duration slowestFailure = failed.stream().map(Exchange::latency).max(Comparator.naturalOrder()).orElseThrow();
		this.figures.add(summary("PostgreSQL stopped under load", exchanges, took));
		this.figures.add(String.format(
				"  PostgreSQL down for %.1f s (stopping took %.1f s): %d requests answered with the 500 envelope,"
						+ " the slowest in %d ms; health 503 while down, 200 again %.1f s after PostgreSQL was back",
				seconds(back - down), seconds(down - stopping), failed.size(), slowestFailure.toMillis(),
				recovery.toMillis() / 1000.0));
	}

	@Test
	@Order(3)
	void standKilledUnderLoadKeepsEveryAcknowledgedRequest() throws Exception {
		List<UUID> approvals = approvals(2);
		ElmaLoad load = load(approvals, 2);
		long started = System.nanoTime();
		load.start();
		awaitAcknowledged(load, 1000);
		this.stand.kill();
		List<Exchange> exchanges = load.stop();
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.stand = startStand();

		assertThat(unexpected(exchanges.stream().filter((exchange) -> exchange.outcome() == Outcome.ANSWERED).toList(),
				(exchange) -> false))
			.as("answers other than 200 or a lifecycle 400 before the kill")
			.isEmpty();
		assertThat(this.invariants.violations(approvals, exchanges)).isEmpty();
		List<UUID> everyApproval = Stream.of(approvals(0), approvals(1), approvals).flatMap(List::stream).toList();
		assertThat(this.invariants.violations(everyApproval, List.of())).as("every approval after the restart")
			.isEmpty();

		long answered = exchanges.stream().filter((exchange) -> exchange.outcome() == Outcome.ANSWERED).count();
		long inFlight = exchanges.stream().filter((exchange) -> exchange.outcome() != Outcome.ANSWERED).count();
		long journaled = this.invariants.journaled(approvals);
		this.figures.add(summary("Stand killed (SIGKILL) under load", exchanges, took));
		this.figures.add(String.format(
				"  Killed after %d acknowledged requests; %d requests cut off by the kill; after the restart every"
						+ " acknowledged request is in the data; the journal kept %d of the %d answered requests",
				exchanges.stream().filter(Exchange::acknowledged).count(), inFlight, journaled, answered));
	}

	/** The database agrees with every answer, and the journal holds every request. */
	private void assertNothingLost(List<UUID> approvals, List<Exchange> exchanges) throws SQLException {
		assertThat(this.invariants.violations(approvals, exchanges)).isEmpty();
		assertThat(this.invariants.journalViolations(approvals, exchanges)).isEmpty();
	}

	private ElmaLoad load(List<UUID> approvals, int run) {
		return new ElmaLoad(this.stand.port(), KEY, approvals, this.contacts, this.clients, this.seed + 1000L * run);
	}

	private static void awaitAcknowledged(ElmaLoad load, long count) {
		await().atMost(Duration.ofMinutes(3)).until(() -> load.count(Exchange::acknowledged) >= count);
	}

	private static boolean internalError(Exchange exchange) {
		return exchange.outcome() == Outcome.ANSWERED && exchange.httpStatus() == 500 && exchange.status() == 500
				&& INTERNAL_ERROR.equals(exchange.message());
	}

	private static List<Exchange> unanswered(List<Exchange> exchanges) {
		return exchanges.stream().filter((exchange) -> exchange.outcome() != Outcome.ANSWERED).limit(10).toList();
	}

	/**
	 * Answers that are neither a 200, nor a 400 whose message is one of the lifecycle
	 * refusals for this very request, nor {@code alsoExpected}.
	 */
	private List<Exchange> unexpected(List<Exchange> exchanges, Predicate<Exchange> alsoExpected) {
		return exchanges.stream()
			.filter((exchange) -> !exchange.acknowledged() && !alsoExpected.test(exchange)
					&& !lifecycleRefusal(exchange))
			.limit(10)
			.toList();
	}

	/** The 400s that concurrent, repeated and out-of-turn requests may get. */
	private boolean lifecycleRefusal(Exchange exchange) {
		if (exchange.httpStatus() != 400 || exchange.status() != 400 || exchange.operation() != Operation.RESOLUTION) {
			return false;
		}
		String id = Pattern.quote(exchange.approval().toString());
		String email = "(?i:" + Pattern.quote(exchange.emails().get(0)) + ")";
		String anyone = "a\\d\\d@soak\\.local";
		String resolution = "(Согласовано|Отклонено)";
		return Stream.of(
				"Решение согласующего с email " + email + " не принято: согласование с Id " + id
						+ " не находится в процессе согласования \\(статус «[^»]+»\\)",
				"Контакт с email " + email + " не является согласующим в текущей цепочке согласования с Id " + id,
				"Решение согласующего с email " + email + " не принято: по согласованию с Id " + id
						+ " сейчас ожидается решение согласующего с email " + anyone,
				"Согласующий с email " + email + " уже вынес решение «" + resolution + "» по согласованию с Id " + id)
			.anyMatch((pattern) -> exchange.message().matches(pattern));
	}

	private String summary(String run, List<Exchange> exchanges, Duration took) {
		Map<String, Long> answers = exchanges.stream()
			.collect(Collectors.groupingBy(
					(exchange) -> (exchange.outcome() == Outcome.ANSWERED) ? String.valueOf(exchange.httpStatus())
							: exchange.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
					TreeMap::new, Collectors.counting()));
		long[] latencies = exchanges.stream()
			.filter((exchange) -> exchange.outcome() == Outcome.ANSWERED)
			.mapToLong((exchange) -> exchange.latency().toNanos())
			.sorted()
			.toArray();
		return String.format("%s: %d requests in %.1f s (%.0f/s), answers %s, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
				run, exchanges.size(), seconds(took.toNanos()), exchanges.size() / seconds(took.toNanos()), answers,
				percentile(latencies, 0.50), percentile(latencies, 0.99), percentile(latencies, 1.0));
	}

	private static double percentile(long[] sorted, double rank) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(rank * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

	private static double seconds(long nanos) {
		return nanos / 1_000_000_000.0;
	}

	/** Readers of the journal API wait for every answered request to be written. */
	private void flushJournal() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.stand.port() + "/emulator/api/journal?size=1"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("Supervisor:Supervisor".getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(30))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private StandProcess startStand() {
		return StandProcess.start(this.jar, this.work.resolve("stand.log"),
				List.of("--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
						"--spring.datasource.password=postgres", "--emulator.seed=" + this.work.resolve("seed.yml"),
						"--emulator.journal.max-entries=100000000"));
	}

	/**
	 * PostgreSQL on a fixed port and folder, so that a restarted server is the same one.
	 */
	private EmbeddedPostgres startPostgres() throws IOException {
		return EmbeddedPostgres.builder()
			.setPort(this.postgresPort)
			.setDataDirectory(this.work.resolve("postgres"))
			.setCleanDataDirectory(false)
			.start();
	}

	private String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.postgresPort + "/stand";
	}

	private String serverVersion() throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection()) {
			return connection.getMetaData().getDatabaseProductVersion();
		}
	}

	private List<UUID> approvals(int run) {
		return IntStream.range(0, APPROVALS_PER_RUN)
			.mapToObj((i) -> UUID.fromString(String.format("00000000-0000-4000-8000-%06d%06d", run, i)))
			.toList();
	}

	private void writeSeed() throws IOException {
		StringBuilder seed = new StringBuilder("contacts:\n");
		for (String email : this.contacts) {
			seed.append("  - email: ").append(email).append("\n    name: ").append(email).append('\n');
		}
		seed.append("approvals:\n");
		for (int run = 0; run < 3; run++) {
			for (UUID approval : approvals(run)) {
				seed.append("  - id: ").append(approval).append("\n    name: Soak ").append(approval).append('\n');
			}
		}
		Files.writeString(this.work.resolve("seed.yml"), seed);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path folder) throws IOException {
		if (Files.exists(folder)) {
			try (Stream<Path> paths = Files.walk(folder)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

}
