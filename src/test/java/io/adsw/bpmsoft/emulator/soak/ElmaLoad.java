package io.adsw.bpmsoft.emulator.soak;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many ELMA clients at once over a small set of approvals: chains, their retries,
 * resolutions in and out of turn, repeated and contradicting ones. Every exchange is kept
 * with its answer, so that the stand's database can be checked against what the clients
 * were told.
 */
final class ElmaLoad {

	static final String APPROVED = "Согласовано";

	static final String REJECTED = "Отклонено";

	/** How long a client waits for an answer before it counts the request as hung. */
	static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);

	private static final JsonMapper json = JsonMapper.builder().build();

	private final URI create;

	private final URI change;

	private final String key;

	private final List<UUID> approvals;

	private final List<String> contacts;

	private final int clients;

	private final long seed;

	private final HttpClient http;

	/** The chain each approval was last given, as the clients know it. */
	private final Map<UUID, List<String>> chains = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();

	private final AtomicLong sequence = new AtomicLong();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	ElmaLoad(int port, String key, List<UUID> approvals, List<String> contacts, int clients, long seed) {
		this.create = URI.create("http://127.0.0.1:" + port + "/ServiceModel/ElmaService.svc/CreateChainOfApproval");
		this.change = URI.create("http://127.0.0.1:" + port + "/ServiceModel/ElmaService.svc/ChangeApproverResolution");
		this.key = key;
		this.approvals = approvals;
		this.contacts = contacts;
		this.clients = clients;
		this.seed = seed;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Starts the clients; they go on until {@link #stop()}. */
	void start() {
		start(System.nanoTime() + TimeUnit.DAYS.toNanos(1));
	}

	/** Runs the clients for this long and waits for their last answers. */
	List<Exchange> run(Duration duration) throws InterruptedException {
		start(System.nanoTime() + duration.toNanos());
		return awaitClients();
	}

	private void start(long deadline) {
		this.running = true;
		for (int i = 0; i < this.clients; i++) {
			SplittableRandom random = new SplittableRandom(this.seed + i);
			Thread thread = new Thread(() -> client(random, deadline), "elma-" + i);
			this.threads.add(thread);
			thread.start();
		}
	}

	/** Stops the clients and waits for the requests under way to be answered. */
	List<Exchange> stop() throws InterruptedException {
		this.running = false;
		return awaitClients();
	}

	private List<Exchange> awaitClients() throws InterruptedException {
		for (Thread thread : this.threads) {
			thread.join(TimeUnit.SECONDS.toMillis(ANSWER_TIMEOUT.toSeconds() + 30));
		}
		return exchanges();
	}

	List<Exchange> exchanges() {
		List<Exchange> all = new ArrayList<>(this.exchanges);
		all.sort((a, b) -> Long.compare(a.number(), b.number()));
		return Collections.unmodifiableList(all);
	}

	/** How many exchanges so far match. */
	long count(Predicate<Exchange> which) {
		return this.exchanges.stream().filter(which).count();
	}

	private void client(SplittableRandom random, long deadline) {
		while (this.running && System.nanoTime() - deadline < 0) {
			UUID approval = this.approvals.get(random.nextInt(this.approvals.size()));
			List<String> chain = this.chains.get(approval);
			double dice = random.nextDouble();
			if (chain == null || dice < 0.12) {
				postChain(approval, newChain(random), random);
			}
			else if (dice < 0.20) {
				postChain(approval, chain, random);
			}
			else {
				String approver = (chain.isEmpty() || random.nextDouble() < 0.03) ? pick(this.contacts, random)
						: pick(chain, random);
				resolve(approval, approver, (random.nextDouble() < 0.85) ? APPROVED : REJECTED, random);
			}
		}
	}

	private List<String> newChain(SplittableRandom random) {
		if (random.nextDouble() < 0.08) {
			return List.of();
		}
		int length = 1 + random.nextInt(4);
		List<String> chain = new ArrayList<>(length);
		for (int i = 0; i < length; i++) {
			chain.add(pick(this.contacts, random));
		}
		return List.copyOf(chain);
	}

	/** Posts a chain; an empty one is sent as «Согласовано», the automatic approval. */
	private void postChain(UUID approval, List<String> chain, SplittableRandom random) {
		String text;
		if (chain.isEmpty()) {
			text = APPROVED;
		}
		else {
			// What ELMA may send for the same chain: other separators, spaces, case.
			String separator = random.nextBoolean() ? ";" : " , ";
			List<String> written = chain.stream()
				.map((email) -> random.nextInt(10) == 0 ? email.toUpperCase(Locale.ROOT) : email)
				.toList();
			text = String.join(separator, written);
		}
		Exchange exchange = send(Operation.CHAIN, approval, chain, null,
				body("id_crm", approval.toString(), "chain_of_approval", text));
		if (exchange.acknowledged()) {
			this.chains.put(approval, chain);
		}
	}

	private void resolve(UUID approval, String approver, String resolution, SplittableRandom random) {
		String written = random.nextInt(10) == 0 ? " " + approver.toUpperCase(Locale.ROOT) : approver;
		send(Operation.RESOLUTION, approval, List.of(approver), resolution,
				body("id_crm", approval.toString(), "approver", written, "resolution", resolution));
	}

	private Exchange send(Operation operation, UUID approval, List<String> emails, String resolution, String body) {
		HttpRequest request = HttpRequest.newBuilder(operation == Operation.CHAIN ? this.create : this.change)
			.timeout(ANSWER_TIMEOUT)
			.header("X-Elma-Service", this.key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		long number = this.sequence.incrementAndGet();
		long sent = System.nanoTime();
		Exchange exchange;
		try {
			HttpResponse<String> response = this.http.send(request,
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			exchange = answered(number, operation, approval, emails, resolution, sent, response);
		}
		catch (HttpTimeoutException ex) {
			exchange = new Exchange(number, operation, approval, emails, resolution, Outcome.TIMED_OUT, 0, 0, "", sent,
					System.nanoTime());
		}
		catch (IOException ex) {
			exchange = new Exchange(number, operation, approval, emails, resolution, Outcome.NO_ANSWER, 0, 0,
					String.valueOf(ex.getMessage()), sent, System.nanoTime());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange = new Exchange(number, operation, approval, emails, resolution, Outcome.NO_ANSWER, 0, 0,
					"interrupted", sent, System.nanoTime());
		}
		this.exchanges.add(exchange);
		return exchange;
	}

	private static Exchange answered(long number, Operation operation, UUID approval, List<String> emails,
			String resolution, long sent, HttpResponse<String> response) {
		long received = System.nanoTime();
		int status = 0;
		String message = response.body();
		try {
			JsonNode envelope = json.readTree(response.body());
			if (envelope.size() == 2 && envelope.path("status").isInt() && envelope.path("error_message").isString()) {
				status = envelope.path("status").asInt();
				message = envelope.path("error_message").asString();
			}
		}
		catch (RuntimeException ex) {
			// Not an envelope: kept as the raw body, status 0, and reported as such.
		}
		return new Exchange(number, operation, approval, emails, resolution, Outcome.ANSWERED, response.statusCode(),
				status, message, sent, received);
	}

	private static String body(String... namesAndValues) {
		Map<String, String> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return json.writeValueAsString(object);
	}

	private static String pick(List<String> values, SplittableRandom random) {
		return values.get(random.nextInt(values.size()));
	}

	enum Operation {

		CHAIN, RESOLUTION

	}

	enum Outcome {

		/** An HTTP answer came. */
		ANSWERED,
		/** Nothing came within {@link #ANSWER_TIMEOUT}. */
		TIMED_OUT,
		/** The connection was refused or broken: the stand was gone. */
		NO_ANSWER

	}

	/**
	 * One request and what came back.
	 *
	 * @param emails the chain, or the one approver of a resolution, lower-case as the
	 * contacts have them; an empty chain is «Согласовано»
	 * @param resolution a resolution's text, {@code null} for a chain
	 * @param httpStatus the HTTP status, 0 without an answer
	 * @param status the envelope's status, 0 when the answer was no envelope
	 * @param message the envelope's {@code error_message}, or the body when it was none
	 */
	record Exchange(long number, Operation operation, UUID approval, List<String> emails, String resolution,
			Outcome outcome, int httpStatus, int status, String message, long sentNanos, long answeredNanos) {

		boolean acknowledged() {
			return this.outcome == Outcome.ANSWERED && this.httpStatus == 200 && this.status == 200;
		}

		/** The stand may or may not have acted on it: a 500, or no answer at all. */
		boolean uncertain() {
			return this.outcome != Outcome.ANSWERED || this.httpStatus >= 500;
		}

		Duration latency() {
			return Duration.ofNanos(this.answeredNanos - this.sentNanos);
		}

	}

}
