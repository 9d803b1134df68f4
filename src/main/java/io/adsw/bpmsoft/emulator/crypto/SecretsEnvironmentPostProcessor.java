package io.adsw.bpmsoft.emulator.crypto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.StringUtils;

/**
 * Decrypts every {@code ENC(...)} setting once, as soon as the configuration is read, so
 * that the rest of the stand only ever sees plain values; and refuses to start when a
 * setting that a stand requires encrypted ({@code emulator.secrets.require-encrypted}) is
 * missing, given in clear, or cannot be decrypted.
 */
public class SecretsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/**
	 * Settings that must be given as {@code ENC(...)}; the dev and prod stands name the
	 * ELMA key.
	 */
	public static final String REQUIRE_ENCRYPTED = "emulator.secrets.require-encrypted";

	/**
	 * The names (never the values) of the settings that were decrypted, for the
	 * sanitizer.
	 */
	static final String DECRYPTED = "emulator.secrets.decrypted";

	@Override
	public int getOrder() {
		// After the configuration files have been read, and the profiles checked.
		return ConfigDataEnvironmentPostProcessor.ORDER + 2;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// The local stand is the one without a profile.
		String stand = (environment.getActiveProfiles().length > 0) ? String.join(",", environment.getActiveProfiles())
				: "local";
		String[] required = StringUtils.commaDelimitedListToStringArray(environment.getProperty(REQUIRE_ENCRYPTED, ""));
		for (String setting : required) {
			String value = environment.getProperty(setting.strip());
			if (value == null || value.isBlank()) {
				throw new SecretSettingException(setting.strip() + " is not set: the " + stand
						+ " stand needs it encrypted, as ENC(...) made by the encrypt command");
			}
			if (!MasterKey.isEncrypted(value)) {
				throw new SecretSettingException(setting.strip() + " is given in clear: the " + stand
						+ " stand needs it encrypted, as ENC(...) made by the encrypt command");
			}
		}
		List<EnumerablePropertySource<?>> encrypted = new ArrayList<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				refuseCutOff(enumerable);
			}
		}
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable && Arrays.stream(enumerable.getPropertyNames())
				.anyMatch((name) -> MasterKey.isEncrypted(enumerable.getProperty(name)))) {
				encrypted.add(enumerable);
			}
		}
		if (encrypted.isEmpty()) {
			return;
		}
		Optional<MasterKey> masterKey = MasterKey.from(environment::getProperty);
		Set<String> names = new TreeSet<>();
		for (EnumerablePropertySource<?> source : encrypted) {
			environment.getPropertySources().replace(source.getName(), decrypted(source, masterKey, names));
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("emulatorDecryptedSecrets", Map.of(DECRYPTED, String.join(",", names))));
	}

	/**
	 * A value that starts as {@code ENC(...)} does and lacks its closing parenthesis was
	 * cut when it was copied: taken as it is, it would be a key or password in clear that
	 * nobody meant.
	 */
	private static void refuseCutOff(EnumerablePropertySource<?> source) {
		for (String name : source.getPropertyNames()) {
			if (source.getProperty(name) instanceof CharSequence text) {
				String value = text.toString().strip();
				if (value.startsWith("ENC(") && !value.endsWith(")")) {
					throw new SecretSettingException(name + " starts as ENC(...) but has no closing parenthesis: give"
							+ " the whole value the encrypt command printed");
				}
			}
		}
	}

	/**
	 * A copy of the source with its encrypted values in clear, of a type that binds the
	 * same way.
	 */
	private static PropertySource<?> decrypted(EnumerablePropertySource<?> source, Optional<MasterKey> masterKey,
			Set<String> names) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (String name : source.getPropertyNames()) {
			Object value = source.getProperty(name);
			if (value == null) {
				continue;
			}
			if (MasterKey.isEncrypted(value)) {
				MasterKey key = masterKey.orElseThrow(() -> new SecretSettingException(name
						+ " is encrypted, but no master key is set: set " + MasterKey.KEY + ", " + MasterKey.KEY_FILE
						+ ", " + MasterKey.PASSPHRASE + " or " + MasterKey.PASSPHRASE_FILE));
				String secret = key.decrypt((String) value, name);
				names.add(name);
				Origin origin = origin(source, name);
				value = (origin != null) ? OriginTrackedValue.of(secret, origin) : secret;
			}
			else if (source instanceof OriginTrackedMapPropertySource) {
				value = ((OriginTrackedMapPropertySource) source).getSource().get(name);
			}
			values.put(name, value);
		}
		if (source instanceof SystemEnvironmentPropertySource) {
			return new SystemEnvironmentPropertySource(source.getName(), values);
		}
		if (source instanceof OriginTrackedMapPropertySource) {
			return new OriginTrackedMapPropertySource(source.getName(), values);
		}
		return new MapPropertySource(source.getName(), values);
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Origin origin(PropertySource<?> source, String name) {
		return (source instanceof OriginLookup<?> lookup) ? ((OriginLookup<String>) lookup).getOrigin(name) : null;
	}

}
