package io.adsw.bpmsoft.emulator.approval;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.approval.ApprovalState.RoundStep;
import io.adsw.bpmsoft.emulator.contact.ContactRef;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads and writes what ELMA's requests change, statement by statement on plain JDBC, in
 * the caller's transaction. ELMA's load tests send these requests by the thousand; the
 * data service and the seeds keep the entities ({@link Approval}).
 */
@Component
class ApprovalLedger {

	/** Looks at a replaced approval before giving up on it: as many imports at once. */
	private static final int MAX_LOOKS = 50;

	private final JdbcTemplate jdbc;

	ApprovalLedger(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The approval with the steps of its current round, its row locked for the rest of
	 * the transaction: requests on the same approval wait for each other, so no decision
	 * is lost.
	 * <p>
	 * An import or a reset replaces the rows under the locks it holds: a request that
	 * waited for such a lock finds the row it waited for deleted, and its statement
	 * cannot see the row put in its place. While a statement of its own still sees the
	 * approval, it is locked again (each further import that replaces it meanwhile costs
	 * one more look).
	 */
	Optional<ApprovalState> lock(UUID id) {
		for (int look = 0; look < MAX_LOOKS; look++) {
			Optional<Head> head = lockHead(id);
			if (head.isPresent()) {
				return head.map((found) -> new ApprovalState(id, found.name(), found.status(), found.round(),
						roundSteps(id, found.round())));
			}
			if (!exists(id)) {
				break;
			}
		}
		return Optional.empty();
	}

	private boolean exists(UUID id) {
		Integer count = this.jdbc.queryForObject("SELECT COUNT(*) FROM approval WHERE id = ?", Integer.class, id);
		return count != null && count > 0;
	}

	private Optional<Head> lockHead(UUID id) {
		return this.jdbc
			.query("SELECT name, status, round_no FROM approval WHERE id = ? FOR UPDATE",
					(row, number) -> new Head(row.getString(1), ApprovalStatus.valueOf(row.getString(2)),
							row.getInt(3)),
					id)
			.stream()
			.findFirst();
	}

	/** The approval's own row. */
	private record Head(String name, ApprovalStatus status, int round) {

	}

	private List<RoundStep> roundSteps(UUID approvalId, int round) {
		if (round == 0) {
			return List.of();
		}
		return this.jdbc.query("""
				SELECT s.id, s.position_no, s.approver_id, c.email, s.status
				FROM approval_step s JOIN contact c ON c.id = s.approver_id
				WHERE s.approval_id = ? AND s.round_no = ?
				ORDER BY s.position_no""",
				(row, number) -> new RoundStep(row.getObject(1, UUID.class), row.getInt(2),
						row.getObject(3, UUID.class), Objects.requireNonNullElse(row.getString(4), ""),
						StepStatus.valueOf(row.getString(5))),
				approvalId, round);
	}

	/** Writes what the rules decided; nothing for {@link Outcome#UNCHANGED}. */
	void write(ApprovalState approval, Outcome outcome, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		if (outcome instanceof Outcome.NewRound round) {
			cancelPendingSteps(approval, at);
			insertSteps(approval, round, at);
			updateApproval(approval.id(), round.status(), round.round(), at);
		}
		else if (outcome instanceof Outcome.Decision decision) {
			this.jdbc.update(
					"UPDATE approval_step SET status = ?, decided_on = ?, set_by_id = approver_id, modified_on = ? WHERE id = ?",
					decision.stepStatus().name(), at, at, decision.stepId());
			if (decision.cancelPending()) {
				cancelPendingSteps(approval, at);
			}
			updateApproval(approval.id(), decision.status(), approval.round(), at);
		}
	}

	/** Puts the approval back to {@code New}: no chain, no round, no steps. */
	void reset(UUID approvalId, Instant now) {
		this.jdbc.update("DELETE FROM approval_step WHERE approval_id = ?", approvalId);
		updateApproval(approvalId, ApprovalStatus.NEW, 0, now.atOffset(ZoneOffset.UTC));
	}

	private void insertSteps(ApprovalState approval, Outcome.NewRound round, OffsetDateTime at) {
		List<Object[]> steps = new ArrayList<>(round.approvers().size());
		for (int i = 0; i < round.approvers().size(); i++) {
			ContactRef approver = round.approvers().get(i);
			steps.add(new Object[] { UUID.randomUUID(), approval.id(), round.round(), i + 1, approver.id(),
					StepStatus.PENDING.name(), approval.name(), at, at });
		}
		if (!steps.isEmpty()) {
			this.jdbc.batchUpdate("""
					INSERT INTO approval_step (id, approval_id, round_no, position_no, approver_id, status,
					    objective, created_on, modified_on)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", steps);
		}
	}

	// Only the current round holds pending steps (seeds and states are refused
	// otherwise),
	// but cancelling them in every round costs nothing more; an approval still in round 0
	// has no steps at all.
	private void cancelPendingSteps(ApprovalState approval, OffsetDateTime at) {
		if (approval.round() > 0) {
			this.jdbc.update(
					"UPDATE approval_step SET status = ?, modified_on = ? WHERE approval_id = ? AND status = ?",
					StepStatus.CANCELLED.name(), at, approval.id(), StepStatus.PENDING.name());
		}
	}

	// The version moves as it does when the data service changes the entity, so both
	// ways of writing an approval count its changes alike.
	private void updateApproval(UUID approvalId, ApprovalStatus status, int round, OffsetDateTime at) {
		this.jdbc.update(
				"UPDATE approval SET status = ?, round_no = ?, modified_on = ?, version = version + 1 WHERE id = ?",
				status.name(), round, at, approvalId);
	}

}
