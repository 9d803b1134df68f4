package io.adsw.bpmsoft.emulator.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.EmulatorApplication;
import io.adsw.bpmsoft.emulator.TestDatabase;
import io.adsw.bpmsoft.emulator.crypto.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static io.adsw.bpmsoft.emulator.security.Refusals.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The prod stand as config/application-prod.yml sets it up: its users log in as on
 * Creatio, and HTTP Basic is refused; refused also where the jar runs without that file
 * at hand.
 */
class ProdStandLoginTests {

	private static final String MASTER_KEY = MasterKey.generate();

	@Test
	void prodStandRefusesBasicAndAcceptsTheFormsLogin() {
		assertBasicRefusedAndFormsLoginAccepted();
	}

	@Test
	void prodStandRefusesBasicWithoutItsConfigurationFile() {
		// As when the jar runs from another folder: only the settings packaged in it.
		assertBasicRefusedAndFormsLoginAccepted("--spring.config.location=classpath:/");
	}

	/**
	 * Turned on by a setting, Basic would let tests pass here that fail on the real
	 * stand.
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void prodStandWithBasicTurnedOnRefusesToStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--emulator.security.http-basic=true").close());
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nemulator.security.http-basic is true: the prod stand accepts no HTTP Basic,"
					+ " as the real production stand; its users sign in through AuthService.svc/Login\n")
			.contains("Action:\n\nRemove the setting, or start the dev stand (--spring.profiles.active=dev),"
					+ " which accepts it.")
			.doesNotContain("\tat ");
	}

	private static void assertBasicRefusedAndFormsLoginAccepted(String... more) {
		try (ConfigurableApplicationContext stand = start(more)) {
			CreatioClient creatio = new CreatioClient(
					stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class));

			assertUnauthenticated(creatio.basic().get("/0/odata/Contact"));
			assertUnauthenticated(creatio.basic().get("/actuator/env"));
			creatio.logIn().request().get("/0/odata/Contact").then().statusCode(200);
		}
	}

	private static ConfigurableApplicationContext start(String... more) {
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.newDatabase()));
		arguments.addAll(List.of(more));
		arguments.addAll(List.of("--server.port=0", "--EMULATOR_MASTER_KEY=" + MASTER_KEY,
				"--emulator.elma.service-key="
						+ MasterKey.from(Map.of(MasterKey.KEY, MASTER_KEY)::get).orElseThrow().encrypt("prod-key"),
				"--emulator.security.users[0].name=Supervisor",
				"--emulator.security.users[0].password=" + ControlPlaneAccessTests.HASH));
		return new SpringApplicationBuilder(EmulatorApplication.class).profiles("prod")
			.run(arguments.toArray(String[]::new));
	}

}
