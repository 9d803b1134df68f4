package io.adsw.bpmsoft.emulator.crypto;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's {@code keygen}, {@code encrypt} and {@code hash-password} commands.
 */
class CryptoCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void keygenPrintsANewMasterKey() {
		assertThat(run("keygen", "", Map.of())).isZero();
		assertThat(Base64.getDecoder().decode(output().strip())).hasSize(32);
	}

	@Test
	void encryptReadsTheSecretFromStandardInput() {
		String masterKey = MasterKey.generate();
		assertThat(run("encrypt", "elma-dev-key\n", Map.of(MasterKey.KEY, masterKey))).isZero();
		String value = output().strip();
		assertThat(value).startsWith("ENC(");
		MasterKey key = MasterKey.from(Map.of(MasterKey.KEY, masterKey)::get).orElseThrow();
		assertThat(key.decrypt(value, "s")).isEqualTo("elma-dev-key");
	}

	@Test
	void encryptKeepsSpacesButNotTheFinalLineBreak() {
		String masterKey = MasterKey.generate();
		assertThat(run("encrypt", " two words \r\n", Map.of(MasterKey.KEY, masterKey))).isZero();
		MasterKey key = MasterKey.from(Map.of(MasterKey.KEY, masterKey)::get).orElseThrow();
		assertThat(key.decrypt(output().strip(), "s")).isEqualTo(" two words ");
	}

	@Test
	void encryptWithoutMasterKeyFails() {
		assertThat(run("encrypt", "secret", Map.of())).isEqualTo(1);
		assertThat(output()).isEmpty();
		assertThat(errors()).isEqualTo("No master key: set EMULATOR_MASTER_KEY, EMULATOR_MASTER_KEY_FILE,"
				+ " EMULATOR_MASTER_PASSPHRASE or EMULATOR_MASTER_PASSPHRASE_FILE\n");
	}

	@Test
	void encryptWithNothingOnStandardInputFails() {
		assertThat(run("encrypt", "\n", Map.of(MasterKey.KEY, MasterKey.generate()))).isEqualTo(1);
		assertThat(errors()).isEqualTo("Nothing to encrypt: pass the secret on standard input\n");
	}

	@Test
	void hashPasswordPrintsABcryptHash() {
		assertThat(run("hash-password", "Supervisor\n", Map.of())).isZero();
		String hash = output().strip();
		assertThat(hash).startsWith("{bcrypt}$2a$10$");
		assertThat(new BCryptPasswordEncoder().matches("Supervisor", hash.substring("{bcrypt}".length()))).isTrue();
	}

	private int run(String command, String input, Map<String, String> settings) {
		return CryptoCommand.run(command, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), settings::get);
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
