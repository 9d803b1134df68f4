package io.adsw.bpmsoft.emulator.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a secret setting that stopped the start-up in one line, never with the secret.
 */
class SecretsFailureAnalyzer extends AbstractFailureAnalyzer<SecretSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecretSettingException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"See Secrets in the README: the keygen and encrypt commands make the master key and ENC(...) values.",
				cause);
	}

}
