package io.adsw.bpmsoft.emulator.admin;

import java.time.Instant;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.journal.Journal;
import io.adsw.bpmsoft.emulator.journal.JournalQuery;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The journal stays within its limits in the database: a long run never grows it past
 * {@code max-entries} for longer than a second, and the newest entries are the ones kept.
 * With 200 it is trimmed once two new entries are written, and when the traffic stops.
 */
@StandTest
@TestPropertySource(properties = { "emulator.journal.max-entries=200", "emulator.journal.max-body-bytes=40" })
class JournalRetentionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Journal journal;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void journalKeepsOnlyTheNewestEntries() {
		ElmaClient elma = new ElmaClient(this.port);
		String approval = new StandData(this.context).approval();
		for (int i = 0; i < 210; i++) {
			elma.createChain(approval, "Согласовано").spec(success());
		}
		String last = new StandData(this.context).approval();
		elma.createChain(last, "Согласовано").spec(success());
		this.journal.flush();
		// The last batches may have left an entry too many; the idle writer trims them.
		Instant deadline = Instant.now().plusSeconds(30);
		while (entries() != 200) {
			assertThat(Instant.now()).as("the journal trimmed within its second").isBefore(deadline);
			Thread.onSpinWait();
		}
		assertThat(this.journal.count(new JournalQuery(last, null, null, null, null, null))).isEqualTo(1);
	}

	private long entries() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry", Long.class);
		return (count != null) ? count : 0;
	}

	@Test
	void longBodiesAreCutAndFlagged() {
		ElmaClient elma = new ElmaClient(this.port);
		String approval = new StandData(this.context).approval();
		elma.createChain(approval, "Согласовано").spec(success());
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.body("items[0].bodyTruncated", equalTo(true))
			.body("items[0].requestBody.length()", equalTo(40));
	}

}
