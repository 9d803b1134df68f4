package io.adsw.bpmsoft.emulator.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.approval.ApprovalRuleViolation.Rule;
import io.adsw.bpmsoft.emulator.contact.Contact;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A BPMSoft approval and its chain of steps, round by round. The lifecycle rules live
 * here: a chain opens a new round, resolutions decide steps, and retries of what is
 * already done change nothing.
 */
@Entity
@Table(name = "approval")
public class Approval {

	@Id
	private UUID id;

	private String name;

	@Enumerated(EnumType.STRING)
	private ApprovalStatus status;

	@Column(name = "round_no")
	private int round;

	private Instant createdOn;

	private @Nullable UUID createdById;

	private Instant modifiedOn;

	private @Nullable UUID modifiedById;

	@Version
	private long version;

	@OneToMany(mappedBy = "approval", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("round, position")
	private List<ApprovalStep> steps = new ArrayList<>();

	@SuppressWarnings("NullAway.Init")
	protected Approval() {
	}

	public Approval(UUID id, String name, Instant now) {
		this.id = id;
		this.name = name;
		this.status = ApprovalStatus.NEW;
		this.createdOn = now;
		this.modifiedOn = now;
	}

	/**
	 * Takes a chain from ELMA: one pending step per approver, in order, as a new round.
	 * An empty list is ELMA's automatic approval ({@code Согласовано} as the chain): a
	 * round with no steps that approves at once.
	 */
	Change receiveChain(List<Contact> approvers, Instant now) {
		List<ApprovalStep> current = currentSteps();
		if (isSameUndecidedRound(current, approvers)) {
			return Change.UNCHANGED;
		}
		cancelPendingSteps(now);
		this.round++;
		for (int i = 0; i < approvers.size(); i++) {
			this.steps.add(new ApprovalStep(this, this.round, i + 1, approvers.get(i), this.name, now));
		}
		this.status = approvers.isEmpty() ? ApprovalStatus.APPROVED : ApprovalStatus.IN_PROGRESS;
		this.modifiedOn = now;
		return Change.APPLIED;
	}

	private boolean isSameUndecidedRound(List<ApprovalStep> current, List<Contact> approvers) {
		if (this.round == 0 || current.size() != approvers.size()) {
			return false;
		}
		if (approvers.isEmpty()) {
			return this.status == ApprovalStatus.APPROVED;
		}
		for (int i = 0; i < approvers.size(); i++) {
			ApprovalStep step = current.get(i);
			if (!step.isPending() || !step.belongsTo(approvers.get(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Records an approver's decision on their earliest pending step of the current round.
	 * @throws ApprovalRuleViolation when the lifecycle does not allow it
	 */
	Change resolve(Contact approver, Resolution resolution, boolean enforceOrder, Instant now) {
		if (this.status == ApprovalStatus.NEW) {
			throw violation(Rule.NOT_IN_PROGRESS);
		}
		List<ApprovalStep> mine = currentSteps().stream().filter((step) -> step.belongsTo(approver)).toList();
		if (mine.isEmpty()) {
			throw violation(Rule.NOT_AN_APPROVER);
		}
		Optional<ApprovalStep> next = mine.stream().filter(ApprovalStep::isPending).findFirst();
		Optional<ApprovalStep> awaited = currentSteps().stream().filter(ApprovalStep::isPending).findFirst();
		if (this.status == ApprovalStatus.IN_PROGRESS && next.isPresent()
				&& (!enforceOrder || next.get() == awaited.orElse(null))) {
			decide(next.get(), resolution, now);
			return Change.APPLIED;
		}
		Optional<ApprovalStep> latestDecided = mine.stream()
			.filter((step) -> step.getStatus().isDecided())
			.max(Comparator.comparingInt(ApprovalStep::getPosition));
		if (latestDecided.isPresent() && latestDecided.get().getStatus() == resolution.stepStatus()) {
			return Change.UNCHANGED;
		}
		if (latestDecided.isPresent() && (this.status != ApprovalStatus.IN_PROGRESS || next.isEmpty())) {
			throw new ApprovalRuleViolation(Rule.ALREADY_DECIDED, this.status, null, resolutionOf(latestDecided.get()));
		}
		if (this.status != ApprovalStatus.IN_PROGRESS) {
			throw violation(Rule.NOT_IN_PROGRESS);
		}
		String awaitedEmail = awaited.map((step) -> step.getApprover().getEmail()).orElse("");
		throw new ApprovalRuleViolation(Rule.NOT_THEIR_TURN, this.status, awaitedEmail, null);
	}

	private void decide(ApprovalStep step, Resolution resolution, Instant now) {
		step.decide(resolution, now);
		if (resolution == Resolution.REJECTED) {
			cancelPendingSteps(now);
			this.status = ApprovalStatus.REJECTED;
		}
		else if (currentSteps().stream().noneMatch(ApprovalStep::isPending)) {
			this.status = ApprovalStatus.APPROVED;
		}
		this.modifiedOn = now;
	}

	private void cancelPendingSteps(Instant now) {
		this.steps.stream().filter(ApprovalStep::isPending).forEach((step) -> step.cancel(now));
	}

	private ApprovalRuleViolation violation(Rule rule) {
		return new ApprovalRuleViolation(rule, this.status, null, null);
	}

	private static Resolution resolutionOf(ApprovalStep step) {
		return (step.getStatus() == StepStatus.APPROVED) ? Resolution.APPROVED : Resolution.REJECTED;
	}

	/**
	 * Puts the approval back to {@code New}: no chain, no round, no steps.
	 */
	public void reset(Instant now) {
		this.steps.clear();
		this.round = 0;
		this.status = ApprovalStatus.NEW;
		this.modifiedOn = now;
	}

	/**
	 * Restores a state saved earlier (a snapshot or an exported seed): status, round and
	 * every step of every round, replacing what the approval had.
	 */
	public void restore(ApprovalStatus status, int round, List<StepState> steps, Instant now) {
		this.steps.clear();
		this.status = status;
		this.round = round;
		for (StepState step : steps) {
			this.steps.add(new ApprovalStep(this, step, now));
		}
		this.modifiedOn = now;
	}

	/**
	 * A step as saved: where it stands in its chain, who decides it, and how it stands.
	 */
	public record StepState(int round, int position, Contact approver, StepStatus status, @Nullable Instant decidedOn) {

	}

	/** The steps of the latest round, by position. */
	public List<ApprovalStep> currentSteps() {
		return this.steps.stream().filter((step) -> step.getRound() == this.round).toList();
	}

	/** Every step of every round, oldest round first. */
	public List<ApprovalStep> getSteps() {
		return List.copyOf(this.steps);
	}

	/** Records who created the approval, for one made through the data service. */
	public void createdBy(@Nullable UUID by) {
		this.createdById = by;
		this.modifiedById = by;
	}

	/**
	 * Sets the name, for a change through the data service; {@link #touch} records it.
	 */
	public void setName(String name) {
		this.name = name;
	}

	/** Records who changed the approval through the data service, and when. */
	public void touch(@Nullable UUID by, Instant now) {
		this.modifiedById = by;
		this.modifiedOn = now;
	}

	public @Nullable UUID getCreatedById() {
		return this.createdById;
	}

	public @Nullable UUID getModifiedById() {
		return this.modifiedById;
	}

	public boolean rename(String name, Instant now) {
		if (this.name.equals(name)) {
			return false;
		}
		this.name = name;
		this.modifiedOn = now;
		return true;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public ApprovalStatus getStatus() {
		return this.status;
	}

	public int getRound() {
		return this.round;
	}

	public Instant getCreatedOn() {
		return this.createdOn;
	}

	public Instant getModifiedOn() {
		return this.modifiedOn;
	}

}
