package io.adsw.bpmsoft.emulator.approval;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The lifecycle on a stand whose order is not enforced: any pending step may be decided,
 * and the approval still finishes only when none is left pending.
 */
@StandTest
@TestPropertySource(properties = "emulator.elma.enforce-order=false")
class EnforceOrderOffTests {

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
		this.elma.createChain(this.approval, this.anna + ";" + this.boris + ";" + this.clara).spec(success());
	}

	@Test
	void laterApproverMayDecideBeforeAnEarlierOne() {
		this.elma.resolve(this.approval, this.clara, APPROVED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "PENDING"), tuple(this.boris, "PENDING"), tuple(this.clara, "APPROVED"));
		assertThat(view.current().get(2).decidedOn()).isNotNull();
	}

	@Test
	void approvalIsApprovedOnlyWhenNoStepIsLeftPending() {
		this.elma.resolve(this.approval, this.boris, APPROVED).spec(success());
		assertThat(this.data.approvalView(this.approval).status()).isEqualTo("IN_PROGRESS");
		this.elma.resolve(this.approval, this.clara, APPROVED).spec(success());
		assertThat(this.data.approvalView(this.approval).status()).isEqualTo("IN_PROGRESS");
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.current()).extracting(StepView::status).containsExactly("APPROVED", "APPROVED", "APPROVED");
	}

	@Test
	void rejectionOutOfOrderRejectsAndCancelsTheRest() {
		this.elma.resolve(this.approval, this.boris, REJECTED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("REJECTED");
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.anna, "CANCELLED"), tuple(this.boris, "REJECTED"),
					tuple(this.clara, "CANCELLED"));
	}

	@Test
	void rejectionOfTheLastPendingStepRejectsAfterOtherApprovals() {
		this.elma.resolve(this.approval, this.clara, APPROVED).spec(success());
		this.elma.resolve(this.approval, this.anna, APPROVED).spec(success());
		this.elma.resolve(this.approval, this.boris, REJECTED).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("REJECTED");
		assertThat(view.current()).extracting(StepView::status).containsExactly("APPROVED", "REJECTED", "APPROVED");
	}

	@Test
	void approverTwiceInAChainDecidesTheirEarliestPendingStepFirst() {
		String twice = this.data.approval();
		this.elma.createChain(twice, this.anna + ";" + this.boris + ";" + this.anna).spec(success());
		this.elma.resolve(twice, this.anna, APPROVED).spec(success());
		assertThat(this.data.approvalView(twice).current()).extracting(StepView::status)
			.containsExactly("APPROVED", "PENDING", "PENDING");
		this.elma.resolve(twice, this.anna, APPROVED).spec(success());
		ApprovalView view = this.data.approvalView(twice);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.current()).extracting(StepView::status).containsExactly("APPROVED", "PENDING", "APPROVED");
		this.elma.resolve(twice, this.boris, APPROVED).spec(success());
		assertThat(this.data.approvalView(twice).status()).isEqualTo("APPROVED");
	}

	@Test
	void sameResolutionAgainStillChangesNothing() {
		this.elma.resolve(this.approval, this.clara, APPROVED).spec(success());
		ApprovalView before = this.data.approvalView(this.approval);
		this.elma.resolve(this.approval, this.clara, APPROVED).spec(success());
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
		this.elma.resolve(this.approval, this.clara, REJECTED)
			.spec(answer(400, Contract.alreadyDecided(this.approval, this.clara, "Согласовано")));
		assertThat(this.data.approvalView(this.approval)).isEqualTo(before);
	}

	@Test
	void contactWithoutAStepIsStillRefused() {
		String outsider = this.data.contact("oleg");
		this.elma.resolve(this.approval, outsider, APPROVED)
			.spec(answer(400, Contract.notAnApprover(this.approval, outsider)));
		assertThat(this.data.approvalView(this.approval).current()).extracting(StepView::status)
			.containsOnly("PENDING");
	}

}
