package io.adsw.bpmsoft.emulator.approval;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * How many approvals stand in each status, as the gauge {@code emulator.approvals} with a
 * {@code status} tag; counted in the database when metrics are read.
 */
@Component
class ApprovalMetrics {

	ApprovalMetrics(ApprovalRepository approvals, MeterRegistry meters) {
		for (ApprovalStatus status : ApprovalStatus.values()) {
			Gauge.builder("emulator.approvals", () -> approvals.countByStatus(status))
				.description("Approvals by status")
				.tag("status", status.label())
				.register(meters);
		}
	}

}
