package io.adsw.bpmsoft.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A misspelt {@code emulator.*} setting, or a profile that is no stand, stops the start
 * naming it, where Spring Boot would start the stand as if the line were not there.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownSettingsTests {

	private static final String ELMA_SETTINGS = "emulator.elma takes enforce-order, http-status, service-key";

	/** A Supervisor hash of the lowest BCrypt cost, as the test stands use. */
	private static final String PASSWORD = "{bcrypt}$2a$04$H4C1KF7JG5tcRL.2ysrBKuyJ8NGXtsO.f/B.Nvjon0TKZOvZMoUvm";

	@Test
	void misspeltSettingsOnTheCommandLineRefuseToStartEachNamedWithoutItsValue(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(null, "--emulator.elma.enforce-oder=false",
				"--emulator.jornal.max-entries=5", "--emulator.elma.service-kye=kye-secret-5521"));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\n"
					+ "emulator.elma.enforce-oder (on the command line) is no setting of the stand: " + ELMA_SETTINGS
					+ "\nemulator.elma.service-kye (on the command line) is no setting of the stand: " + ELMA_SETTINGS
					+ "\nemulator.jornal.max-entries (on the command line) is no setting of the stand: emulator takes"
					+ " body-limits, elma, journal, pacing, secrets, security, seed\n")
			.contains("Action:\n\nCorrect the name; the settings are listed under Settings in the README.\n")
			.doesNotContain("kye-secret-5521")
			.doesNotContain("\tat ");
	}

	@Test
	void misspeltSettingInAFileRefusesToStartNamingItsLine(@TempDir Path folder, CapturedOutput output)
			throws Exception {
		Path file = folder.resolve("settings.yml");
		Files.writeString(file, "emulator:\n  pacing:\n    max-wiat: 2s\n");
		assertThatException().isThrownBy(() -> start(null, "--spring.config.additional-location=file:" + file));
		assertThat(output.getAll()).contains("Description:\n\nemulator.pacing.max-wiat (URL [file:" + file
				+ "] - 3:15) is no setting of the stand: emulator.pacing takes concurrent-requests, max-wait\n");
	}

	/**
	 * A list given on the command line replaces the list of a file whole: what the file
	 * says of its users (the second one, the first one's contact) is not read, and is no
	 * typo either.
	 */
	@Test
	void listElementsReplacedByASourceOfHigherPrecedenceAreNoTypos(@TempDir Path folder, CapturedOutput output)
			throws Exception {
		Path file = folder.resolve("users.yml");
		Files.writeString(file,
				"emulator:\n  security:\n    users:\n      - name: first\n        password: \"" + PASSWORD
						+ "\"\n        contact-id: 410006e1-ca4e-4502-a9ec-e54d922d2c00\n      - name: second\n"
						+ "        password: \"" + PASSWORD + "\"\n        roles: [ADMIN]\n");
		try (ConfigurableApplicationContext stand = start(null, "--spring.config.additional-location=file:" + file,
				"--emulator.security.users[0].name=qa", "--emulator.security.users[0].password=" + PASSWORD)) {
			assertThat(stand.isRunning()).isTrue();
		}
		assertThat(output.getAll()).doesNotContain("no setting of the stand");
	}

	/**
	 * The environment holds variables of others (Kubernetes names EMULATOR_PORT for a
	 * service called emulator): one the stand does not read is warned about, not refused.
	 * Either spelling of a setting's variable is read.
	 */
	@Test
	void unknownEnvironmentVariablesAreWarnedAbout(CapturedOutput output) {
		Map<String, Object> variables = Map.of("EMULATOR_PORT", "tcp://10.0.0.7:8080", "EMULATOR_ELMA_ENFORCE_ODER",
				"false", "EMULATOR_JOURNAL_MAX_ENTRIES", "500", "EMULATOR_PACING_MAXWAIT", "2s",
				"EMULATOR_MASTER_KEY_FILE", "/run/secrets/master_key");
		try (ConfigurableApplicationContext stand = new SpringApplicationBuilder(EmulatorApplication.class)
			.environment(withVariables(variables))
			.run(arguments(null).toArray(String[]::new))) {
			assertThat(stand.getEnvironment().getProperty("emulator.journal.max-entries")).isEqualTo("500");
		}
		assertThat(output.getAll())
			.contains("The environment variable EMULATOR_ELMA_ENFORCE_ODER is read as emulator.elma.enforce.oder,"
					+ " which is no setting of the stand: " + ELMA_SETTINGS + "\n")
			.contains("The environment variable EMULATOR_PORT is read as emulator.port, which is no setting of the"
					+ " stand: emulator takes body-limits, elma, journal, pacing, secrets, security, seed\n")
			.doesNotContain("EMULATOR_JOURNAL_MAX_ENTRIES")
			.doesNotContain("EMULATOR_PACING_MAXWAIT")
			.doesNotContain("EMULATOR_MASTER_KEY_FILE")
			.doesNotContain("APPLICATION FAILED TO START");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "--spring.profiles.active=prd|The profile 'prd' is|prd",
					"--spring.profiles.active=prod,qa,stage|The profiles 'qa', 'stage' are|qa",
					"--spring.profiles.default=staging|The profile 'staging' is|staging" })
	void profileThatIsNoStandRefusesToStart(String setting, String named, String example, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(null, setting));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\n" + named + " no stand and no configuration of the stand's: the stands are dev"
					+ " and prod, and the local stand is started without a profile\n")
			.contains("Action:\n\nStart with --spring.profiles.active=dev or prod, or without it for the local stand."
					+ " A profile of your own needs a configuration that names it, such as config/application-"
					+ example + ".yml.\n")
			.doesNotContain("\tat ");
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "application-mine.yml;emulator.elma.enforce-order: false",
					"extra.yml;spring.config.activate.on-profile: 'mine | theirs'\\nemulator.elma.enforce-order: false",
					"extra.yml;spring.profiles.group.mine: other" })
	void profileOfYourOwnIsTakenOnceAConfigurationNamesIt(String name, String content, @TempDir Path folder)
			throws Exception {
		Files.writeString(folder.resolve(name), content.replace("\\n", "\n"));
		try (ConfigurableApplicationContext stand = start("mine", "--spring.config.additional-location=optional:file:"
				+ folder + "/,optional:file:" + folder + "/extra.yml")) {
			assertThat(stand.getEnvironment().getActiveProfiles()).contains("mine");
		}
	}

	private static ConfigurableApplicationContext start(String profile, String... settings) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(EmulatorApplication.class);
		if (profile != null) {
			builder.profiles(profile);
		}
		return builder.run(arguments(settings).toArray(String[]::new));
	}

	private static List<String> arguments(String[] settings) {
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.newDatabase()));
		arguments.add("--server.port=0");
		arguments.add("--emulator.seed=");
		if (settings != null) {
			arguments.addAll(List.of(settings));
		}
		return arguments;
	}

	private static StandardEnvironment withVariables(Map<String, Object> variables) {
		return new StandardEnvironment() {

			@Override
			protected void customizePropertySources(MutablePropertySources sources) {
				super.customizePropertySources(sources);
				sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
			}

		};
	}

}
