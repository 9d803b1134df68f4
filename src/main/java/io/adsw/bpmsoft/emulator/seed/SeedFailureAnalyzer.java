package io.adsw.bpmsoft.emulator.seed;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a seed that stopped the start-up in one line, instead of a stack trace.
 */
class SeedFailureAnalyzer extends AbstractFailureAnalyzer<SeedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SeedException cause) {
		return new FailureAnalysis(
				"The seed " + cause.getLocation() + " (emulator.seed) cannot be loaded: " + cause.getMessage(),
				"Correct the seed file, or point emulator.seed at another one.", cause);
	}

}
