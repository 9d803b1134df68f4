package io.adsw.bpmsoft.emulator.fault;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;

/**
 * The stand keeps the list of fault rules it last read and reads it again in the
 * background once it is half a second old, so that no request waits for it. A rule made
 * through another replica (here written to the database past this stand's API) holds from
 * the first request after the stand was idle, not from the second.
 */
@StandTest
class FaultRuleListFreshnessTests {

	@Autowired
	Faults faults;

	@Autowired
	FaultRuleRepository rules;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	ElmaClient elma;

	@Autowired
	AdminClient admin;

	/** How far the stand's clock of lists is set ahead of the real one. */
	private final AtomicLong ahead = new AtomicLong();

	@AfterEach
	void backToTheRealClock() {
		this.faults.useTicker(System::nanoTime);
		this.admin.given().delete("/emulator/api/faults").then().statusCode(204);
	}

	@Test
	void ruleMadeElsewhereHoldsFromTheFirstRequestAfterAnIdleSpell() {
		this.faults.useTicker(() -> System.nanoTime() + this.ahead.get());
		String idCrm = UUID.randomUUID().toString();
		this.elma.createChain(idCrm, "Согласовано").spec(answer(400, Contract.approvalNotFound(idCrm)));
		this.transaction.executeWithoutResult((status) -> this.rules.save(new FaultRule(
				new FaultSpec("CreateChainOfApproval", 500L, null, null, idCrm, null, null, null, null, null, null),
				Instant.now())));
		this.ahead.set(Faults.RULES_STALE_NANOS + 1);
		this.elma.createChain(idCrm, "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
	}

}
