package io.adsw.bpmsoft.emulator;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.approval.ApprovalRepository;
import io.adsw.bpmsoft.emulator.approval.ApprovalStep;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Arranges and inspects the stand's data directly in its database: tests act over HTTP,
 * but set up contacts and approvals here. Every name is unique, so tests sharing a stand
 * never collide.
 */
public final class StandData {

	private final ContactRepository contacts;

	private final ApprovalRepository approvals;

	private final TransactionTemplate transaction;

	public StandData(ApplicationContext context) {
		this.contacts = context.getBean(ContactRepository.class);
		this.approvals = context.getBean(ApprovalRepository.class);
		this.transaction = context.getBean(TransactionTemplate.class);
	}

	/** A new contact with a unique email built on the given name, returned as stored. */
	public String contact(String name) {
		String email = uniqueEmail(name);
		this.contacts.save(new Contact(UUID.randomUUID(), name, email, Instant.now()));
		return email;
	}

	/**
	 * New contacts with unique emails built on the given name, saved together; their
	 * emails in order.
	 */
	public List<String> contacts(String name, int count) {
		List<Contact> contacts = IntStream.range(0, count)
			.mapToObj((i) -> new Contact(UUID.randomUUID(), name + i, uniqueEmail(name + i), Instant.now()))
			.toList();
		this.contacts.saveAll(contacts);
		return contacts.stream().map(Contact::getEmail).toList();
	}

	private static String uniqueEmail(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A new approval in status {@code New}; its id. */
	public String approval() {
		UUID id = UUID.randomUUID();
		this.approvals.save(new Approval(id, "Договор " + id.toString().substring(0, 8), Instant.now()));
		return id.toString();
	}

	/** The approval as stored now, with its steps of every round. */
	public ApprovalView approvalView(String id) {
		return this.transaction.execute((status) -> {
			Approval approval = this.approvals.findById(UUID.fromString(id)).orElseThrow();
			List<StepView> steps = approval.getSteps()
				.stream()
				.sorted(Comparator.comparingInt(ApprovalStep::getRound).thenComparingInt(ApprovalStep::getPosition))
				.map(StepView::new)
				.toList();
			return new ApprovalView(approval.getStatus().name(), approval.getRound(), approval.getModifiedOn(), steps);
		});
	}

	/** A snapshot of an approval for assertions. */
	public record ApprovalView(String status, int round, Instant modifiedOn, List<StepView> steps) {

		public List<StepView> round(int round) {
			return this.steps.stream().filter((step) -> step.round() == round).toList();
		}

		public List<StepView> current() {
			return round(this.round);
		}

	}

	/** A snapshot of one step. */
	public record StepView(UUID id, int round, int position, String email, String status, Instant decidedOn) {

		StepView(ApprovalStep step) {
			this(step.getId(), step.getRound(), step.getPosition(), step.getApprover().getEmail(),
					step.getStatus().name(), step.getDecidedOn());
		}

	}

}
