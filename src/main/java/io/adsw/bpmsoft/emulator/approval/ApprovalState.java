package io.adsw.bpmsoft.emulator.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRef;

/**
 * An approval as the lifecycle rules see it: its status, its round, and the steps of that
 * round by position.
 */
record ApprovalState(UUID id, String name, ApprovalStatus status, int round, List<RoundStep> steps) {

	/**
	 * The approver of one of this round's steps whose email matches, as BPMSoft matches
	 * emails (trimmed, case-insensitive).
	 */
	Optional<ContactRef> approverWithEmail(String email) {
		String key = Contact.emailKey(email);
		return this.steps.stream()
			.filter((step) -> key != null && key.equals(Contact.emailKey(step.approverEmail())))
			.findFirst()
			.map((step) -> new ContactRef(step.approverId(), step.approverEmail()));
	}

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
