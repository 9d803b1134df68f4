package io.adsw.bpmsoft.emulator.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ENC(...)} values: AES-256-GCM under a master key or a passphrase.
 */
class MasterKeyTests {

	private static final String SECRET = "ключ-стенда-dev-7f3a";

	@Test
	void encryptedValueDecryptsToTheSecret() {
		MasterKey key = key(MasterKey.generate());
		String value = key.encrypt(SECRET);
		assertThat(value).startsWith("ENC(").endsWith(")").doesNotContain(SECRET);
		assertThat(MasterKey.isEncrypted(value)).isTrue();
		assertThat(key.decrypt(value, "setting")).isEqualTo(SECRET);
	}

	@Test
	void everyEncryptionUsesAFreshNonce() {
		MasterKey key = key(MasterKey.generate());
		assertThat(key.encrypt(SECRET)).isNotEqualTo(key.encrypt(SECRET));
	}

	@Test
	void payloadStartsWithItsFormatVersion() {
		String value = key(MasterKey.generate()).encrypt(SECRET);
		byte[] payload = Base64.getDecoder().decode(value.substring(4, value.length() - 1));
		assertThat(payload[0]).isEqualTo((byte) 1);
		assertThat(payload).hasSize(1 + 12 + SECRET.getBytes(StandardCharsets.UTF_8).length + 16);
	}

	@Test
	void anotherMasterKeyCannotDecrypt() {
		String value = key(MasterKey.generate()).encrypt(SECRET);
		assertThatExceptionOfType(SecretSettingException.class)
			.isThrownBy(() -> key(MasterKey.generate()).decrypt(value, "emulator.elma.service-key"))
			.withMessage("emulator.elma.service-key cannot be decrypted with EMULATOR_MASTER_KEY: the master key is not"
					+ " the one it was encrypted with, or the value was altered");
	}

	@Test
	void anyAlteredByteIsDetected() {
		MasterKey key = key(MasterKey.generate());
		String value = key.encrypt(SECRET);
		byte[] payload = Base64.getDecoder().decode(value.substring(4, value.length() - 1));
		for (int i = 1; i < payload.length; i++) {
			byte[] altered = payload.clone();
			altered[i] ^= 0x01;
			String tampered = "ENC(" + Base64.getEncoder().encodeToString(altered) + ")";
			assertThatExceptionOfType(SecretSettingException.class).isThrownBy(() -> key.decrypt(tampered, "s"))
				.withMessageContaining("cannot be decrypted");
		}
	}

	@Test
	void alteredVersionIsRefused() {
		MasterKey key = key(MasterKey.generate());
		String value = key.encrypt(SECRET);
		byte[] payload = Base64.getDecoder().decode(value.substring(4, value.length() - 1));
		payload[0] = 9;
		assertThatExceptionOfType(SecretSettingException.class)
			.isThrownBy(() -> key.decrypt("ENC(" + Base64.getEncoder().encodeToString(payload) + ")", "s"))
			.withMessage("s is not valid: unknown ENC(...) format");
	}

	@Test
	void malformedValuesAreRefusedClearly() {
		MasterKey key = key(MasterKey.generate());
		assertThatExceptionOfType(SecretSettingException.class).isThrownBy(() -> key.decrypt("ENC(***)", "s"))
			.withMessage("s is not valid: the text inside ENC(...) is not Base64");
		assertThatExceptionOfType(SecretSettingException.class).isThrownBy(() -> key.decrypt("ENC(AQID)", "s"))
			.withMessage("s is not valid: the ENC(...) value is too short");
		assertThatExceptionOfType(SecretSettingException.class).isThrownBy(() -> key.decrypt("plain", "s"))
			.withMessage("s is not an ENC(...) value");
	}

