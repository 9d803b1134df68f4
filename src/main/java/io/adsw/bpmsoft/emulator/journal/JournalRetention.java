package io.adsw.bpmsoft.emulator.journal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps the journal's table within {@code max-entries} and {@code max-age}, in the
 * database, for the journal's writer thread (and that thread alone: nothing here is
 * shared).
 */
final class JournalRetention {

	private static final Logger logger = LoggerFactory.getLogger(JournalRetention.class);

	private static final long TRIM_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final JdbcTemplate statements;

	private final JournalProperties properties;

	private final Clock clock;

	/** Entries written since the journal was last trimmed. */
	private long writtenSinceTrim;

	/** When the journal was last trimmed. */
	private long trimmedAtNanos = System.nanoTime();

	/** No entry with this identifier or a lower one is left (0 until the first trim). */
	private long trimmedUpTo;

	/**
	 * No entry was received before this instant (unknown until the first trim). Records
	 * held in the queue while the database was away are written late and may be older:
	 * writing them lowers it.
	 */
	private @Nullable Instant noEntryBefore;

	JournalRetention(JdbcTemplate statements, JournalProperties properties, Clock clock) {
		this.statements = statements;
		this.properties = properties;
		this.clock = clock;
	}

	/** Takes note of a batch written, and trims the journal when it is due. */
	void written(List<JournalRecord> batch) {
		this.writtenSinceTrim += batch.size();
		Instant oldest = this.noEntryBefore;
		if (oldest != null) {
			for (JournalRecord record : batch) {
				oldest = record.receivedOn().isBefore(oldest) ? record.receivedOn() : oldest;
			}
			this.noEntryBefore = oldest;
		}
		// Trimming after every small batch cost as much as writing it: under load the
		// table may hold a hundredth more than max-entries for up to a second.
		if (this.writtenSinceTrim >= Math.max(1, this.properties.maxEntries() / 100) || intervalPassed()) {
			trim();
		}
	}

	/**
	 * Trims what the last batches left untrimmed once the interval has passed, for a
	 * writer with nothing to write.
	 */
	void trimIfIdleTooLong() {
		if (this.writtenSinceTrim > 0 && intervalPassed()) {
			trim();
		}
	}

	private boolean intervalPassed() {
		return System.nanoTime() - this.trimmedAtNanos >= TRIM_INTERVAL_NANOS;
	}

	private void trim() {
		this.trimmedAtNanos = System.nanoTime();
		try {
			enforce();
			this.writtenSinceTrim = 0;
		}
		catch (RuntimeException ex) {
			// The batch is stored; trimming again with the next batch is enough, and
			// writing the batch a second time would journal its requests twice.
			logger.warn("Journal: keeping the journal within its limits failed, the next batch tries again: {}",
					ex.getMessage());
		}
	}

	/**
	 * Keeps the newest {@code max-entries} entries of at most {@code max-age}. Both
	 * deletions start where the one before ended: on PostgreSQL deleted entries stay in
	 * the indexes until a vacuum, and a range open at the bottom walked all of them on
	 * every trim.
	 */
	private void enforce() {
		Instant cutoff = this.clock.instant().minus(this.properties.maxAge());
		Instant from = this.noEntryBefore;
		if (from == null) {
			this.statements.update("DELETE FROM journal_entry WHERE received_on < ?", Journal.utc(cutoff));
		}
		else if (from.isBefore(cutoff)) {
			this.statements.update("DELETE FROM journal_entry WHERE received_on >= ? AND received_on < ?",
					Journal.utc(from), Journal.utc(cutoff));
		}
		this.noEntryBefore = (from != null && from.isAfter(cutoff)) ? from : cutoff;
		// Identifiers grow by one per entry, so the newest max-entries are those above
		// MAX(id) - max-entries: an index lookup, where skipping max-entries rows was a
		// scan on every batch. Only the writer inserts, so nothing ever appears below a
		// bound already trimmed.
		Long newest = this.statements.queryForObject("SELECT MAX(id) FROM journal_entry", Long.class);
		if (newest == null) {
			return;
		}
		long upTo = newest - this.properties.maxEntries();
		if (upTo > this.trimmedUpTo) {
			this.statements.update("DELETE FROM journal_entry WHERE id > ? AND id <= ?", this.trimmedUpTo, upTo);
			this.trimmedUpTo = upTo;
		}
	}

}
