package io.adsw.bpmsoft.emulator.odata;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.adsw.bpmsoft.emulator.EmulatorApplication;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the data service through the running stand: whatever the
 * {@code $filter}, the whole query string or the body of a new row, the stand answers
 * rows (200), the new row (201) or an error object with a 4xx status, never a 5xx and
 * never something else. One stand, on H2 with the demo data, serves every input over
 * HTTP. {@code ./mvnw test} replays the inputs kept in
 * {@code src/test/resources/io/adsw/bpmsoft/emulator/odata/ODataQueryFuzzTestsInputs};
 * {@code JAZZER_FUZZ=1 ./mvnw test-compile surefire:test@fuzz -Dtest=ODataQueryFuzzTests}
 * searches for new ones. An input is the expression, query string or body; its last byte
 * picks the entity set.
 */
class ODataQueryFuzzTests {

	private static final List<String> ENTITY_SETS = List.of("Contact", "Approval", "ApprovalVisa", "VisaStatus",
			"ApprovalStatus");

	private static final List<String> WRITABLE = List.of("Contact", "Approval", "ApprovalVisa");

	/** What gives a query string its shape, sent as it is. */
	private static final String SHAPING = "&=$(),;/'";

	private static final String LOOPBACK = "127.0.0.1";

	/**
	 * How long an address may be before the request line and the test's headers could
	 * pass the web server's 16 KB (server.max-http-request-header-size).
	 */
	private static final int REQUEST_LINE_ROOM = 16 * 1024 - 512;

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString("Supervisor:Supervisor".getBytes(StandardCharsets.UTF_8));

	@FuzzTest(maxDuration = "120s")
	void filtersAreAnsweredWithRowsOrAnODataError(FuzzedDataProvider data) throws Exception {
		allowRequestsToTheStand();
		String entitySet = ENTITY_SETS.get(data.consumeInt(0, ENTITY_SETS.size() - 1));
		String filter = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
		HttpResponse<String> response = get(entitySet, "$filter=" + encoded(filter));
		assertAnswered(entitySet + "?$filter=" + filter, response);
	}

	/**
	 * {@code $select}, {@code $expand} with its nested options, {@code $orderby},
	 * {@code $top}, {@code $skip}, {@code $count} and whatever else the fuzzer writes.
	 */
	@FuzzTest(maxDuration = "120s")
	void queryStringsAreAnsweredWithRowsOrAnODataError(FuzzedDataProvider data) throws Exception {
		allowRequestsToTheStand();
		String entitySet = ENTITY_SETS.get(data.consumeInt(0, ENTITY_SETS.size() - 1));
		String query = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
		assertAnswered(entitySet + "?" + query, get(entitySet, shapeKept(query)));
	}

	/**
	 * A body posted to create a row: whatever the bytes, the row is created (201) or the
	 * body refused with a 4xx error.
	 */
	@FuzzTest(maxDuration = "120s")
	void bodiesOfNewRowsAreCreatedOrRefused(FuzzedDataProvider data) throws Exception {
		allowRequestsToTheStand();
		String entitySet = WRITABLE.get(data.consumeInt(0, WRITABLE.size() - 1));
		byte[] body = data.consumeRemainingAsBytes();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://" + LOOPBACK + ":" + Stand.PORT + "/0/odata/" + entitySet))
			.header("Authorization", AUTHORIZATION)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertAnswered("POST " + entitySet + " " + new String(body, StandardCharsets.UTF_8), response);
	}

	/** Jazzer's request forgery detector would take the test's own requests for one. */
	private static void allowRequestsToTheStand() {
		BugDetectors.allowNetworkConnections(
				(host, port) -> port == Stand.PORT && (LOOPBACK.equals(host) || "localhost".equals(host)));
	}

	private static void assertAnswered(String request, HttpResponse<String> response) {
		int status = response.statusCode();
		if (status == 400 && response.request().uri().toASCIIString().length() > REQUEST_LINE_ROOM
				&& !response.body().startsWith("{")) {
			// A request line near the web server's limit: refused before its address is
			// known, with the web server's own page (README), as IIS refuses one.
			return;
		}
		JsonNode body = DataService.JSON.readTree(response.body());
		if (status == 501) {
			// A system query option the service refuses by name, not a failure.
			assertThat(body.path("error").path("message").asString()).as("%s answered %s", request, response.body())
				.matches("The system query option \\$\\w+ is not supported\\.");
			return;
		}
		assertThat(status).as("%s answered %s", request, response.body()).isLessThan(500);
		if (status == 200 || status == 201) {
			assertThat(body.isObject()).as(response.body()).isTrue();
		}
		else {
			assertThat(status).as(response.body()).isBetween(400, 499);
			// OData's error object, or ASP.NET Web API's 404 for a path it cannot route.
			JsonNode message = body.has("error") ? body.path("error").path("message") : body.path("Message");
			assertThat(message.asString()).as(response.body()).isNotBlank();
		}
	}

	/** The query with its shaping characters as they are and the rest percent-encoded. */
	private static String shapeKept(String query) {
		StringBuilder kept = new StringBuilder();
		StringBuilder run = new StringBuilder();
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (SHAPING.indexOf(c) >= 0) {
				kept.append(encoded(run.toString())).append(c);
				run.setLength(0);
			}
			else {
				run.append(c);
			}
		}
		return kept.append(encoded(run.toString())).toString();
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static HttpResponse<String> get(String entitySet, String encodedQuery)
			throws IOException, InterruptedException {
		HttpRequest request = HttpRequest
			.newBuilder(
					URI.create("http://" + LOOPBACK + ":" + Stand.PORT + "/0/odata/" + entitySet + "?" + encodedQuery))
			.header("Authorization", AUTHORIZATION)
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** One stand for every input, started on first use, with the demo data. */
	private static final class Stand {

		static final int PORT;

		static {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(EmulatorApplication.class)
				.profiles("test")
				.run("--server.port=0", "--emulator.seed=config/demo-seed.yml");
			PORT = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		}

	}

}
