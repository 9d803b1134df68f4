package io.adsw.bpmsoft.emulator.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.journal.Journal;
import io.adsw.bpmsoft.emulator.journal.JournalEntries;
import io.adsw.bpmsoft.emulator.journal.JournalQuery;
import io.adsw.bpmsoft.emulator.journal.JournalRecord;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The journal stays within its limits in the database: a long run never grows it past
 * {@code max-entries} for longer than a second, and the newest entries are the ones kept.
 * With 200 it is trimmed once two new entries are written, and when the traffic stops.
 * Entries older than {@code max-age} are deleted within a second of the next entry
 * written; the stand's clock is moved forward instead of the test waiting an hour.
 */
@StandTest
@TestPropertySource(properties = { "emulator.journal.max-entries=200", "emulator.journal.max-age=1h",
		"emulator.journal.max-body-bytes=40" })
class JournalRetentionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Journal journal;

	@Autowired
	JournalEntries journalEntries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MovableClock clock;

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
		await().atMost(Duration.ofSeconds(30)).until(() -> entries() == 200);
		assertThat(this.journalEntries.count(new JournalQuery(last, null, null, null, null, null))).isEqualTo(1);
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

	@Test
	void entriesOlderThanMaxAgeAreDeleted() {
		ElmaClient elma = new ElmaClient(this.port);
		String old = new StandData(this.context).approval();
		elma.createChain(old, "Согласовано").spec(success());
		this.clock.advance(Duration.ofMinutes(59));
		String withinTheHour = new StandData(this.context).approval();
		elma.createChain(withinTheHour, "Согласовано").spec(success());
		this.clock.advance(Duration.ofMinutes(2));
		String recent = new StandData(this.context).approval();
		elma.createChain(recent, "Согласовано").spec(success());
		awaitGone(old);
		entriesOf(old).body("total", equalTo(0));
		entriesOf(withinTheHour).body("total", equalTo(1));
		entriesOf(recent).body("total", equalTo(1));
	}

	/**
	 * Records held in the queue while the database was away are written late, with the
	 * time their requests arrived: older ones than max-age are deleted too, though the
	 * journal has already aged out entries newer than they are.
	 */
	@Test
	void lateEntriesOlderThanMaxAgeAreDeleted() {
		String first = UUID.randomUUID().toString();
		this.journal.record(received(first, this.clock.instant().minus(Duration.ofHours(2))));
		awaitGone(first);
		String late = UUID.randomUUID().toString();
		String current = UUID.randomUUID().toString();
		this.journal.record(received(late, this.clock.instant().minus(Duration.ofHours(3))));
		this.journal.record(received(current, this.clock.instant()));
		awaitGone(late);
		entriesOf(current).body("total", equalTo(1));
	}

	private static JournalRecord received(String idCrm, Instant receivedOn) {
		return new JournalRecord(receivedOn, "CreateChainOfApproval", "127.0.0.1", "ok", "{}", false, 200, 200, "", 0,
				idCrm, List.of(), null, null);
	}

	private void awaitGone(String idCrm) {
		this.journal.flush();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.journalEntries.count(new JournalQuery(idCrm, null, null, null, null, null)) == 0);
	}

	private ValidatableResponse entriesOf(String idCrm) {
		return given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.queryParam("idCrm", idCrm)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200);
	}

	/** The system's clock, moved forward by the test. */
	static final class MovableClock extends Clock {

		private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

		void advance(Duration duration) {
			this.offset.accumulateAndGet(duration, Duration::plus);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException("the stand's clock is in UTC");
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset.get()).truncatedTo(ChronoUnit.MICROS);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
