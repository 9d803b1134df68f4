package io.adsw.bpmsoft.emulator.approval;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * How many approvals stand in each status, as the gauge {@code emulator.approvals} with a
 * {@code status} tag; counted in the database, in one query for every status of a scrape.
 * While the database does not answer the counts are unknown (NaN), and looked for again
 * only after a while: each look waits for a connection, and a scrape that waited for each
 * status in turn outlasted Prometheus's timeout when the metrics mattered most.
 */
@Component
class ApprovalMetrics {

	private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

	private static final long RETRY_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final ApprovalRepository approvals;

	private Counts counts = new Counts(Map.of(), System.nanoTime() - RETRY_NANOS, false);

	ApprovalMetrics(ApprovalRepository approvals, MeterRegistry meters) {
		this.approvals = approvals;
		for (ApprovalStatus status : ApprovalStatus.values()) {
			Gauge.builder("emulator.approvals", this, (metrics) -> metrics.count(status))
				.description("Approvals by status")
				.tag("status", status.label())
				.register(meters);
		}
	}

	private double count(ApprovalStatus status) {
		Counts current = current();
		return current.failed() ? Double.NaN : current.byStatus().getOrDefault(status, 0L);
	}

	private synchronized Counts current() {
		long age = System.nanoTime() - this.counts.countedAt();
		if (age < (this.counts.failed() ? RETRY_NANOS : FRESH_NANOS)) {
			return this.counts;
		}
		try {
			Map<ApprovalStatus, Long> byStatus = new EnumMap<>(ApprovalStatus.class);
			for (Object[] row : this.approvals.countEachStatus()) {
				byStatus.put((ApprovalStatus) row[0], (Long) row[1]);
			}
			this.counts = new Counts(byStatus, System.nanoTime(), false);
		}
		catch (DataAccessException | TransactionException ex) {
			this.counts = new Counts(Map.of(), System.nanoTime(), true);
		}
		return this.counts;
	}

	private record Counts(Map<ApprovalStatus, Long> byStatus, long countedAt, boolean failed) {

	}

}
