package io.adsw.bpmsoft.emulator.crypto;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Masks secrets in {@code /actuator/env} and {@code /actuator/configprops}, which show an
 * admin the stand's other settings: every setting that was decrypted from
 * {@code ENC(...)}, every {@code ENC(...)} value itself, and every setting whose name
 * says it holds a secret; and, under any name, every value holding a decrypted one (the
 * connection pool's {@code jdbcUrl} is the decrypted {@code spring.datasource.url}).
 */
@Component
class SecretSanitizer implements SanitizingFunction {

	/** Names of settings that hold a secret, whether given in clear or not. */
	static final Pattern SECRET_NAME = Pattern.compile(".*(key|password|passphrase|secret|token|credential).*",
			Pattern.CASE_INSENSITIVE);

	private final Set<String> decrypted;

	private final List<String> decryptedValues;

	SecretSanitizer(Environment environment) {
		this.decrypted = StringUtils
			.commaDelimitedListToSet(environment.getProperty(SecretsEnvironmentPostProcessor.DECRYPTED, ""));
		this.decryptedValues = SecretMask.decryptedValues(environment);
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
		return data;
	}

}
