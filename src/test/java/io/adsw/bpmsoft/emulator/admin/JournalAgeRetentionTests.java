package io.adsw.bpmsoft.emulator.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.journal.Journal;
import io.adsw.bpmsoft.emulator.journal.JournalQuery;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The journal keeps entries for {@code emulator.journal.max-age}: older ones are deleted
 * in the database within a second of the next entry written. The stand's clock is moved
 * forward instead of the test waiting hours.
 */
@StandTest
@TestPropertySource(properties = "emulator.journal.max-age=1h")
class JournalAgeRetentionTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Journal journal;

	@Autowired
	MovableClock clock;

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
		this.journal.flush();
		Instant deadline = Instant.now().plusSeconds(30);
		while (this.journal.count(new JournalQuery(old, null, null, null, null, null)) != 0) {
			assertThat(Instant.now()).as("the journal trimmed within its second").isBefore(deadline);
			Thread.onSpinWait();
		}
		entries(old).body("total", equalTo(0));
		entries(withinTheHour).body("total", equalTo(1));
		entries(recent).body("total", equalTo(1));
	}

	private ValidatableResponse entries(String idCrm) {
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
