package io.adsw.bpmsoft.emulator.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains in one line why the prod stand did not start on the settings given.
 */
class ProdStandSettingFailureAnalyzer extends AbstractFailureAnalyzer<ProdStandSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ProdStandSettingException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Remove the setting, or start the dev stand (--spring.profiles.active=dev), which accepts it.", cause);
	}

}
