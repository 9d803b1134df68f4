package io.adsw.bpmsoft.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.adsw.bpmsoft.emulator.crypto.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A setting that holds a secret and is refused at start is named in one line, and its
 * value is printed nowhere: not in the failure report, not in any exception the stand
 * logs, even with every logger at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretRefusalTests {

	private static final String MASTER_KEY = MasterKey.generate();

	private static final String ELMA_KEY = "dev-elma-key-8e41";

	private static final String PASSWORD = "my-plain-pass";

	private static final String SECRETS_ACTION = "Action:\n\nSee Secrets in the README: the keygen, encrypt and"
			+ " hash-password commands make the master key, ENC(...) values and password hashes.\n";

	private static final String BIND_ACTION = "Action:\n\nCorrect the setting; for an ENC(...) value, encrypt"
			+ " the right one again with the encrypt command.\n";

	@Test
	void encryptedPasswordThatIsNotAHashIsRefusedUnseen(CapturedOutput output) {
		assertThatException().isThrownBy(() -> startDev("--emulator.security.users[0].name=qa",
				"--emulator.security.users[0].password=" + encrypt(PASSWORD)));
		assertRefusal(output, "emulator.security.users[0].password is not a {bcrypt} hash: make one with the"
				+ " hash-password command");
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	@Test
	void passwordInClearIsRefusedUnseenEvenAtDebug(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--emulator.security.users[0].name=qa",
				"--emulator.security.users[0].password=" + PASSWORD, "--logging.level.root=DEBUG"));
		assertRefusal(output, "emulator.security.users[0].password is not a {bcrypt} hash: make one with the"
				+ " hash-password command");
		assertThat(output.getAll()).as("the failure's stack trace is logged at DEBUG")
			.contains("Application failed to start due to an exception");
	}

	@Test
	void userWithoutPasswordIsRefused(CapturedOutput output) {
		assertThatException().isThrownBy(() -> startDev("--emulator.security.users[0].name=qa"));
		assertRefusal(output, "emulator.security.users[0].password is not set: give the user's {bcrypt} hash,"
				+ " made with the hash-password command");
	}

	@Test
	void blankElmaKeyIsRefused(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--emulator.elma.service-key=" + encrypt("   ")));
		assertRefusal(output, "emulator.elma.service-key is not set: give the key ELMA sends in X-Elma-Service,"
				+ " in clear or as ENC(...) made by the encrypt command");
	}

	@Test
	void encryptedValueCutShortIsRefusedUnseen(CapturedOutput output) {
		String cut = encrypt(ELMA_KEY);
		assertThatException()
			.isThrownBy(() -> start("--emulator.elma.service-key=" + cut.substring(0, cut.length() - 1)));
		assertRefusal(output, "emulator.elma.service-key starts as ENC(...) but has no closing parenthesis: give the"
				+ " whole value the encrypt command printed");
		assertThat(output.getAll()).doesNotContain(cut.substring(4, cut.length() - 1));
	}

	@Test
	void settingRequiredEncryptedOnTheLocalStandNamesIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--emulator.secrets.require-encrypted=emulator.journal.max-age"));
		assertRefusal(output, "emulator.journal.max-age is not set: the local stand needs it encrypted, as ENC(...)"
				+ " made by the encrypt command");
	}

	/**
	 * Any setting may be given as {@code ENC(...)}: one that does not bind is refused
	 * without the value Spring Boot's report would print.
	 */
	@Test
	void encryptedSettingThatDoesNotBindIsRefusedUnseen(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> start("--emulator.journal.max-entries=" + encrypt(PASSWORD), "--logging.level.root=DEBUG"));
		assertRefusal(output, "emulator.journal.max-entries cannot be read as int (its value, a secret, is not shown)",
				BIND_ACTION);
	}

	@Test
	void encryptedSettingThatItsRecordRefusesIsRefusedUnseen(CapturedOutput output) {
		assertThatException().isThrownBy(
				() -> start("--emulator.journal.max-body-bytes=" + encrypt("65536991"), "--logging.level.root=DEBUG"));
		assertRefusal(output, "emulator.journal.max-body-bytes is refused: must be less than or equal to 65536"
				+ " (its value, a secret, is not shown)", BIND_ACTION);
		assertThat(output.getAll()).doesNotContain("65536991");
	}

	private static void assertRefusal(CapturedOutput output, String description) {
		assertRefusal(output, description, SECRETS_ACTION);
	}

	private static void assertRefusal(CapturedOutput output, String description, String action) {
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\n" + description + "\n")
			.contains(action)
			.doesNotContain(PASSWORD)
			.doesNotContain(ELMA_KEY)
			.doesNotContain(MASTER_KEY);
	}

	private static String encrypt(String secret) {
		return MasterKey.from(Map.of(MasterKey.KEY, MASTER_KEY)::get).orElseThrow().encrypt(secret);
	}

	private static void startDev(String... settings) {
		List<String> arguments = new ArrayList<>(
				List.of("--spring.profiles.active=dev", "--emulator.elma.service-key=" + encrypt(ELMA_KEY)));
		arguments.addAll(List.of(settings));
		start(arguments.toArray(String[]::new));
	}

	/** Starts a stand, which must refuse to. */
	private static void start(String... settings) {
		List<String> arguments = new ArrayList<>(List.of(TestDatabase.newDatabase()));
		arguments.addAll(List.of("--server.port=0", "--EMULATOR_MASTER_KEY=" + MASTER_KEY));
		arguments.addAll(List.of(settings));
		new SpringApplicationBuilder(EmulatorApplication.class).run(arguments.toArray(String[]::new)).close();
	}

}
