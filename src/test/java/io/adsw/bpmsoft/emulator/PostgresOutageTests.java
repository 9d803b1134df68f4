package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * PostgreSQL going away under a running stand: ELMA gets the 500 envelope within the
 * pool's connection timeout (a wrong or missing key still its 403), the data service its
 * {@code 500 An error has occurred.}, health turns DOWN, nothing half-done is kept, and
 * the stand recovers by itself once the database is back. The outage is PostgreSQL's own:
 * the stand's database stops accepting connections and every open one is terminated. Runs
 * in the PostgreSQL pass of the build.
 */
class PostgresOutageTests {

	private EmbeddedPostgres postgres;

	@BeforeEach
	void startPostgres() throws Exception {
		this.postgres = EmbeddedPostgres.builder().start();
		admin("CREATE DATABASE stand");
	}

	@AfterEach
	void stopPostgres() throws IOException {
		this.postgres.close();
	}

	@Test
	void standAnswers500WhileTheDatabaseIsDownAndRecoversAlone() throws Exception {
		try (ConfigurableApplicationContext stand = new SpringApplicationBuilder(EmulatorApplication.class)
			.profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "stand"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres")) {
			int port = stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			ElmaClient elma = new ElmaClient(port);
			StandData data = new StandData(stand);
			String approval = data.approval();
			String ivan = data.contact("ivan");
			// A rule for another approval, which the request below reads without meeting
			// it.
			String faulty = data.approval();
			new AdminClient(port).given()
				.body("{\"endpoint\":\"*\",\"status\":503,\"idCrm\":\"" + faulty + "\"}")
				.post("/emulator/api/faults")
				.then()
				.statusCode(201);
			elma.createChain(approval, ivan).spec(success());
			given().port(port).get("/actuator/health").then().statusCode(200).body("status", equalTo("UP"));
			given().port(port).get("/actuator/health/readiness").then().statusCode(200);

			admin("ALTER DATABASE stand ALLOW_CONNECTIONS false");
			admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'stand'");
			elma.resolve(approval, ivan, "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
			given().port(port).get("/actuator/health").then().statusCode(503).body("status", equalTo("DOWN"));
			// Not ready without its database, yet alive: a restart would not bring it
			// back.
			given().port(port).get("/actuator/health/readiness").then().statusCode(503).body("status", equalTo("DOWN"));
			given().port(port).get("/actuator/health/liveness").then().statusCode(200).body("status", equalTo("UP"));
			// Metrics still answer, the approvals' counts unknown rather than waited for.
			new AdminClient(port).given()
				.get("/actuator/prometheus")
				.then()
				.statusCode(200)
				.body(containsString("emulator_approvals{status=\"Approved\"} NaN"));
			// The key is still checked first (check 1 before check 11): the fault rules,
			// read before it, cannot be read now, and keep what they last read.
			new ElmaClient(port, "wrong-key").resolve(approval, ivan, "Согласовано")
				.spec(answer(403, Contract.FORBIDDEN));
			elma.anonymous()
				.body(ElmaClient.json("id_crm", approval, "approver", ivan, "resolution", "Согласовано"))
				.post(ElmaClient.CHANGE)
				.then()
				.spec(answer(403, Contract.FORBIDDEN));
			// A rule known from before meets the request, but cannot be counted now: the
			// request is answered as without it.
			new ElmaClient(port, "wrong-key").createChain(faulty, ivan).spec(answer(403, Contract.FORBIDDEN));
			// The data service's failure, in Creatio's envelope.
			new CreatioClient(port).basic()
				.get("/0/odata/Contact")
				.then()
				.statusCode(500)
				.body("error.code", equalTo(""))
				.body("error.message", equalTo("An error has occurred."))
				.body("error.innererror.message", equalTo("An error has occurred."))
				.body("error.innererror.type", equalTo(""))
				.body("error.innererror.stacktrace", equalTo(""));

			admin("ALTER DATABASE stand ALLOW_CONNECTIONS true");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> given().port(port).get("/actuator/health").then().statusCode(200));
			given().port(port).get("/actuator/health/readiness").then().statusCode(200);
			assertThat(data.approvalView(approval).status()).isEqualTo("IN_PROGRESS");
			elma.resolve(approval, ivan, "Согласовано").spec(success());
			assertThat(data.approvalView(approval).status()).isEqualTo("APPROVED");
		}
	}

	/**
	 * The control plane answers a problem detail, as for its refusals: 503, since the
	 * request may succeed once the database is back.
	 */
	@Test
	void controlPlaneAnswers503WhileTheDatabaseIsDownAndRecoversAlone() throws Exception {
		try (ConfigurableApplicationContext stand = new SpringApplicationBuilder(EmulatorApplication.class)
			.profiles("test")
			.run("--server.port=0", "--spring.datasource.url=" + this.postgres.getJdbcUrl("postgres", "stand"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--spring.datasource.hikari.connection-timeout=1000")) {
			int port = stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			AdminClient admin = new AdminClient(port);
			admin.given().get("/emulator/api/journal").then().statusCode(200);

			admin("ALTER DATABASE stand ALLOW_CONNECTIONS false");
			admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'stand'");
			String databaseAway = "the stand's database is not answering: try again once /actuator/health says UP";
			admin.given()
				.get("/emulator/api/journal")
				.then()
				.statusCode(503)
				.contentType("application/problem+json")
				.body("detail", equalTo(databaseAway))
				.body("status", equalTo(503));
			admin.given().delete("/emulator/api/journal").then().statusCode(503).body("detail", equalTo(databaseAway));
			admin.given().get("/emulator/api/state").then().statusCode(503).body("detail", equalTo(databaseAway));
			admin.given().get("/emulator/api/faults").then().statusCode(503).body("detail", equalTo(databaseAway));
			admin.given()
				.body("{\"endpoint\":\"*\",\"status\":500}")
				.post("/emulator/api/faults")
				.then()
				.statusCode(503)
				.body("detail", equalTo(databaseAway));
			admin.given()
				.queryParam("scope", "faults")
				.post("/emulator/api/reset")
				.then()
				.statusCode(503)
				.body("detail", equalTo(databaseAway));
			admin.given().get("/emulator/api/snapshots").then().statusCode(503).body("detail", equalTo(databaseAway));

			admin("ALTER DATABASE stand ALLOW_CONNECTIONS true");
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> given().port(port).get("/actuator/health").then().statusCode(200));
			admin.given().get("/emulator/api/state").then().statusCode(200);
		}
	}

	private void admin(String sql) throws SQLException {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