	@Test
	void passphraseDerivesTheKeyWithArgon2id() {
		MasterKey key = MasterKey.from(Map.of(MasterKey.PASSPHRASE, "correct horse battery staple")::get).orElseThrow();
		String value = key.encrypt(SECRET);
		byte[] payload = Base64.getDecoder().decode(value.substring(4, value.length() - 1));
		assertThat(payload[0]).isEqualTo((byte) 2);
		assertThat(key.decrypt(value, "s")).isEqualTo(SECRET);
		MasterKey other = MasterKey.from(Map.of(MasterKey.PASSPHRASE, "wrong horse")::get).orElseThrow();
		assertThatExceptionOfType(SecretSettingException.class).isThrownBy(() -> other.decrypt(value, "s"))
			.withMessageContaining("cannot be decrypted with EMULATOR_MASTER_PASSPHRASE");
	}

	@Test
	void valueOfAPassphraseIsNotOpenedWithAKey() {
		String value = MasterKey.from(Map.of(MasterKey.PASSPHRASE, "pass")::get).orElseThrow().encrypt(SECRET);
		assertThatExceptionOfType(SecretSettingException.class)
			.isThrownBy(() -> key(MasterKey.generate()).decrypt(value, "s"))
			.withMessage("s was encrypted with a passphrase, but EMULATOR_MASTER_KEY is a master key");
	}

	@Test
	void masterKeyIsReadFromAFile(@TempDir Path folder) throws Exception {
		String generated = MasterKey.generate();
		Path file = folder.resolve("master.key");
		Files.writeString(file, generated + "\n");
		MasterKey fromFile = MasterKey.from(Map.of(MasterKey.KEY_FILE, file.toString())::get).orElseThrow();
		assertThat(fromFile.decrypt(key(generated).encrypt(SECRET), "s")).isEqualTo(SECRET);
		assertThat(fromFile.source()).isEqualTo("EMULATOR_MASTER_KEY_FILE (" + file + ")");
	}

	@Test
	void unreadableKeyFileIsNamed() {
		assertThatExceptionOfType(SecretSettingException.class)
			.isThrownBy(() -> MasterKey.from(Map.of(MasterKey.KEY_FILE, "/no/such/master.key")::get))
			.withMessage("EMULATOR_MASTER_KEY_FILE names /no/such/master.key, which cannot be read");
	}

	@Test
	void masterKeyMustBe32BytesOfBase64() {
		assertThatExceptionOfType(SecretSettingException.class)
			.isThrownBy(() -> MasterKey.from(Map.of(MasterKey.KEY, "not base64!")::get))
			.withMessage("EMULATOR_MASTER_KEY is not Base64: generate one with the keygen command");
		assertThatExceptionOfType(SecretSettingException.class)
			.isThrownBy(
					() -> MasterKey.from(Map.of(MasterKey.KEY, Base64.getEncoder().encodeToString(new byte[16]))::get))
			.withMessage("EMULATOR_MASTER_KEY holds 16 bytes, not the 32 of an AES-256 key: generate one with the"
					+ " keygen command");
	}

	@Test
	void onlyOneMasterKeySettingMayBeSet() {
		assertThatExceptionOfType(SecretSettingException.class)
			.isThrownBy(
					() -> MasterKey.from(Map.of(MasterKey.KEY, MasterKey.generate(), MasterKey.PASSPHRASE, "x")::get))
			.withMessage(
					"Set only one of EMULATOR_MASTER_KEY, EMULATOR_MASTER_PASSPHRASE: they all name the master key");
	}

	@Test
	void noSettingMeansNoMasterKey() {
		assertThat(MasterKey.from(Map.<String, String>of()::get)).isEmpty();
	}

	@Test
	void generatedKeysAre32RandomBytes() {
		assertThat(Base64.getDecoder().decode(MasterKey.generate())).hasSize(32);
		assertThat(MasterKey.generate()).isNotEqualTo(MasterKey.generate());
	}

	private static MasterKey key(String base64) {
		return MasterKey.from(Map.of(MasterKey.KEY, base64)::get).orElseThrow();
	}

}
