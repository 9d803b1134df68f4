package io.adsw.bpmsoft.emulator.approval;

import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.approval.ApprovalRuleViolation.Rule;
import io.adsw.bpmsoft.emulator.approval.ApprovalState.RoundStep;
import io.adsw.bpmsoft.emulator.contact.ContactRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The lifecycle's rules on approvals as they stand, without storage; the HTTP tests
 * ({@link ApprovalLifecycleTests}, {@link EnforceOrderOffTests}) cover them end to end.
 */
class LifecycleRulesTests {

	private final ContactRef anna = contact("Anna@example.com");

	private final ContactRef boris = contact("boris@example.com");

	@Test
	void aChainOnANewApprovalOpensTheFirstRound() {
		Outcome outcome = LifecycleRules.chain(approval(ApprovalStatus.NEW, 0), List.of(this.anna, this.boris));

		assertThat(outcome)
			.isEqualTo(new Outcome.NewRound(1, List.of(this.anna, this.boris), ApprovalStatus.IN_PROGRESS));
	}

	@Test
	void theSameChainWhileNothingIsDecidedChangesNothing() {
		ApprovalState approval = approval(ApprovalStatus.IN_PROGRESS, 1, step(1, this.anna, StepStatus.PENDING),
				step(2, this.boris, StepStatus.PENDING));

		assertThat(LifecycleRules.chain(approval, List.of(this.anna, this.boris))).isSameAs(Outcome.UNCHANGED);
		assertThat(LifecycleRules.chain(approval, List.of(this.boris, this.anna)))
			.isEqualTo(new Outcome.NewRound(2, List.of(this.boris, this.anna), ApprovalStatus.IN_PROGRESS));
	}

	@Test
	void anEmptyChainApprovesOnceAndIsThenARetry() {
		Outcome first = LifecycleRules.chain(approval(ApprovalStatus.NEW, 0), List.of());

		assertThat(first).isEqualTo(new Outcome.NewRound(1, List.of(), ApprovalStatus.APPROVED));
		assertThat(LifecycleRules.chain(approval(ApprovalStatus.APPROVED, 1), List.of())).isSameAs(Outcome.UNCHANGED);
	}

	@Test
	void theLastApprovalApprovesTheApproval() {
		RoundStep annas = step(1, this.anna, StepStatus.APPROVED);
		RoundStep boriss = step(2, this.boris, StepStatus.PENDING);

		Outcome outcome = LifecycleRules.resolution(approval(ApprovalStatus.IN_PROGRESS, 1, annas, boriss), this.boris,
				Resolution.APPROVED, true);

		assertThat(outcome)
			.isEqualTo(new Outcome.Decision(boriss.id(), StepStatus.APPROVED, false, ApprovalStatus.APPROVED));
	}

	@Test
	void aRejectionCancelsThePendingSteps() {
		RoundStep annas = step(1, this.anna, StepStatus.PENDING);
		ApprovalState approval = approval(ApprovalStatus.IN_PROGRESS, 1, annas,
				step(2, this.boris, StepStatus.PENDING));

		assertThat(LifecycleRules.resolution(approval, this.anna, Resolution.REJECTED, true))
			.isEqualTo(new Outcome.Decision(annas.id(), StepStatus.REJECTED, true, ApprovalStatus.REJECTED));
	}

	@Test
	void outOfTurnNamesTheAwaitedApproverAsStored() {
		RoundStep boriss = step(2, this.boris, StepStatus.PENDING);
		ApprovalState approval = approval(ApprovalStatus.IN_PROGRESS, 1, step(1, this.anna, StepStatus.PENDING),
				boriss);

		ApprovalRuleViolation violation = catchThrowableOfType(ApprovalRuleViolation.class,
				() -> LifecycleRules.resolution(approval, this.boris, Resolution.APPROVED, true));

		assertThat(violation.getRule()).isEqualTo(Rule.NOT_THEIR_TURN);
		assertThat(violation.getAwaitedApproverEmail()).isEqualTo("Anna@example.com");
		// Without the order enforced, Boris decides his own step; Anna's still waits.
		assertThat(LifecycleRules.resolution(approval, this.boris, Resolution.APPROVED, false))
			.isEqualTo(new Outcome.Decision(boriss.id(), StepStatus.APPROVED, false, ApprovalStatus.IN_PROGRESS));
	}

	@Test
	void aRepeatedDecisionIsARetryAndTheOppositeOneIsRefused() {
		ApprovalState approval = approval(ApprovalStatus.APPROVED, 1, step(1, this.anna, StepStatus.APPROVED));

		assertThat(LifecycleRules.resolution(approval, this.anna, Resolution.APPROVED, true))
			.isSameAs(Outcome.UNCHANGED);
		ApprovalRuleViolation violation = catchThrowableOfType(ApprovalRuleViolation.class,
				() -> LifecycleRules.resolution(approval, this.anna, Resolution.REJECTED, true));
		assertThat(violation.getRule()).isEqualTo(Rule.ALREADY_DECIDED);
		assertThat(violation.getEarlierResolution()).isEqualTo(Resolution.APPROVED);
	}

	@Test
	void nobodyDecidesBeforeAChainOrOutsideTheRound() {
		ApprovalRuleViolation notYet = catchThrowableOfType(ApprovalRuleViolation.class,
				() -> LifecycleRules.resolution(approval(ApprovalStatus.NEW, 0), this.anna, Resolution.APPROVED, true));
		ApprovalRuleViolation outsider = catchThrowableOfType(ApprovalRuleViolation.class,
				() -> LifecycleRules.resolution(
						approval(ApprovalStatus.IN_PROGRESS, 1, step(1, this.anna, StepStatus.PENDING)), this.boris,
						Resolution.APPROVED, true));

		assertThat(notYet.getRule()).isEqualTo(Rule.NOT_IN_PROGRESS);
		assertThat(outsider.getRule()).isEqualTo(Rule.NOT_AN_APPROVER);
	}

	@Test
	void theRoundsStepsNameTheirApproversByEmailTrimmedInAnyCase() {
		ApprovalState approval = approval(ApprovalStatus.IN_PROGRESS, 1, step(1, this.anna, StepStatus.APPROVED),
				step(2, this.boris, StepStatus.PENDING));

		assertThat(approval.approverWithEmail(" \u00a0anna@EXAMPLE.com\t")).contains(this.anna);
		assertThat(approval.approverWithEmail("Boris@example.com")).contains(this.boris);
		assertThat(approval.approverWithEmail("carl@example.com")).isEmpty();
		assertThat(approval.approverWithEmail(" ")).isEmpty();
	}

	private static ApprovalState approval(ApprovalStatus status, int round, RoundStep... steps) {
		return new ApprovalState(UUID.randomUUID(), "Договор", status, round, List.of(steps));
	}

	private static RoundStep step(int position, ContactRef approver, StepStatus status) {
		return new RoundStep(UUID.randomUUID(), position, approver.id(), approver.email(), status);
	}

	private static ContactRef contact(String email) {
		return new ContactRef(UUID.randomUUID(), email);
	}

}
