package io.adsw.bpmsoft.emulator;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an unknown setting or profile in the lines its refusal wrote, without a trace.
 */
class UnknownSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnknownSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
