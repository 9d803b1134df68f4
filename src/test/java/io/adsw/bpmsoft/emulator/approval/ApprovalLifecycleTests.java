package io.adsw.bpmsoft.emulator.approval;

import java.util.Locale;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The approval lifecycle as ELMA drives it over HTTP: chains open rounds, resolutions
 * decide steps in order, and retries of what is already done change nothing.
 */
@StandTest
class ApprovalLifecycleTests {

	private static final String APPROVED = "Согласовано";

	private static final String REJECTED = "Отклонено";

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	String approval;

	String anna;

	String boris;

	String clara;

	@BeforeEach
	void setUp() {
		this.approval = this.data.approval();
		this.anna = this.data.contact("anna");
		this.boris = this.data.contact("boris");
		this.clara = this.data.contact("clara");
	}

	@Test
	void newApprovalHasNoRoundAndNoSteps() {
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("NEW");
		assertThat(view.round()).isZero();
		assertThat(view.steps()).isEmpty();
	}

	@Test
	void chainOpensTheFirstRoundWithOnePendingStepPerEmailInOrder() {
		this.elma.createChain(this.approval, this.clara + ";" + this.anna + ";" + this.boris).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(1);
		assertThat(view.steps())
			.extracting(StepView::round, StepView::position, StepView::email, StepView::status, StepView::decidedOn)
			.containsExactly(tuple(1, 1, this.clara, "PENDING", null), tuple(1, 2, this.anna, "PENDING", null),
					tuple(1, 3, this.boris, "PENDING", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%s;%s;%s", "%s,%s,%s", "%s ; %s , %s", " %s;\n%s,\r\n\t%s\n", ";%s;;%s, ,%s;,",
			"\n\n%s\n;\n%s\n,\n%s\n\n", "%s,\t;%s ;\r\n;%s" })
	void chainIsSplitOnSemicolonsAndCommasIgnoringWhitespaceAndEmptyItems(String format) {
		this.elma.createChain(this.approval, String.format(format, this.anna, this.boris, this.clara)).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.current()).extracting(StepView::email).containsExactly(this.anna, this.boris, this.clara);
	}

