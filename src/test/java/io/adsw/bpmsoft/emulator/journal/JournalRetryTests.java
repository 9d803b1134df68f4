package io.adsw.bpmsoft.emulator.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of records whose commit an outage cut off is looked for before it is written
 * again: it may have gone through, and the journal would hold its requests twice.
 */
@StandTest
class JournalRetryTests {

	@Autowired
	Journal journal;

	@Autowired
	Clock clock;

	@Test
	void batchIsFoundOnceWrittenAndNotBefore() {
		Instant now = this.clock.instant();
		List<JournalRecord> batch = List.of(record(now, 17), record(now, 18));
		assertThat(this.journal.written(batch)).isFalse();
		batch.forEach(this.journal::record);
		this.journal.flush();
		assertThat(this.journal.written(batch)).isTrue();
		// Another request received at the same moment, from the same client, is another
		// record.
		assertThat(this.journal.written(List.of(record(now, 19)))).isFalse();
	}

	private static JournalRecord record(Instant receivedOn, long durationMicros) {
		return new JournalRecord(receivedOn, "CreateChainOfApproval", "127.0.0.1", "wrong", "{}", false, 403, 403, "",
				durationMicros, UUID.randomUUID().toString(), List.of(), null, null);
	}

}
