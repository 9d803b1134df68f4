package io.adsw.bpmsoft.emulator.crypto;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The values decrypted from {@code ENC(...)} settings, masked wherever the stand would
 * show them: libraries log some settings on their own (the connection pool, Flyway and
 * Hibernate each log the database's URL as they connect), and a URL with a password in it
 * is as much a secret as the password.
 */
public final class SecretMask {

	static final String MASK = "******";

	private static final String ELMA_KEY = "emulator.elma.service-key";

	/** Shorter values are too common in any text for their masking to mean anything. */
	static final int SHORTEST = 4;

	/**
	 * Every stand started in this JVM adds its own; longest first, so that a secret
	 * holding another is masked whole.
	 */
	private static volatile List<String> secrets = List.of();

	private static final Pattern JDBC_OPTIONS = Pattern.compile("[;?]");

	private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

	private SecretMask() {
	}

	/**
	 * The values of the settings this environment had decrypted; a JDBC URL also without
	 * its options, as drivers report it ({@code jdbc:h2:mem:x;LOCK_TIMEOUT=10000} as
	 * {@code jdbc:h2:mem:x}).
	 */
	static List<String> decryptedValues(Environment environment) {
		return valuesOf(environment, decryptedNames(environment));
	}

	/**
	 * The decrypted values, and ELMA's key however it was given: the contract keeps it
	 * out of the logs and the journal on every stand, the local one's key in clear
	 * included.
	 */
	static List<String> secretValues(Environment environment) {
		Set<String> names = new LinkedHashSet<>(decryptedNames(environment));
		names.add(ELMA_KEY);
		return valuesOf(environment, names);
	}

	private static Set<String> decryptedNames(Environment environment) {
		return StringUtils
			.commaDelimitedListToSet(environment.getProperty(SecretsEnvironmentPostProcessor.DECRYPTED, ""));
	}

	private static List<String> valuesOf(Environment environment, Set<String> names) {
		return names.stream()
			.map(environment::getProperty)
			.filter(Objects::nonNull)
			.flatMap((value) -> value.startsWith("jdbc:") ? Stream.of(value, JDBC_OPTIONS.split(value, 2)[0])
					: Stream.of(value))
			.filter((value) -> value.length() >= SHORTEST)
			.distinct()
			.toList();
	}

	/**
	 * Adds secrets to mask, each also as JSON escapes it, for a log written as JSON.
	 */
	static synchronized void add(List<String> values) {
		Set<String> all = new LinkedHashSet<>(secrets);
		for (String value : values) {
			all.add(value);
			all.add(value.replace("\\", "\\\\").replace("\"", "\\\""));
		}
		String[] sorted = all.toArray(String[]::new);
		Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
		secrets = List.of(sorted);
	}

	/** The text with every secret in it replaced by {@value #MASK}. */
	public static String mask(String text) {
		String masked = text;
		for (String secret : secrets) {
			if (masked.contains(secret)) {
				masked = masked.replace(secret, MASK);
			}
		}
		return masked;
	}

	/**
	 * A request body with every secret in it masked: also one written with JSON's
	 * {@code \\u} escapes (the body is then kept with its escapes read), and, for a body
	 * kept only in part, the start of one it ends with.
	 * @param body the body as received, or its beginning
	 * @param cut whether the body goes on past the text given
	 */
	public static String maskBody(String body, boolean cut) {
		String masked = mask(body);
		if (masked.contains("\\u")) {
			String read = UNICODE_ESCAPE.matcher(masked)
				.replaceAll((escape) -> Matcher
					.quoteReplacement(String.valueOf((char) Integer.parseInt(escape.group(1), 16))));
			String readMasked = mask(read);
			masked = readMasked.equals(read) ? masked : readMasked;
		}
		return cut ? withoutSecretStartAtTheEnd(masked) : masked;
	}

	private static String withoutSecretStartAtTheEnd(String text) {
		for (String secret : secrets) {
			for (int length = secret.length() - 1; length >= SHORTEST; length--) {
				if (text.endsWith(secret.substring(0, length))) {
					return text.substring(0, text.length() - length) + MASK;
				}
			}
		}
		return text;
	}

	/** Whether the text holds one of the given secrets. */
	static boolean holdsAny(String text, List<String> values) {
		return values.stream().anyMatch(text::contains);
	}

}
