package io.adsw.bpmsoft.emulator.approval;

import java.util.List;
import java.util.UUID;

/**
 * An approval as the lifecycle rules see it: its status, its round, and the steps of that
 * round by position.
 */
record ApprovalState(UUID id, String name, ApprovalStatus status, int round, List<RoundStep> steps) {

	/**
	 * A step of the current round.
	 *
	 * @param approverEmail the approver's email as stored, empty when the contact has
	 * none
	 */
	record RoundStep(UUID id, int position, UUID approverId, String approverEmail, StepStatus status) {

		boolean isPending() {
			return this.status == StepStatus.PENDING;
		}

		boolean belongsTo(UUID contactId) {
			return this.approverId.equals(contactId);
		}

	}

}
