package io.adsw.bpmsoft.emulator.fault;

import org.jspecify.annotations.Nullable;

/**
 * What a new fault rule does and when. Whole numbers are read as {@code long}, wider than
 * the rule keeps them, so that a value past its range (a delay of 99999999999) is refused
 * with the field's own range rather than the parser's.
 *
 * @param endpoint {@code CreateChainOfApproval}, {@code ChangeApproverResolution}, or
 * {@code *} for both
 * @param status the envelope status to answer (e.g. 500, 403, 400), or none
 * @param message the message to answer instead of the integration note's for that status
 * @param times for how many matching requests; none for until removed
 * @param idCrm only requests for this approval
 * @param email only requests naming this email
 * @param delayMs how long to wait before answering
 * @param delayMaxMs with {@code delayMs}, each wait is drawn at random from
 * {@code delayMs} to this, which is not below it
 * @param drop whether to drop the connection without an answer
 * @param probability the chance that a matching request is affected, 0 to 1
 * @param seed makes the chance repeat from run to run
 */
public record FaultSpec(String endpoint, @Nullable Long status, @Nullable String message, @Nullable Long times,
		@Nullable String idCrm, @Nullable String email, @Nullable Long delayMs, @Nullable Long delayMaxMs,
		@Nullable Boolean drop, @Nullable Double probability, @Nullable Long seed) {

	FaultSpec withEndpoint(String endpoint) {
		return new FaultSpec(endpoint, this.status, this.message, this.times, this.idCrm, this.email, this.delayMs,
				this.delayMaxMs, this.drop, this.probability, this.seed);
	}

}
