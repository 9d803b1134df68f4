package io.adsw.bpmsoft.emulator.journal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.adsw.bpmsoft.emulator.StorableText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The journal's writing side. Requests hand their record over and go on: a writer thread
 * stores records in batches, off the answer's path, and has the table kept within its
 * limits of count and age ({@link JournalRetention}). {@link JournalEntries} reads them.
 */
@Service
public class Journal implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Journal.class);

	private static final int BATCH = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final BlockingQueue<JournalRecord> queue;

	private final AtomicLong handedOver = new AtomicLong();

	private final AtomicLong written = new AtomicLong();

	private final Object writtenMonitor = new Object();

	private final Counter dropped;

	private final JournalRetention retention;

	private volatile boolean running;

	private @Nullable Thread writer;

	Journal(NamedParameterJdbcTemplate jdbc, DataSource dataSource, JournalProperties properties, Clock clock,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		// Batches are plain JDBC: a transaction of the DataSource alone, without the JPA
		// session the application's transaction manager would open for each.
		this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.queue = new ArrayBlockingQueue<>(properties.queueCapacity());
		this.retention = new JournalRetention(jdbc.getJdbcTemplate(), properties, clock);
		this.dropped = Counter.builder("emulator.journal.dropped")
			.description("Journal records dropped because the database could not take them in time")
			.register(meters);
	}

	/**
	 * Hands a record over for writing. When the writer is far behind (the database is
	 * gone), waits up to a second for room, then drops the record and counts it.
	 */
	public void record(JournalRecord record) {
		try {
			if (this.queue.offer(record, 1, TimeUnit.SECONDS)) {
				this.handedOver.incrementAndGet();
			}
			else {
				this.dropped.increment();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.dropped.increment();
		}
	}

	/** Waits until every record handed over so far is written (at most ten seconds). */
	public void flush() {
		long target = this.handedOver.get();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		synchronized (this.writtenMonitor) {
			while (this.written.get() < target && this.running) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.writtenMonitor, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void writeLoop() {
		List<JournalRecord> batch = new ArrayList<>(BATCH);
		while (this.running || !this.queue.isEmpty()) {
			try {
				JournalRecord first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					this.retention.trimIfIdleTooLong();
					continue;
				}
				batch.add(first);
				this.queue.drainTo(batch, BATCH - 1);
				writeWithRetry(batch);
				batch.clear();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void writeWithRetry(List<JournalRecord> batch) throws InterruptedException {
		boolean retry = false;
		while (true) {
			try {
				if (!retry || !written(batch)) {
					insert(batch);
				}
				break;
			}
			catch (DataIntegrityViolationException ex) {
				// The database refuses a record's data, not the connection: retrying the
				// batch would block the journal for good, so the others are kept.
				int refused = insertOneByOne(batch);
				logger.error("Journal: the database refused {} of {} records, which are dropped: {}", refused,
						batch.size(), ex.getMessage());
				this.dropped.increment(refused);
				break;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					logger.error("Journal: {} records could not be written before shutdown", batch.size(), ex);
					this.dropped.increment(batch.size());
					return;
				}
				logger.warn("Journal: writing {} records failed, retrying in a second: {}", batch.size(),
						ex.getMessage());
				retry = true;
				Thread.sleep(1000);
			}
		}
		synchronized (this.writtenMonitor) {
			this.written.addAndGet(batch.size());
			this.writtenMonitor.notifyAll();
		}
		this.retention.written(batch);
	}

	/**
	 * Whether the batch is in the database already: a commit whose answer an outage cut
	 * off may have gone through, and writing the batch again would journal its requests
	 * twice. The batch is one transaction, so its last record tells; it is found by when
	 * it was received (to the microsecond, by the index on that column), from whom, for
	 * which operation, with which status and after how long, which no other request
	 * shares.
	 */
	boolean written(List<JournalRecord> batch) {
		JournalRecord last = batch.get(batch.size() - 1);
		Long found = this.jdbc.getJdbcTemplate()
			.queryForObject(
					"SELECT COUNT(*) FROM journal_entry WHERE received_on = ? AND endpoint = ?"
							+ " AND client_address = ? AND status = ? AND duration_us = ?",
					Long.class, utc(last.receivedOn()), cut(last.endpoint(), 200), cut(last.clientAddress(), 100),
					last.status(), last.durationMicros());
		return found != null && found > 0;
	}

	/** Inserts each record on its own; how many the database refused. */
	private int insertOneByOne(List<JournalRecord> batch) {
		int refused = 0;
		for (JournalRecord record : batch) {
			try {
				insert(List.of(record));
			}
			catch (DataIntegrityViolationException ex) {
				refused++;
			}
		}
		return refused;
	}

	/**
	 * Inserts a batch in one transaction, so that a batch cut short by a database outage
	 * leaves nothing behind and its retry journals each request once.
	 */
	private void insert(List<JournalRecord> batch) {
		this.transaction
			.executeWithoutResult((status) -> this.jdbc.getJdbcTemplate()
				.batchUpdate("INSERT INTO journal_entry (received_on, endpoint, client_address, auth, request_body,"
						+ " body_truncated, status, http_status, message, duration_us, id_crm, id_crm_key, emails,"
						+ " approval_id, fault_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch,
						batch.size(), Journal::setRow));
	}

	// Typed setters: under load the writer stores thousands of records a second, and
	// named parameters of unknown types cost more to bind than the rows to insert.
	private static void setRow(PreparedStatement row, JournalRecord record) throws SQLException {
		String idCrm = record.idCrm();
		row.setObject(1, utc(record.receivedOn()));
		row.setString(2, cut(record.endpoint(), 200));
		row.setString(3, cut(record.clientAddress(), 100));
		row.setString(4, record.auth());
		row.setString(5, StorableText.shown(record.requestBody()));
		row.setBoolean(6, record.bodyTruncated());
		row.setInt(7, record.status());
		row.setInt(8, record.httpStatus());
		row.setString(9, cut(record.message(), 4000));
		row.setLong(10, record.durationMicros());
		row.setString(11, (idCrm != null) ? cut(idCrm, 200) : null);
		row.setString(12, (idCrm != null) ? cut(idCrm.toLowerCase(Locale.ROOT), 200) : null);
		row.setString(13,
				record.emails().isEmpty() ? null
						: cut(";" + String.join(";",
								record.emails().stream().map((email) -> email.toLowerCase(Locale.ROOT)).toList()) + ";",
								4000));
		setUuid(row, 14, record.approvalId());
		setUuid(row, 15, record.faultId());
	}

	private static void setUuid(PreparedStatement row, int index, @Nullable UUID value) throws SQLException {
		if (value != null) {
			row.setObject(index, value);
		}
		else {
			row.setNull(index, Types.OTHER);
		}
	}

	/**
	 * At most {@code length} characters, NUL characters shown as ␀ (see StorableText).
	 */
	private static String cut(String value, int length) {
		return StorableText.shown((value.length() <= length) ? value : value.substring(0, length));
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::writeLoop, "journal-writer");
		thread.setDaemon(true);
		thread.start();
		this.writer = thread;
	}

	@Override
	public void stop() {
		this.running = false;
		Thread thread = this.writer;
		if (thread != null) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		synchronized (this.writtenMonitor) {
			this.writtenMonitor.notifyAll();
		}
	}

	/**
	 * Starts before the web server and stops after it, so that every answered request is
	 * kept.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