	@Test
	void sameEmailTwiceInAChainIsTwoSteps() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.anna).spec(success());
		assertThat(this.data.approvalView(this.approval).current())
			.extracting(StepView::position, StepView::email, StepView::status)
			.containsExactly(tuple(1, this.anna, "PENDING"), tuple(2, this.boris, "PENDING"),
					tuple(3, this.anna, "PENDING"));
	}

	@Test
	void sameEmailTwiceInARowIsTwoSteps() {
		this.elma.createChain(this.approval, this.anna + ";" + this.anna.toUpperCase(Locale.ROOT)).spec(success());
		assertThat(this.data.approvalView(this.approval).current()).extracting(StepView::position, StepView::email)
			.containsExactly(tuple(1, this.anna), tuple(2, this.anna));
	}

	@Test
	void newChainOpensANewRoundAndCancelsThePendingStepsOfThePreviousOne() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		StepView annasDecision = this.data.approvalView(this.approval).current().get(0);
		this.elma.createChain(this.approval, this.clara + ";" + this.boris).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.round(1)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "APPROVED"), tuple(this.boris, "CANCELLED"));
		assertThat(view.round(1).get(0)).isEqualTo(annasDecision);
		assertThat(view.round(1).get(1).decidedOn()).isNull();
		assertThat(view.round(2)).extracting(StepView::position, StepView::email, StepView::status)
			.containsExactly(tuple(1, this.clara, "PENDING"), tuple(2, this.boris, "PENDING"));
	}

	@Test
	void differentChainWhileNothingIsDecidedOpensANewRound() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.createChain(this.approval, this.boris + ";" + this.anna).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.round(1)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "CANCELLED"), tuple(this.boris, "CANCELLED"));
		assertThat(view.round(2)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.boris, "PENDING"), tuple(this.anna, "PENDING"));
	}

	@Test
	void longerChainWithTheSameStartOpensANewRound() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.clara).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.current()).extracting(StepView::email).containsExactly(this.anna, this.boris, this.clara);
	}

	@ParameterizedTest
	@ValueSource(strings = { "%s;%s", "%s,%s", "  %s ;\r\n %s  ", ";%s,,%s;", " \t%s ,\n%s\n" })
	void sameChainAgainWhileNothingIsDecidedChangesNothing(String format) {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.createChain(this.approval, String.format(format, this.anna, this.boris)).spec(success());
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
		assertThat(before.round()).isEqualTo(1);
		assertThat(before.steps()).hasSize(2);
	}

	@Test
	void sameChainInAnotherCaseWhileNothingIsDecidedChangesNothing() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma
			.createChain(this.approval,
					" " + this.anna.toUpperCase(Locale.ROOT) + " ,\n " + this.boris.toUpperCase(Locale.ROOT) + " ")
			.spec(success());
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void sameChainAgainAfterAnotherChainOpensANewRound() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.createChain(this.approval, this.clara).spec(success());
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.round()).isEqualTo(3);
		assertThat(view.round(2)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.clara, "CANCELLED"));
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "PENDING"), tuple(this.boris, "PENDING"));
	}

	@Test
	void sameChainAgainAfterADecisionOpensANewRound() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.round(1)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "APPROVED"), tuple(this.boris, "CANCELLED"));
		assertThat(view.round(2)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "PENDING"), tuple(this.boris, "PENDING"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Согласовано", "  согласовано \n", "СОГЛАСОВАНО", "\u00A0Согласовано\u00A0" })
	void approvedAsTheChainApprovesAtOnceWithARoundOfNoSteps(String chain) {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		this.elma.createChain(this.approval, chain).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.current()).isEmpty();
		assertThat(view.round(1)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "APPROVED"), tuple(this.boris, "CANCELLED"));
	}

	@Test
	void approvedAsTheFirstChainApprovesANewApprovalAtOnce() {
		this.elma.createChain(this.approval, APPROVED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.round()).isEqualTo(1);
		assertThat(view.steps()).isEmpty();
	}

	@Test
	void approvedAsTheChainAgainChangesNothing() {
		this.elma.createChain(this.approval, this.anna).spec(success());
		this.elma.createChain(this.approval, APPROVED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.createChain(this.approval, " согласовано ").spec(success());
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
		assertThat(before.round()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { APPROVED, REJECTED })
	void chainIsAcceptedAfterTheApprovalHasFinished(String resolution) {
		this.elma.createChain(this.approval, this.anna).spec(success());
		this.elma.resolve(this.approval, this.anna, resolution).spec(success());
		this.elma.createChain(this.approval, this.boris + ";" + this.clara).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.round(1)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, (resolution.equals(APPROVED) ? "APPROVED" : "REJECTED")));
		assertThat(view.round(2)).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.boris, "PENDING"), tuple(this.clara, "PENDING"));
	}

	@Test
	void chainIsAcceptedAfterAnAutomaticApproval() {
		this.elma.createChain(this.approval, APPROVED).spec(success());
		this.elma.createChain(this.approval, this.anna).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(2);
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "PENDING"));
	}

	@Test
	void resolutionsInOrderApproveTheApproval() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.clara).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.current()).extracting(StepView::status).containsExactly("APPROVED", "PENDING", "PENDING");
		assertThat(view.current().get(0).decidedOn()).isNotNull();
		this.elma.resolve(this.approval, this.boris, APPROVED).spec(success());
		view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.current()).extracting(StepView::status).containsExactly("APPROVED", "APPROVED", "PENDING");
		this.elma.resolve(this.approval, this.clara, APPROVED).spec(success());
		view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.round()).isEqualTo(1);
		assertThat(view.current()).extracting(StepView::status).containsExactly("APPROVED", "APPROVED", "APPROVED");
		assertThat(view.current()).allSatisfy((step) -> assertThat(step.decidedOn()).isNotNull());
	}

	@Test
	void rejectionRejectsTheApprovalAndCancelsTheOtherPendingSteps() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.clara).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		this.elma.resolve(this.approval, this.boris, REJECTED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("REJECTED");
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "APPROVED"), tuple(this.boris, "REJECTED"),
					tuple(this.clara, "CANCELLED"));
		assertThat(view.current().get(1).decidedOn()).isNotNull();
		assertThat(view.current().get(2).decidedOn()).isNull();
	}

	@Test
	void rejectionByTheFirstApproverCancelsEveryOtherStep() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.clara).spec(success());
		this.elma.resolve(this.approval, this.anna, REJECTED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("REJECTED");
		assertThat(view.current()).extracting(StepView::status).containsExactly("REJECTED", "CANCELLED", "CANCELLED");
	}

	@ParameterizedTest
	@ValueSource(strings = { APPROVED, REJECTED })
	void resolutionOutOfTurnIsRefusedNamingTheAwaitedApprover(String resolution) {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.clara).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.boris, resolution)
			.spec(answer(400, Contract.notTheirTurn(this.approval, this.boris, this.anna)));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.clara, resolution)
			.spec(answer(400, Contract.notTheirTurn(this.approval, this.clara, this.boris)));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void resolutionOfAContactWithoutAStepIsRefused() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.clara, APPROVED)
			.spec(answer(400, Contract.notAnApprover(this.approval, this.clara)));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void resolutionOfAnApproverOfAPreviousRoundOnlyIsRefused() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.createChain(this.approval, this.clara).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.anna, APPROVED)
			.spec(answer(400, Contract.notAnApprover(this.approval, this.anna)));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
		assertThat(before.round(1)).extracting(StepView::status).containsExactly("CANCELLED", "CANCELLED");
	}

	@ParameterizedTest
	@ValueSource(strings = { APPROVED, REJECTED })
	void resolutionOnANewApprovalIsRefused(String resolution) {
		this.elma.resolve(this.approval, this.anna, resolution)
			.spec(answer(400, Contract.notInProgress(this.approval, this.anna, "Новое")));
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("NEW");
		assertThat(view.round()).isZero();
		assertThat(view.steps()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { APPROVED, REJECTED })
	void resolutionAfterSomeoneElseRejectedIsRefused(String resolution) {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, REJECTED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.boris, resolution)
			.spec(answer(400, Contract.notInProgress(this.approval, this.boris, "Отклонено")));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { APPROVED, REJECTED })
	void sameResolutionAgainChangesNothing(String resolution) {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, resolution).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		assertThat(before.current().get(0).decidedOn()).isNotNull();
		this.elma.resolve(this.approval, this.anna, resolution).spec(success());
		this.elma
			.resolve(this.approval, " " + this.anna.toUpperCase(Locale.ROOT) + " ", resolution.toLowerCase(Locale.ROOT))
			.spec(success());
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void sameApprovalAgainAfterTheApprovalIsApprovedChangesNothing() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		this.elma.resolve(this.approval, this.boris, APPROVED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		assertThat(before.status()).isEqualTo("APPROVED");
		this.elma.resolve(this.approval, this.boris, APPROVED).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void differentResolutionAfterDecidingIsRefused() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.anna, REJECTED)
			.spec(answer(400, Contract.alreadyDecided(this.approval, this.anna, "Согласовано")));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void differentResolutionAfterRejectingIsRefused() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris).spec(success());
		this.elma.resolve(this.approval, this.anna, REJECTED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.anna, APPROVED)
			.spec(answer(400, Contract.alreadyDecided(this.approval, this.anna, "Отклонено")));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void differentResolutionAfterTheApprovalIsApprovedIsRefused() {
		this.elma.createChain(this.approval, this.anna).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.anna, REJECTED)
			.spec(answer(400, Contract.alreadyDecided(this.approval, this.anna, "Согласовано")));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void approverTwiceInAChainDecidesEachStepInTurn() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.anna).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		ApprovalView afterFirst = this.data.approvalView(this.approval);
		assertThat(afterFirst.current()).extracting(StepView::status).containsExactly("APPROVED", "PENDING", "PENDING");

		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		assertThat(this.data.approvalView(this.approval)).isEqualTo(afterFirst);

		this.elma.resolve(this.approval, this.boris, APPROVED).spec(success());
		ApprovalView afterBoris = this.data.approvalView(this.approval);
		assertThat(afterBoris.status()).isEqualTo("IN_PROGRESS");
		assertThat(afterBoris.current()).extracting(StepView::status)
			.containsExactly("APPROVED", "APPROVED", "PENDING");

		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "APPROVED"), tuple(this.boris, "APPROVED"), tuple(this.anna, "APPROVED"));
		assertThat(view.current().get(0)).isEqualTo(afterFirst.current().get(0));
	}

	@Test
	void approverTwiceInAChainRejectingOutOfTurnIsRefused() {
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.anna).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.anna, REJECTED)
			.spec(answer(400, Contract.notTheirTurn(this.approval, this.anna, this.boris)));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

}
