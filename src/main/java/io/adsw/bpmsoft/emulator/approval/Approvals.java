package io.adsw.bpmsoft.emulator.approval;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import javax.sql.DataSource;

import io.adsw.bpmsoft.emulator.Guids;
import io.adsw.bpmsoft.emulator.contact.ContactNotFoundException;
import io.adsw.bpmsoft.emulator.contact.ContactRef;
import io.adsw.bpmsoft.emulator.contact.Contacts;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.Assert;

/**
 * The approval lifecycle as ELMA drives it: chains and resolutions, each applied
 * atomically under the approval's row lock.
 */
@Service
public class Approvals {

	private final ApprovalLedger ledger;

	private final Contacts contacts;

	private final Clock clock;

	private final TransactionTemplate transactions;

	Approvals(ApprovalLedger ledger, Contacts contacts, Clock clock, DataSource dataSource) {
		this.ledger = ledger;
		this.contacts = contacts;
		this.clock = clock;
		// The lifecycle works on plain JDBC: a transaction of the DataSource alone spares
		// each ELMA request the JPA session the application's transaction manager opens.
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/**
	 * Receives a chain of approvers' emails, in order, as a new round of pending steps.
	 * @param approvalId the approval's id as sent
	 * @param emails at least one email; the same email twice is two steps
	 * @throws ApprovalNotFoundException when no approval has that id
	 * @throws ContactNotFoundException naming the first email that matches no contact
	 */
	public Change receiveChain(String approvalId, List<String> emails) {
		Assert.notEmpty(emails, "A chain needs at least one approver");
		return locked(approvalId, (approval) -> LifecycleRules.chain(approval, this.contacts.byEmails(emails)));
	}

	/**
	 * Approves at once, with a round of no steps: ELMA found no matching conditions in
	 * its approval matrix and approved by itself.
	 * @param approvalId the approval's id as sent
	 * @throws ApprovalNotFoundException when no approval has that id
	 */
	public Change approveAutomatically(String approvalId) {
		return locked(approvalId, (approval) -> LifecycleRules.chain(approval, List.of()));
	}

	/**
	 * Records an approver's resolution.
	 * @param approvalId the approval's id as sent
	 * @param enforceOrder whether only the first pending step may be decided
	 * @throws ApprovalNotFoundException when no approval has that id
	 * @throws ContactNotFoundException when no contact has that email
	 * @throws ApprovalRuleViolation when the lifecycle does not allow the decision
	 */
	public Change resolve(String approvalId, String email, Resolution resolution, boolean enforceOrder) {
		return locked(approvalId, (approval) -> {
			// The round's steps name their approvers already: a resolution from one of
			// them needs no lookup of its own.
			ContactRef approver = approval.approverWithEmail(email).orElseGet(() -> this.contacts.byEmail(email));
			return LifecycleRules.resolution(approval, approver, resolution, enforceOrder);
		});
	}

	/**
	 * Puts an approval back to {@code New}, as if ELMA had never sent anything for it.
	 * @throws ApprovalNotFoundException when no approval has that id
	 */
	public void reset(String approvalId) {
		this.transactions
			.executeWithoutResult((status) -> this.ledger.reset(lock(approvalId).id(), this.clock.instant()));
	}

	/**
	 * Locks the approval, lets the rules decide, and writes their outcome, in one
	 * transaction; once more when the database refused the outcome's rows: a contact the
	 * request named was deleted between its lookup and the writing of its steps (contacts
	 * are not locked, and the data service deletes one no step refers to). Looked up
	 * again, it is not found, as if the request had come after the deletion.
	 */
	private Change locked(String approvalId, Function<ApprovalState, Outcome> rules) {
		try {
			return lockedOnce(approvalId, rules);
		}
		catch (DataIntegrityViolationException ex) {
			return lockedOnce(approvalId, rules);
		}
	}

	private Change lockedOnce(String approvalId, Function<ApprovalState, Outcome> rules) {
		Change change = this.transactions.execute((status) -> {
			ApprovalState approval = lock(approvalId);
			Outcome outcome = rules.apply(approval);
			this.ledger.write(approval, outcome, this.clock.instant());
			return (outcome == Outcome.UNCHANGED) ? Change.UNCHANGED : Change.APPLIED;
		});
		Assert.state(change != null, "A lifecycle transaction returns its change");
		return change;
	}

	private ApprovalState lock(String approvalId) {
		return Guids.parse(approvalId)
			.flatMap(this.ledger::lock)
			.orElseThrow(() -> new ApprovalNotFoundException(approvalId));
	}

}
