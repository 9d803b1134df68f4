package io.adsw.bpmsoft.emulator.admin;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.journal.Journal;
import io.adsw.bpmsoft.emulator.journal.JournalEntries;
import io.adsw.bpmsoft.emulator.journal.JournalQuery;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record the database refuses costs the journal that record only: the writer drops it,
 * counts it, and goes on with the records around it instead of retrying the batch for
 * ever. The refusal is staged with a check constraint on the stand's own table.
 */
@StandTest
@DirtiesContext
class JournalRefusedRecordTests {

	private static final String POISON = "refused-by-the-database";

	@LocalServerPort
	int port;

	@Autowired
	Journal journal;

	@Autowired
	JournalEntries journalEntries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	@Test
	void refusedRecordIsDroppedAndCountedAndTheOthersAreKept() {
		this.jdbc
			.execute("ALTER TABLE journal_entry ADD CONSTRAINT ck_journal_test CHECK (id_crm <> '" + POISON + "')");
		ElmaClient elma = new ElmaClient(this.port);
		elma.createChain("before", "a@b.c").spec(answer(400, Contract.approvalNotFound("before")));
		elma.createChain(POISON, "a@b.c").spec(answer(400, Contract.approvalNotFound(POISON)));
		elma.createChain("after", "a@b.c").spec(answer(400, Contract.approvalNotFound("after")));
		this.journal.flush();

		assertThat(this.journalEntries.count(new JournalQuery("before", null, null, null, null, null))).isEqualTo(1);
		assertThat(this.journalEntries.count(new JournalQuery("after", null, null, null, null, null))).isEqualTo(1);
		assertThat(this.journalEntries.count(new JournalQuery(POISON, null, null, null, null, null))).isZero();
		assertThat(this.meters.get("emulator.journal.dropped").counter().count()).isEqualTo(1);
		elma.createChain("later", "a@b.c").spec(answer(400, Contract.approvalNotFound("later")));
		assertThat(this.journalEntries.count(new JournalQuery("later", null, null, null, null, null))).isEqualTo(1);
	}

}
