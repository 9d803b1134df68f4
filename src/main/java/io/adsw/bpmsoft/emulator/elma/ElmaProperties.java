package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.crypto.SecretSettingException;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ElmaService endpoints ({@code emulator.elma.*}).
 *
 * @param serviceKey the value ELMA must send in {@code X-Elma-Service}
 * @param httpStatus whether the HTTP status mirrors the envelope's or is always 200
 * @param enforceOrder whether only the first pending step of a chain may be decided
 */
@Validated
@ConfigurationProperties("emulator.elma")
public record ElmaProperties(String serviceKey, @NotNull @DefaultValue("mirror") HttpStatusMode httpStatus,
		@DefaultValue("true") boolean enforceOrder) {

	/**
	 * Checks the key here, not with a constraint on the field: bean validation prints a
	 * refused value in the start-up failure report and keeps it in its exception's
	 * message, and this one is a secret.
	 */
	public ElmaProperties {
		// The binder passes null for a key that is not set at all.
		if (serviceKey == null || serviceKey.isBlank()) {
			throw new SecretSettingException("emulator.elma.service-key is not set: give the key ELMA sends in"
					+ " X-Elma-Service, in clear or as ENC(...) made by the encrypt command");
		}
	}

	/** How the HTTP status of an answer relates to the envelope's {@code status}. */
	public enum HttpStatusMode {

		/** The HTTP status equals the envelope's. */
		MIRROR,

		/**
		 * HTTP 200 always, the outcome only in the envelope, as some real stands answer.
		 */
		ALWAYS_200

	}

	@Override
	public String toString() {
		return "ElmaProperties[serviceKey=******, httpStatus=" + this.httpStatus + ", enforceOrder=" + this.enforceOrder
				+ "]";
	}

}
