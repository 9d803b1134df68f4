package io.adsw.bpmsoft.emulator.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The jar's commands for secrets, run instead of the stand:
 * {@code java -jar bpmsoft-emulator.jar keygen} prints a new master key;
 * {@code ... encrypt} reads a secret from standard input (never from an argument, which
 * would land in the shell's history) and prints it as {@code ENC(...)} under the master
 * key of the environment; {@code ... hash-password} reads a password from standard input
 * and prints its {@code {bcrypt}} hash.
 */
public final class CryptoCommand {

	public static final String KEYGEN = "keygen";

	public static final String ENCRYPT = "encrypt";

	public static final String HASH_PASSWORD = "hash-password";

	/** The commands, in the order the jar's usage names them. */
	public static final List<String> NAMES = List.of(KEYGEN, ENCRYPT, HASH_PASSWORD);

	private CryptoCommand() {
	}

	/**
	 * Runs the command.
	 * @return the process exit code: 0 on success, 1 when the command could not do its
	 * work
	 */
	public static int run(String command, InputStream in, PrintStream out, PrintStream err,
			Function<String, @Nullable String> settings) {
		if (command.equals(KEYGEN)) {
			out.println(MasterKey.generate());
			return 0;
		}
		try {
			if (command.equals(HASH_PASSWORD)) {
				String password = secret(in);
				if (password.isEmpty()) {
					throw new SecretSettingException("Nothing to hash: pass the password on standard input");
				}
				out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
				return 0;
			}
			MasterKey key = MasterKey.from(settings)
				.orElseThrow(() -> new SecretSettingException("No master key: set " + MasterKey.KEY + ", "
						+ MasterKey.KEY_FILE + ", " + MasterKey.PASSPHRASE + " or " + MasterKey.PASSPHRASE_FILE));
			String secret = secret(in);
			if (secret.isEmpty()) {
				throw new SecretSettingException("Nothing to encrypt: pass the secret on standard input");
			}
			out.println(key.encrypt(secret));
			return 0;
		}
		catch (SecretSettingException ex) {
			err.println(ex.getMessage());
			return 1;
		}
	}

	/**
	 * Standard input without the line break that {@code echo} or a terminal adds at the
	 * end.
	 */
	private static String secret(InputStream in) {
		String text;
		try {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new SecretSettingException("Standard input cannot be read: " + ex.getMessage());
		}
		if (text.endsWith("\r\n")) {
			return text.substring(0, text.length() - 2);
		}
		return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
	}

}
