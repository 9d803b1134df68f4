package io.adsw.bpmsoft.emulator.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Explains a secret setting that stopped the start-up in one line, never with the secret.
 * It goes before Spring Boot's own analyzers: refused while a settings record binds, the
 * exception sits under a {@code BindException}, which Boot's analyzer would report in
 * longer words of its own.
 */
class SecretsFailureAnalyzer extends AbstractFailureAnalyzer<SecretSettingException> implements Ordered {

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SecretSettingException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"See Secrets in the README: the keygen, encrypt and hash-password commands make the master key,"
						+ " ENC(...) values and password hashes.",
				cause);
	}

}
