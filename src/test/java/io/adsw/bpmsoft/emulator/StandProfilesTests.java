package io.adsw.bpmsoft.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.adsw.bpmsoft.emulator.crypto.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The dev and prod stands (config/application-dev.yml, config/application-prod.yml): each
 * takes its own ELMA key, encrypted, and refuses to start, in one line, without it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandProfilesTests {

	private static final String DEV_KEY = "dev-elma-key-3c1f";

	private static final String PROD_KEY = "prod-elma-key-9b2e";

	private static final String DEV_MASTER_KEY = MasterKey.generate();

	private static final String PROD_MASTER_KEY = MasterKey.generate();

	private static final String DEMO_APPROVAL = "035e0f7b-18d2-4f24-87d8-59f107110a01";

	@Test
	void devStandAcceptsItsOwnKeyOnly() {
		try (ConfigurableApplicationContext stand = start("dev", "--EMULATOR_MASTER_KEY=" + DEV_MASTER_KEY,
				"--emulator.elma.service-key=" + encrypt(DEV_MASTER_KEY, DEV_KEY))) {
			assertKeys(stand, DEV_KEY, PROD_KEY);
		}
	}

	@Test
	void prodStandAcceptsItsOwnKeyOnly() {
		try (ConfigurableApplicationContext stand = start("prod", "--EMULATOR_MASTER_KEY=" + PROD_MASTER_KEY,
				"--emulator.elma.service-key=" + encrypt(PROD_MASTER_KEY, PROD_KEY))) {
			assertKeys(stand, PROD_KEY, DEV_KEY);
		}
	}

	@Test
	void devStandStartsWithDemoDataAndProdWithout() {
		try (ConfigurableApplicationContext dev = start("dev", "--EMULATOR_MASTER_KEY=" + DEV_MASTER_KEY,
				"--emulator.elma.service-key=" + encrypt(DEV_MASTER_KEY, DEV_KEY))) {
			elma(dev, DEV_KEY).createChain(DEMO_APPROVAL, "Согласовано").spec(ElmaClient.success());
		}
		try (ConfigurableApplicationContext prod = start("prod", "--EMULATOR_MASTER_KEY=" + PROD_MASTER_KEY,
				"--emulator.elma.service-key=" + encrypt(PROD_MASTER_KEY, PROD_KEY))) {
			elma(prod, PROD_KEY).createChain(DEMO_APPROVAL, "Согласовано")
				.spec(answer(400, Contract.approvalNotFound(DEMO_APPROVAL)));
		}
	}

	@Test
	void masterKeyCanComeFromAFile(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("master.key");
		Files.writeString(file, DEV_MASTER_KEY + "\n");
		try (ConfigurableApplicationContext stand = start("dev", "--EMULATOR_MASTER_KEY_FILE=" + file,
				"--emulator.elma.service-key=" + encrypt(DEV_MASTER_KEY, DEV_KEY))) {
			assertKeys(stand, DEV_KEY, PROD_KEY);
		}
	}

	@Test
	void masterKeyCanBeAPassphrase() {
		String value = MasterKey.from(Map.of(MasterKey.PASSPHRASE, "stand passphrase")::get)
			.orElseThrow()
			.encrypt(PROD_KEY);
		try (ConfigurableApplicationContext stand = start("prod", "--EMULATOR_MASTER_PASSPHRASE=stand passphrase",
				"--emulator.elma.service-key=" + value)) {
			assertKeys(stand, PROD_KEY, DEV_KEY);
		}
	}

	@Test
	void prodStandWithoutKeyRefusesToStart(CapturedOutput output) {
		assertRefusesToStart(output,
				"emulator.elma.service-key is not set: the prod stand needs it encrypted,"
						+ " as ENC(...) made by the encrypt command",
				"prod", "--EMULATOR_MASTER_KEY=" + PROD_MASTER_KEY);
	}

	/** A journal kept for no time at all would delete every entry as it is written. */
	@Test
	void journalKeptForNoTimeRefusesToStart(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("dev", "--EMULATOR_MASTER_KEY=" + DEV_MASTER_KEY,
				"--emulator.elma.service-key=" + encrypt(DEV_MASTER_KEY, DEV_KEY), "--emulator.journal.max-age=-1d")
			.close());
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Origin: \"emulator.journal.max-age\"")
			.contains("Reason: must be longer than or equal to 1 second");
	}

	/** A negative wait or limit would turn the pacing or the limit off without a word. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"emulator.pacing.max-wait=-1s|emulator.pacing.max-wait must not be negative: give a wait such as 1s or"
					+ " 500ms, or 0 for none",
			"emulator.body-limits.data-service=-5B|emulator.body-limits.data-service must not be negative: give a"
					+ " size such as 30000000B or 64MB",
			"emulator.body-limits.control-plane=-1MB|emulator.body-limits.control-plane must not be negative: give"
					+ " a size such as 30000000B or 64MB" })
	void negativeWaitOrLimitRefusesToStart(String setting, String reason, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("dev", "--EMULATOR_MASTER_KEY=" + DEV_MASTER_KEY,
				"--emulator.elma.service-key=" + encrypt(DEV_MASTER_KEY, DEV_KEY), "--" + setting)
			.close());
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(reason);
	}

	@Test
	void devStandWithKeyInClearRefusesToStart(CapturedOutput output) {
		assertRefusesToStart(output,
				"emulator.elma.service-key is given in clear: the dev stand needs it"
						+ " encrypted, as ENC(...) made by the encrypt command",
				"dev", "--EMULATOR_MASTER_KEY=" + DEV_MASTER_KEY, "--emulator.elma.service-key=" + DEV_KEY);
	}

	@Test
	void encryptedKeyWithoutMasterKeyRefusesToStart(CapturedOutput output) {
		assertRefusesToStart(output,
				"emulator.elma.service-key is encrypted, but no master key is set: set"
						+ " EMULATOR_MASTER_KEY, EMULATOR_MASTER_KEY_FILE, EMULATOR_MASTER_PASSPHRASE or"
						+ " EMULATOR_MASTER_PASSPHRASE_FILE",
				"prod", "--emulator.elma.service-key=" + encrypt(PROD_MASTER_KEY, PROD_KEY));
	}

	@Test
	void keyOfAnotherStandRefusesToStart(CapturedOutput output) {
		assertRefusesToStart(output,
				"emulator.elma.service-key cannot be decrypted with EMULATOR_MASTER_KEY: the"
						+ " master key is not the one it was encrypted with, or the value was altered",
				"prod", "--EMULATOR_MASTER_KEY=" + PROD_MASTER_KEY,
				"--emulator.elma.service-key=" + encrypt(DEV_MASTER_KEY, DEV_KEY));
	}

	@Test
	void tamperedKeyRefusesToStart(CapturedOutput output) {
		String value = encrypt(PROD_MASTER_KEY, PROD_KEY);
		// A character in the middle: near the end, Base64 padding bits may absorb the
		// change.
		int middle = value.length() / 2;
		String tampered = value.substring(0, middle) + ((value.charAt(middle) == 'A') ? 'B' : 'A')
				+ value.substring(middle + 1);
		assertRefusesToStart(output,
				"emulator.elma.service-key cannot be decrypted with EMULATOR_MASTER_KEY: the"
						+ " master key is not the one it was encrypted with, or the value was altered",
				"prod", "--EMULATOR_MASTER_KEY=" + PROD_MASTER_KEY, "--emulator.elma.service-key=" + tampered);
	}

	@Test
	void masterKeyThatIsNotAKeyRefusesToStart(CapturedOutput output) {
		assertRefusesToStart(output, "EMULATOR_MASTER_KEY is not Base64: generate one with the keygen command", "prod",
				"--EMULATOR_MASTER_KEY=not-a-key!",
				"--emulator.elma.service-key=" + encrypt(PROD_MASTER_KEY, PROD_KEY));
	}

	private void assertRefusesToStart(CapturedOutput output, String description, String profile, String... arguments) {
		assertThatException().isThrownBy(() -> start(profile, arguments).close());
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\n" + description + "\n")
			.doesNotContain(DEV_KEY)
			.doesNotContain(PROD_KEY)
			.doesNotContain("\tat ");
	}

	private static void assertKeys(ConfigurableApplicationContext stand, String own, String other) {
		elma(stand, own).post(ElmaClient.CREATE, "{}").spec(answer(400, Contract.ID_CRM_EMPTY));
		elma(stand, other).post(ElmaClient.CREATE, "{}").spec(answer(403, Contract.FORBIDDEN));
		elma(stand, "elma-local-key").post(ElmaClient.CREATE, "{}").spec(answer(403, Contract.FORBIDDEN));
	}

	private static ElmaClient elma(ConfigurableApplicationContext stand, String key) {
		return new ElmaClient(stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class), key);
	}

	private static String encrypt(String masterKey, String secret) {
		return MasterKey.from(Map.of(MasterKey.KEY, masterKey)::get).orElseThrow().encrypt(secret);
	}

	private static ConfigurableApplicationContext start(String profile, String... settings) {
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.newDatabase()));
		arguments.add("--server.port=0");
		arguments.addAll(List.of(settings));
		return new SpringApplicationBuilder(EmulatorApplication.class).profiles(profile)
			.run(arguments.toArray(String[]::new));
	}

}
