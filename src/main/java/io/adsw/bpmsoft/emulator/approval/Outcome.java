package io.adsw.bpmsoft.emulator.approval;

import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.contact.ContactRef;

/**
 * What the lifecycle rules decided a request does to an approval, for the ledger to
 * write.
 */
sealed interface Outcome {

	/** A retry of something already done: nothing to write. */
	Outcome UNCHANGED = new Unchanged();

	/** Nothing changes. */
	record Unchanged() implements Outcome {

	}

	/**
	 * Pending steps are cancelled and a new round of pending steps opens, one per
	 * approver in order; no approvers is ELMA's automatic approval.
	 */
	record NewRound(int round, List<ContactRef> approvers, ApprovalStatus status) implements Outcome {

	}

	/**
	 * A step is decided; on a rejection the other pending steps are cancelled.
	 */
	record Decision(UUID stepId, StepStatus stepStatus, boolean cancelPending,
			ApprovalStatus status) implements Outcome {

	}

}
