package io.adsw.bpmsoft.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.adsw.bpmsoft.emulator.crypto.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ELMA key and the master key never leave the stand: not in its log (even with every
 * logger at DEBUG, and with Tomcat's protocol handling asked for at TRACE, where its dump
 * of raw requests stays off), not in the actuator's view of the settings or its metrics,
 * not in the journal (its API or its table), not in the control plane's views, not in any
 * answer.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTests {

	private static final String KEY = "dev-elma-key-5d7a2c";

	private static final String MASTER_KEY = MasterKey.generate();

	/** An admin with the password {@code Supervisor}. */
	private static final String ADMIN_HASH = "{bcrypt}$2a$10$7TnYs2PERKLN0DATFSNNI.OiIivTj6x7hlUcmH4fPj0W62MQuGrbe";

	@Test
	void keyAppearsNowhereInAFullRequestCycle(CapturedOutput output) {
		String encrypted = MasterKey.from(Map.of(MasterKey.KEY, MASTER_KEY)::get).orElseThrow().encrypt(KEY);
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.newDatabase()));
		arguments.addAll(List.of("--server.port=0", "--EMULATOR_MASTER_KEY=" + MASTER_KEY,
				"--emulator.elma.service-key=" + encrypted, "--emulator.security.users[0].name=admin",
				"--emulator.security.users[0].password=" + ADMIN_HASH,
				// Everything at DEBUG but this test's own HTTP client, which logs what it
				// sends.
				"--logging.level.root=DEBUG", "--logging.level.org.apache.http=INFO"));
		List<String> answers = new ArrayList<>();
		try (ConfigurableApplicationContext stand = new SpringApplicationBuilder(EmulatorApplication.class)
			.profiles("dev")
			.run(arguments.toArray(String[]::new))) {
			int port = stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			ElmaClient elma = new ElmaClient(port, KEY);
			answers.add(elma.createChain("035e0f7b-18d2-4f24-87d8-59f107110a01", "ivan.petrov@example.com")
				.spec(ElmaClient.success())
				.extract()
				.asString());
			answers.add(elma.resolve("035e0f7b-18d2-4f24-87d8-59f107110a01", "ivan.petrov@example.com", "Согласовано")
				.spec(ElmaClient.success())
				.extract()
				.asString());
			answers.add(elma.post(ElmaClient.CREATE, "not json").extract().asString());
			answers.add(new ElmaClient(port, KEY + "x").post(ElmaClient.CREATE, "{}")
				.spec(answer(403, Contract.FORBIDDEN))
				.extract()
				.asString());
			// The key pasted into a field the service does not read: kept in the journal
			// masked.
			answers.add(elma
				.post(ElmaClient.CREATE,
						ElmaClient.json("id_crm", "035e0f7b-18d2-4f24-87d8-59f107110a01", "chain_of_approval",
								"ivan.petrov@example.com", "note", KEY))
				.spec(ElmaClient.success())
				.extract()
				.asString());
			// The key as an operation's name, written with a JSON escape, and straddling
			// the end of the part of a refused body the journal keeps: each answer echoes
			// what was sent, the journal masks it.
			elma.post("/ServiceModel/ElmaService.svc/" + KEY, "{}").statusCode(404);
			elma.post(ElmaClient.CREATE,
					"{\"id_crm\":\"" + KEY.substring(0, KEY.length() - 1) + "\\u"
							+ String.format("%04x", (int) KEY.charAt(KEY.length() - 1))
							+ "\",\"chain_of_approval\":\"ivan.petrov@example.com\"}")
				.statusCode(400);
			String start = "{\"id_crm\":\"x\",\"pad\":\"";
			new ElmaClient(port, "wrong")
				.post(ElmaClient.CREATE, start + "a".repeat(65536 - start.length() - 3) + KEY + "\"}")
				.spec(answer(403, Contract.FORBIDDEN));
			String env = given().port(port)
				.auth()
				.preemptive()
				.basic("admin", "Supervisor")
				.get("/actuator/env")
				.then()
				.statusCode(200)
				.extract()
				.asString();
			assertThat(env).as("an admin sees the other settings").contains("\"server.port\"").contains("\"0\"");
			answers.add(env);
			for (String view : List.of("/actuator/configprops", "/actuator/prometheus",
					"/emulator/api/journal?size=100", "/emulator/api/settings", "/emulator/api/state")) {
				answers.add(asAdmin(port, view));
			}
			assertThat(answers.get(8)).as("the journal holds the eight requests")
				.contains("\"total\":8")
				.contains("\"endpoint\":\"******\"")
				.contains("aaa***\",\"bodyTruncated\":true")
				.contains("\\\"note\\\":\\\"******\\\"");
			assertThat(answers.get(7)).as("the metrics count the refused request").contains("emulator_elma_requests");
			answers.add(stand.getBean(JdbcTemplate.class).queryForList("SELECT * FROM journal_entry").toString());
			assertThat(stand.getBean(LoggingSystem.class)
				.getLoggerConfiguration("org.apache.coyote.http11.Http11InputBuffer")
				.getEffectiveLevel()).as("Tomcat's dump of raw requests stays off").isEqualTo(LogLevel.INFO);
		}
		assertThat(answers).hasSize(12)
			.allSatisfy((answer) -> assertThat(answer).doesNotContain(KEY).doesNotContain(MASTER_KEY));
		assertThat(output.getAll()).contains("ElmaServiceKeyFilter")
			.contains("coyote.http11.Http11Processor")
			.doesNotContain(KEY)
			.doesNotContain(MASTER_KEY);
	}

	/**
	 * A database URL given as {@code ENC(...)}, as one with a password in it would be:
	 * the connection pool (on H2), Flyway and Hibernate log it as they connect, and the
	 * actuator shows the pool's copy under another name. All of them show it masked, in
	 * Spring Boot's pattern and in its structured (JSON) log.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "ecs" })
	void encryptedDatabaseUrlAppearsNowhere(String structuredFormat, CapturedOutput output) {
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.newDatabase()));
		String url = arguments.get(0).substring("--spring.datasource.url=".length());
		MasterKey masterKey = MasterKey.from(Map.of(MasterKey.KEY, MASTER_KEY)::get).orElseThrow();
		arguments.set(0, "--spring.datasource.url=" + masterKey.encrypt(url));
		arguments.addAll(List.of("--server.port=0", "--EMULATOR_MASTER_KEY=" + MASTER_KEY,
				"--emulator.security.users[0].name=admin", "--emulator.security.users[0].password=" + ADMIN_HASH,
				// Spring Boot's JSON log too, where the text is escaped.
				"--logging.structured.format.console=" + structuredFormat));
		List<String> answers = new ArrayList<>();
		try (ConfigurableApplicationContext stand = new SpringApplicationBuilder(EmulatorApplication.class)
			.profiles("test")
			.run(arguments.toArray(String[]::new))) {
			int port = stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			for (String view : List.of("/actuator/env", "/actuator/configprops", "/actuator/health")) {
				answers.add(asAdmin(port, view));
			}
		}
		assertThat(answers.get(1)).as("the pool's settings are shown").contains("\"jdbcUrl\":\"******\"");
		// Drivers report the URL without its options.
		String bare = url.split("[;?]")[0];
		assertThat(answers).allSatisfy((answer) -> assertThat(answer).doesNotContain(url).doesNotContain(bare));
		assertThat(output.getAll()).as("Hibernate logs the database it connected to")
			.contains("Database JDBC URL [******]")
			.doesNotContain(url)
			.doesNotContain(bare);
	}

	/**
	 * A key given in clear, as on the local stand, shows up in settings of other names:
	 * the JVM's {@code sun.java.command} lists the stand's arguments, and
	 * {@code spring.application.json} may hold it. The actuator masks it there and shows
	 * the rest of the value; the journal masks it as on the stands whose key is
	 * encrypted.
	 */
	@Test
	void clearKeyIsMaskedInTheValuesOfOtherSettings() {
		String clear = "local-elma-key-7c1f";
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.newDatabase()));
		arguments.addAll(List.of("--server.port=0", "--emulator.security.users[0].name=admin",
				"--emulator.security.users[0].password=" + ADMIN_HASH,
				"--spring.application.json={\"emulator\":{\"elma\":{\"service-key\":\"" + clear + "\"}}}",
				"--launched.with=java -jar bpmsoft-emulator.jar --emulator.elma.service-key=" + clear));
		try (ConfigurableApplicationContext stand = new SpringApplicationBuilder(EmulatorApplication.class)
			.profiles("test")
			.run(arguments.toArray(String[]::new))) {
			int port = stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			assertThat(stand.getEnvironment().getProperty("emulator.elma.service-key")).isEqualTo(clear);
			// Pasted into a field on the local stand too: the journal keeps it masked.
			new ElmaClient(port, clear).createChain(clear, "ivan.petrov@example.com")
				.spec(answer(400, Contract.approvalNotFound(clear)));
			assertThat(asAdmin(port, "/emulator/api/journal")).contains("\"idCrm\":\"******\"").doesNotContain(clear);
			String env = asAdmin(port, "/actuator/env");
			assertThat(env).doesNotContain(clear)
				.contains("\"value\":\"java -jar bpmsoft-emulator.jar --emulator.elma.service-key=******\"")
				.contains("{\\\"emulator\\\":{\\\"elma\\\":{\\\"service-key\\\":\\\"******\\\"}}}");
		}
	}

	/** What the admin reads at the address (HTTP 200). */
	private static String asAdmin(int port, String view) {
		return given().port(port)
			.auth()
			.preemptive()
			.basic("admin", "Supervisor")
			.get(view)
			.then()
			.statusCode(200)
			.extract()
			.asString();
	}

}
