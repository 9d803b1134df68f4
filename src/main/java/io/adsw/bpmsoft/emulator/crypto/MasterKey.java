package io.adsw.bpmsoft.emulator.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.jspecify.annotations.Nullable;

/**
 * The key that opens {@code ENC(...)} values. It comes from the environment as 32 random
 * bytes in Base64 ({@code EMULATOR_MASTER_KEY}, or a file named by
 * {@code EMULATOR_MASTER_KEY_FILE}, e.g. a docker secret), or as a passphrase
 * ({@code EMULATOR_MASTER_PASSPHRASE} or {@code EMULATOR_MASTER_PASSPHRASE_FILE}) from
 * which each value derives its key with Argon2id.
 * <p>
 * An encrypted value is {@code ENC(base64)} of a version byte, then for version 1 (master
 * key) a 96-bit random nonce and the AES-256-GCM ciphertext with its tag; version 2
 * (passphrase) puts a 128-bit Argon2id salt before the nonce. The version byte is also
 * the associated data, so it cannot be changed without the tag failing.
 */
public final class MasterKey {

	public static final String KEY = "EMULATOR_MASTER_KEY";

	public static final String KEY_FILE = "EMULATOR_MASTER_KEY_FILE";

	public static final String PASSPHRASE = "EMULATOR_MASTER_PASSPHRASE";

	public static final String PASSPHRASE_FILE = "EMULATOR_MASTER_PASSPHRASE_FILE";

	private static final Pattern ENCRYPTED = Pattern.compile("ENC\\((.*)\\)", Pattern.DOTALL);

	private static final byte WITH_KEY = 1;

	private static final byte WITH_PASSPHRASE = 2;

	private static final int SALT_BYTES = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte @Nullable [] key;

	private final char @Nullable [] passphrase;

	private final String source;

	private MasterKey(byte @Nullable [] key, char @Nullable [] passphrase, String source) {
		this.key = key;
		this.passphrase = passphrase;
		this.source = source;
	}

