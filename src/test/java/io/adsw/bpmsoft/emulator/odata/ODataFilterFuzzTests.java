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
 * Coverage-guided fuzzing of {@code $filter} through the running data service: whatever
 * the expression, the stand answers rows (200) or an OData error object with a 4xx
 * status, never a 5xx and never something else. One stand, on H2 with the demo data,
 * serves every input over HTTP. {@code ./mvnw test} replays the inputs kept in
 * {@code src/test/resources/io/adsw/bpmsoft/emulator/odata/ODataFilterFuzzTestsInputs};
 * {@code JAZZER_FUZZ=1 ./mvnw test-compile surefire:test@fuzz -Dtest=ODataFilterFuzzTests}
 * searches for new ones. An input is the expression in UTF-8; its last byte picks the
 * entity set.
 */
class ODataFilterFuzzTests {

	private static final List<String> ENTITY_SETS = List.of("Contact", "Approval", "ApprovalVisa", "VisaStatus",
			"ApprovalStatus");

	private static final String LOOPBACK = "127.0.0.1";

	private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString("Supervisor:Supervisor".getBytes(StandardCharsets.UTF_8));

	@FuzzTest(maxDuration = "120s")
	void filtersAreAnsweredWithRowsOrAnODataError(FuzzedDataProvider data) throws Exception {
		// Jazzer's request forgery detector would take the test's own requests for one.
		BugDetectors.allowNetworkConnections(
				(host, port) -> port == Stand.PORT && (LOOPBACK.equals(host) || "localhost".equals(host)));
		String entitySet = ENTITY_SETS.get(data.consumeInt(0, ENTITY_SETS.size() - 1));
		String filter = new String(data.consumeRemainingAsBytes(), StandardCharsets.UTF_8);
		HttpResponse<String> response = get(entitySet, filter);
		int status = response.statusCode();
		assertThat(status).as("%s?$filter=%s answered %s", entitySet, filter, response.body()).isLessThan(500);
		JsonNode body = DataService.JSON.readTree(response.body());
		if (status == 200) {
			assertThat(body.path("value").isArray()).as(response.body()).isTrue();
		}
		else {
			assertThat(status).as(response.body()).isBetween(400, 499);
			assertThat(body.path("error").path("code").isString()).as(response.body()).isTrue();
			assertThat(body.path("error").path("message").asString()).as(response.body()).isNotBlank();
		}
	}

	private static HttpResponse<String> get(String entitySet, String filter) throws IOException, InterruptedException {
		String query = URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
		HttpRequest request = HttpRequest
			.newBuilder(
					URI.create("http://" + LOOPBACK + ":" + Stand.PORT + "/0/odata/" + entitySet + "?$filter=" + query))
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
