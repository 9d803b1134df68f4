package io.adsw.bpmsoft.emulator.pacing;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the pacing ({@code emulator.pacing.*}).
 *
 * @param concurrentRequests how many requests are worked on at once; 0 (the default)
 * means two per processor
 * @param maxWait how long a request waits for its turn at most; past that it goes ahead
 * anyway, so that a stalled database delays requests by its own timeout and hardly by a
 * queue as well. A turn is waited for some milliseconds under load (well under 300 ms at
 * 256 connections in the benchmark), so a second is only reached when the requests ahead
 * wait for a database that does not answer
 */
@Validated
@ConfigurationProperties("emulator.pacing")
public record PacingProperties(@DefaultValue("0") @Min(0) int concurrentRequests,
		@DefaultValue("1s") Duration maxWait) {

	public PacingProperties {
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException(
					"emulator.pacing.max-wait must not be negative: give a wait such as 1s or 500ms, or 0 for none");
		}
	}

	/** The number of requests worked on at once, {@code 0} resolved for this machine. */
	int resolvedConcurrentRequests(int processors) {
		return (this.concurrentRequests > 0) ? this.concurrentRequests : 2 * Math.max(1, processors);
	}

}
