package io.adsw.bpmsoft.emulator.approval;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.adsw.bpmsoft.emulator.approval.ApprovalRuleViolation.Rule;
import io.adsw.bpmsoft.emulator.approval.ApprovalState.RoundStep;
import io.adsw.bpmsoft.emulator.contact.ContactRef;

/**
 * The approval lifecycle's rules, apart from storage: a chain opens a new round,
 * resolutions decide steps, and retries of what is already done change nothing.
 */
final class LifecycleRules {

	private LifecycleRules() {
	}

	/**
	 * A chain from ELMA: one pending step per approver, in order, as a new round. An
	 * empty list is ELMA's automatic approval ({@code Согласовано} as the chain): a round
	 * with no steps that approves at once.
	 */
	static Outcome chain(ApprovalState approval, List<ContactRef> approvers) {
		if (isSameUndecidedRound(approval, approvers)) {
			return Outcome.UNCHANGED;
		}
		ApprovalStatus status = approvers.isEmpty() ? ApprovalStatus.APPROVED : ApprovalStatus.IN_PROGRESS;
		return new Outcome.NewRound(approval.round() + 1, List.copyOf(approvers), status);
	}

	private static boolean isSameUndecidedRound(ApprovalState approval, List<ContactRef> approvers) {
		List<RoundStep> current = approval.steps();
		if (approval.round() == 0 || current.size() != approvers.size()) {
			return false;
		}
		if (approvers.isEmpty()) {
			return approval.status() == ApprovalStatus.APPROVED;
		}
		for (int i = 0; i < approvers.size(); i++) {
			RoundStep step = current.get(i);
			if (!step.isPending() || !step.belongsTo(approvers.get(i).id())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An approver's decision on their earliest pending step of the current round.
	 * @throws ApprovalRuleViolation when the lifecycle does not allow it
	 */
	static Outcome resolution(ApprovalState approval, ContactRef approver, Resolution resolution,
			boolean enforceOrder) {
		ApprovalStatus status = approval.status();
		if (status == ApprovalStatus.NEW) {
			throw violation(Rule.NOT_IN_PROGRESS, status);
		}
		List<RoundStep> mine = approval.steps().stream().filter((step) -> step.belongsTo(approver.id())).toList();
		if (mine.isEmpty()) {
			throw violation(Rule.NOT_AN_APPROVER, status);
		}
		Optional<RoundStep> next = mine.stream().filter(RoundStep::isPending).findFirst();
		Optional<RoundStep> awaited = approval.steps().stream().filter(RoundStep::isPending).findFirst();
		if (status == ApprovalStatus.IN_PROGRESS && next.isPresent()
				&& (!enforceOrder || next.get().equals(awaited.orElse(null)))) {
			return decide(approval, next.get(), resolution);
		}
		Optional<RoundStep> latestDecided = mine.stream()
			.filter((step) -> step.status().isDecided())
			.max(Comparator.comparingInt(RoundStep::position));
		if (latestDecided.isPresent() && latestDecided.get().status() == resolution.stepStatus()) {
			return Outcome.UNCHANGED;
		}
		if (latestDecided.isPresent() && (status != ApprovalStatus.IN_PROGRESS || next.isEmpty())) {
			throw new ApprovalRuleViolation(Rule.ALREADY_DECIDED, status, null, resolutionOf(latestDecided.get()));
		}
		if (status != ApprovalStatus.IN_PROGRESS) {
			throw violation(Rule.NOT_IN_PROGRESS, status);
		}
		String awaitedEmail = awaited.map(RoundStep::approverEmail).orElse("");
		throw new ApprovalRuleViolation(Rule.NOT_THEIR_TURN, status, awaitedEmail, null);
	}

	private static Outcome decide(ApprovalState approval, RoundStep step, Resolution resolution) {
		if (resolution == Resolution.REJECTED) {
			return new Outcome.Decision(step.id(), StepStatus.REJECTED, true, ApprovalStatus.REJECTED);
		}
		boolean lastPending = approval.steps()
			.stream()
			.noneMatch((other) -> other.isPending() && !other.id().equals(step.id()));
		ApprovalStatus status = lastPending ? ApprovalStatus.APPROVED : ApprovalStatus.IN_PROGRESS;
		return new Outcome.Decision(step.id(), StepStatus.APPROVED, false, status);
	}

	private static ApprovalRuleViolation violation(Rule rule, ApprovalStatus status) {
		return new ApprovalRuleViolation(rule, status, null, null);
	}

	private static Resolution resolutionOf(RoundStep step) {
		return (step.status() == StepStatus.APPROVED) ? Resolution.APPROVED : Resolution.REJECTED;
	}

}