	/** A new random master key, in the Base64 form {@code EMULATOR_MASTER_KEY} takes. */
	public static String generate() {
		byte[] key = new byte[AesGcm.KEY_BYTES];
		RANDOM.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	/**
	 * The master key the settings name, if any.
	 * @param settings looks up {@code EMULATOR_MASTER_*} by name
	 * @throws SecretSettingException when more than one is set, or the one set is
	 * unusable
	 */
	public static Optional<MasterKey> from(Function<String, @Nullable String> settings) {
		List<String> given = new ArrayList<>();
		for (String name : List.of(KEY, KEY_FILE, PASSPHRASE, PASSPHRASE_FILE)) {
			String value = settings.apply(name);
			if (value != null && !value.isBlank()) {
				given.add(name);
			}
		}
		if (given.isEmpty()) {
			return Optional.empty();
		}
		if (given.size() > 1) {
			throw new SecretSettingException(
					"Set only one of " + String.join(", ", given) + ": they all name the master key");
		}
		String name = given.get(0);
		String value = settings.apply(name).strip();
		return Optional.of(switch (name) {
			case KEY -> ofBase64(value, name);
			case KEY_FILE -> ofBase64(read(value, name), name + " (" + value + ")");
			case PASSPHRASE -> new MasterKey(null, value.toCharArray(), name);
			default -> new MasterKey(null, read(value, name).toCharArray(), name + " (" + value + ")");
		});
	}

	private static MasterKey ofBase64(String value, String source) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw new SecretSettingException(source + " is not Base64: generate one with the keygen command");
		}
		if (key.length != AesGcm.KEY_BYTES) {
			throw new SecretSettingException(source + " holds " + key.length + " bytes, not the " + AesGcm.KEY_BYTES
					+ " of an AES-256 key: generate one with the keygen command");
		}
		return new MasterKey(key, null, source);
	}

	private static String read(String file, String setting) {
		try {
			return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
		}
		catch (IOException | RuntimeException ex) {
			throw new SecretSettingException(setting + " names " + file + ", which cannot be read");
		}
	}

	/** Whether a setting's value is in the {@code ENC(...)} form. */
	public static boolean isEncrypted(@Nullable Object value) {
		return value instanceof String text && ENCRYPTED.matcher(text.strip()).matches();
	}

	/** Where this key came from, to name in messages. */
	public String source() {
		return this.source;
	}

	/** The secret as {@code ENC(...)}, with a fresh nonce (and salt) every time. */
	public String encrypt(String secret) {
		byte[] plaintext = secret.getBytes(StandardCharsets.UTF_8);
		byte[] nonce = random(AesGcm.NONCE_BYTES);
		ByteBuffer payload;
		if (this.key != null) {
			byte[] ciphertext = AesGcm.seal(this.key, nonce, new byte[] { WITH_KEY }, plaintext);
			payload = ByteBuffer.allocate(1 + nonce.length + ciphertext.length).put(WITH_KEY);
			payload.put(nonce).put(ciphertext);
		}
		else {
			byte[] salt = random(SALT_BYTES);
			byte[] ciphertext = AesGcm.seal(derive(salt), nonce, new byte[] { WITH_PASSPHRASE }, plaintext);
			payload = ByteBuffer.allocate(1 + salt.length + nonce.length + ciphertext.length).put(WITH_PASSPHRASE);
			payload.put(salt).put(nonce).put(ciphertext);
		}
		return "ENC(" + Base64.getEncoder().encodeToString(payload.array()) + ")";
	}

	/**
	 * The secret inside an {@code ENC(...)} value.
	 * @param setting the setting's name, for the message when it cannot be decrypted
	 * @throws SecretSettingException for a malformed value, a wrong key or a tampered
	 * ciphertext
	 */
	public String decrypt(String value, String setting) {
		Matcher matcher = ENCRYPTED.matcher(value.strip());
		if (!matcher.matches()) {
			throw new SecretSettingException(setting + " is not an ENC(...) value");
		}
		byte[] payload;
		try {
			payload = Base64.getDecoder().decode(matcher.group(1).strip());
		}
		catch (IllegalArgumentException ex) {
			throw new SecretSettingException(setting + " is not valid: the text inside ENC(...) is not Base64");
		}
		if (payload.length == 0 || (payload[0] != WITH_KEY && payload[0] != WITH_PASSPHRASE)) {
			throw new SecretSettingException(setting + " is not valid: unknown ENC(...) format");
		}
		boolean withKey = payload[0] == WITH_KEY;
		if (withKey != (this.key != null)) {
			throw new SecretSettingException(
					setting + " was encrypted with a " + (withKey ? "master key" : "passphrase") + ", but "
							+ this.source + " is a " + ((this.key != null) ? "master key" : "passphrase"));
		}
		int saltBytes = withKey ? 0 : SALT_BYTES;
		int header = 1 + saltBytes + AesGcm.NONCE_BYTES;
		if (payload.length < header + 16) {
			throw new SecretSettingException(setting + " is not valid: the ENC(...) value is too short");
		}
		byte[] nonce = Arrays.copyOfRange(payload, 1 + saltBytes, header);
		byte[] ciphertext = Arrays.copyOfRange(payload, header, payload.length);
		byte[] key = withKey ? this.key : derive(Arrays.copyOfRange(payload, 1, 1 + saltBytes));
		try {
			return new String(AesGcm.open(key, nonce, new byte[] { payload[0] }, ciphertext), StandardCharsets.UTF_8);
		}
		catch (InvalidCipherTextException ex) {
			throw new SecretSettingException(setting + " cannot be decrypted with " + this.source
					+ ": the master key is not the one it was encrypted with, or the value was altered");
		}
	}

	/** The AES key a passphrase gives with this salt: Argon2id, 64 MiB, 3 passes. */
	private byte[] derive(byte[] salt) {
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withIterations(3)
			.withMemoryAsKB(64 * 1024)
			.withParallelism(1)
			.withSalt(salt)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] key = new byte[AesGcm.KEY_BYTES];
		generator.generateBytes(this.passphrase, key);
		return key;
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	@Override
	public String toString() {
		return "MasterKey[" + this.source + "]";
	}

}
