package io.adsw.bpmsoft.emulator.crypto;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.util.StringUtils;

/**
 * Reports a setting that cannot be bound, or that its settings record refuses, without
 * its value when that value is a secret: decrypted from {@code ENC(...)}, or held by a
 * setting whose name says it is one. Spring Boot's own report prints the value, and its
 * exceptions carry it in their messages (a number that does not parse, a rejected value).
 */
class SecretBindFailureAnalyzer extends AbstractFailureAnalyzer<BindException> implements Ordered {

	private static final String HIDDEN = " (its value, a secret, is not shown)";

	private final Set<String> decrypted;

	SecretBindFailureAnalyzer(Environment environment) {
		this.decrypted = decryptedValues(environment);
	}

	@Override
	public int getOrder() {
		// Before Boot's analyzers of the same exception; after SecretsFailureAnalyzer,
		// whose refusals also sit under a BindException.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		List<String> refusals = new ArrayList<>();
		boolean secret = false;
		if (cause.getCause() instanceof BindValidationException validation) {
			for (ObjectError error : validation.getValidationErrors()) {
				String name = error.getObjectName();
				boolean hidden = false;
				if (error instanceof FieldError field) {
					// Named as the record's component: maxBodyBytes for max-body-bytes.
					name = name + "." + DataObjectPropertyName.toDashedForm(field.getField());
					hidden = isSecret(name, field.getRejectedValue());
				}
				refusals.add(name + " is refused: " + error.getDefaultMessage() + (hidden ? HIDDEN : ""));
				secret |= hidden;
			}
		}
		else {
			ConfigurationProperty property = cause.getProperty();
			if (property == null) {
				return null;
			}
			secret = isSecret(property.getName().toString(), property.getValue());
			refusals.add(property.getName() + " cannot be read as " + cause.getTarget().getType() + HIDDEN);
		}
		if (!secret) {
			return null;
		}
		String description = String.join("\n", refusals);
		// The analysis's cause is logged at DEBUG with its whole chain, where the value
		// is: a one-line stand-in takes its place.
		return new FailureAnalysis(description,
				"Correct the setting; for an ENC(...) value, encrypt the right one again with the encrypt command.",
				new SecretSettingException(String.join("; ", refusals)));
	}

	private boolean isSecret(String name, @Nullable Object value) {
		return SecretSanitizer.SECRET_NAME.matcher(name).matches()
				|| (value != null && this.decrypted.contains(value.toString()));
	}

	/** The values of the settings that were given as {@code ENC(...)}, in clear. */
	private static Set<String> decryptedValues(Environment environment) {
		Set<String> values = new HashSet<>();
		if (!(environment instanceof ConfigurableEnvironment configurable)) {
			return values;
		}
		Set<String> names = StringUtils
			.commaDelimitedListToSet(environment.getProperty(SecretsEnvironmentPostProcessor.DECRYPTED, ""));
		for (PropertySource<?> source : configurable.getPropertySources()) {
			for (String name : names) {
				Object value = source.getProperty(name);
				if (value instanceof OriginTrackedValue tracked) {
					value = tracked.getValue();
				}
				if (value != null) {
					values.add(value.toString());
				}
			}
		}
		return values;
	}

}
