package io.adsw.bpmsoft.emulator.approval;

import org.jspecify.annotations.Nullable;

/**
 * A resolution that the approval's lifecycle does not allow, with what the caller needs
 * to explain it.
 */
public class ApprovalRuleViolation extends RuntimeException {

	/** Which rule was broken. */
	public enum Rule {

		/** The approval is not {@code InProgress}: no chain yet, or already finished. */
		NOT_IN_PROGRESS,

		/** The approver has no step in the approval's current round. */
		NOT_AN_APPROVER,

		/** Order is enforced and an earlier step is still pending. */
		NOT_THEIR_TURN,

		/** The approver already decided differently and has nothing left to decide. */
		ALREADY_DECIDED

	}

	private final Rule rule;

	private final ApprovalStatus approvalStatus;

	private final @Nullable String awaitedApproverEmail;

	private final @Nullable Resolution earlierResolution;

	ApprovalRuleViolation(Rule rule, ApprovalStatus approvalStatus, @Nullable String awaitedApproverEmail,
			@Nullable Resolution earlierResolution) {
		super(rule.name());
		this.rule = rule;
		this.approvalStatus = approvalStatus;
		this.awaitedApproverEmail = awaitedApproverEmail;
		this.earlierResolution = earlierResolution;
	}

	public Rule getRule() {
		return this.rule;
	}

	public ApprovalStatus getApprovalStatus() {
		return this.approvalStatus;
	}

	/** For {@link Rule#NOT_THEIR_TURN}: whose decision the approval waits for. */
	public @Nullable String getAwaitedApproverEmail() {
		return this.awaitedApproverEmail;
	}

	/** For {@link Rule#ALREADY_DECIDED}: the decision the approver made before. */
	public @Nullable Resolution getEarlierResolution() {
		return this.earlierResolution;
	}

}
