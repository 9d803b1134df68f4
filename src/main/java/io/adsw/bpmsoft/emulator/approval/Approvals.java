package io.adsw.bpmsoft.emulator.approval;

import java.time.Clock;
import java.util.List;

import io.adsw.bpmsoft.emulator.Guids;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactNotFoundException;
import io.adsw.bpmsoft.emulator.contact.Contacts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The approval lifecycle as ELMA drives it: chains and resolutions, each applied
 * atomically under the approval's row lock.
 */
@Service
public class Approvals {

	private final ApprovalRepository approvals;

	private final Contacts contacts;

	private final Clock clock;

	Approvals(ApprovalRepository approvals, Contacts contacts, Clock clock) {
		this.approvals = approvals;
		this.contacts = contacts;
		this.clock = clock;
	}

	/**
	 * Receives a chain of approvers' emails, in order, as a new round of pending steps.
	 * @param approvalId the approval's id as sent
	 * @param emails at least one email; the same email twice is two steps
	 * @throws ApprovalNotFoundException when no approval has that id
	 * @throws ContactNotFoundException naming the first email that matches no contact
	 */
	@Transactional
	public Change receiveChain(String approvalId, List<String> emails) {
		Assert.notEmpty(emails, "A chain needs at least one approver");
		Approval approval = lock(approvalId);
		List<Contact> approvers = this.contacts.byEmails(emails);
		return approval.receiveChain(approvers, this.clock.instant());
	}

	/**
	 * Approves at once, with a round of no steps: ELMA found no matching conditions in
	 * its approval matrix and approved by itself.
	 * @param approvalId the approval's id as sent
	 * @throws ApprovalNotFoundException when no approval has that id
	 */
	@Transactional
	public Change approveAutomatically(String approvalId) {
		return lock(approvalId).receiveChain(List.of(), this.clock.instant());
	}

	/**
	 * Records an approver's resolution.
	 * @param approvalId the approval's id as sent
	 * @param enforceOrder whether only the first pending step may be decided
	 * @throws ApprovalNotFoundException when no approval has that id
	 * @throws ContactNotFoundException when no contact has that email
	 * @throws ApprovalRuleViolation when the lifecycle does not allow the decision
	 */
	@Transactional
	public Change resolve(String approvalId, String email, Resolution resolution, boolean enforceOrder) {
		Approval approval = lock(approvalId);
		Contact approver = this.contacts.byEmail(email);
		return approval.resolve(approver, resolution, enforceOrder, this.clock.instant());
	}

	/**
	 * Puts an approval back to {@code New}, as if ELMA had never sent anything for it.
	 * @throws ApprovalNotFoundException when no approval has that id
	 */
	@Transactional
	public void reset(String approvalId) {
		lock(approvalId).reset(this.clock.instant());
	}

	private Approval lock(String approvalId) {
		return Guids.parse(approvalId)
			.flatMap(this.approvals::lockById)
			.orElseThrow(() -> new ApprovalNotFoundException(approvalId));
	}

}
