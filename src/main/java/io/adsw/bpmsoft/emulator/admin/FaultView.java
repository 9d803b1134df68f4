package io.adsw.bpmsoft.emulator.admin;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.adsw.bpmsoft.emulator.fault.FaultRule;
import org.jspecify.annotations.Nullable;

/**
 * A fault rule as the control plane shows it: what it does, and how often it has applied.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FaultView(UUID id, String endpoint, @Nullable String idCrm, @Nullable String email, @Nullable Integer status,
		@Nullable String message, @Nullable Integer delayMs, @Nullable Integer delayMaxMs, boolean drop,
		@Nullable Integer times, @Nullable Integer remaining, @Nullable Double probability, @Nullable Long seed,
		long applied, Instant createdOn) {

	static FaultView of(FaultRule rule) {
		return new FaultView(rule.getId(), rule.getEndpoint(), rule.getIdCrm(), rule.getEmail(), rule.getStatus(),
				// A random delay from 0 keeps its 0: the view is a rule to post again.
				rule.getMessage(),
				(rule.getDelayMs() > 0 || rule.getDelayMaxMs() > rule.getDelayMs()) ? rule.getDelayMs() : null,
				(rule.getDelayMaxMs() > rule.getDelayMs()) ? rule.getDelayMaxMs() : null, rule.isDrop(),
				rule.getTimes(), rule.getRemaining(), rule.getProbability(), rule.getSeed(), rule.getApplied(),
				rule.getCreatedOn());
	}

}
