package io.adsw.bpmsoft.emulator.crypto;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Masks secrets in {@code /actuator/env} and {@code /actuator/configprops}, which show an
 * admin the stand's other settings: every setting that was decrypted from
 * {@code ENC(...)}, every {@code ENC(...)} value itself, and every setting whose name
 * says it holds a secret; and, under any name, every value holding a decrypted one (the
 * connection pool's {@code jdbcUrl} is the decrypted {@code spring.datasource.url}). A
 * secret given in clear is masked where another value holds it, the rest of that value
 * shown: the JVM's {@code sun.java.command} lists {@code --emulator.elma.service-key=...}
 * as the stand was started, and {@code spring.application.json} holds it as JSON.
 */
@Component
class SecretSanitizer implements SanitizingFunction {

	/** Names of settings that hold a secret, whether given in clear or not. */
	static final Pattern SECRET_NAME = Pattern.compile(".*(key|password|passphrase|secret|token|credential).*",
			Pattern.CASE_INSENSITIVE);

	private final Set<String> decrypted;

	private final List<String> decryptedValues;

	/** The values of the settings named as secrets, given in clear; longest first. */
	private final List<String> clearValues;

	SecretSanitizer(Environment environment) {
		this.decrypted = StringUtils
			.commaDelimitedListToSet(environment.getProperty(SecretsEnvironmentPostProcessor.DECRYPTED, ""));
		this.decryptedValues = SecretMask.decryptedValues(environment);
		this.clearValues = clearValues(environment);
	}

	private static List<String> clearValues(Environment environment) {
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return List.of();
		}
		return configurable.getPropertySources()
			.stream()
			.filter(EnumerablePropertySource.class::isInstance)
			.flatMap((source) -> Arrays.stream(((EnumerablePropertySource<?>) source).getPropertyNames()))
			// By the name's last part: emulator.secrets.require-encrypted names a
			// setting, it
			// holds none.
			.filter((name) -> SECRET_NAME.matcher(name.substring(name.lastIndexOf('.') + 1)).matches())
			.map((name) -> valueOf(environment, name))
			.filter((value) -> value != null && value.length() >= SecretMask.SHORTEST && !MasterKey.isEncrypted(value))
			.distinct()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
	}

	private static @Nullable String valueOf(Environment environment, String name) {
		try {
			return environment.getProperty(name);
		}
		catch (IllegalArgumentException ex) {
			// A placeholder that does not resolve: no value to look for.
			return null;
		}
	}

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getValue() == null) {
			return data;
		}
		if (this.decrypted.contains(data.getKey()) || SECRET_NAME.matcher(data.getKey()).matches()
				|| MasterKey.isEncrypted(data.getValue())
				|| SecretMask.holdsAny(String.valueOf(data.getValue()), this.decryptedValues)) {
			return data.withSanitizedValue();
		}
		if (data.getValue() instanceof String text) {
			String masked = text;
			for (String secret : this.clearValues) {
				masked = masked.replace(secret, SanitizableData.SANITIZED_VALUE);
			}
			return masked.equals(text) ? data : data.withValue(masked);
		}
		return data;
	}

}
