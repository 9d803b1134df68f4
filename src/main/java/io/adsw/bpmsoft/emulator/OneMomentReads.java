package io.adsw.bpmsoft.emulator;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads of several statements that must see the stand as it stood at one moment: an
 * approval with its visas, a page with its count, an export. Read at the default level,
 * an approval's round could come from before an ELMA request and its visas from after it.
 * They run in one snapshot of the database, without locks, so ELMA's requests and the
 * data service's writes go on meanwhile: repeatable read on PostgreSQL, serializable on
 * H2, whose repeatable read takes each table's snapshot when the table is first read.
 */
@Component
public class OneMomentReads {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate serializable;

	private final DatabaseKind database;

	OneMomentReads(PlatformTransactionManager transactions, DataSource dataSource, DatabaseKind database) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.database = database;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.serializable = new TransactionTemplate(transactions);
		this.serializable.setReadOnly(true);
		this.serializable.setIsolationLevel(TransactionDefinition.ISOLATION_SERIALIZABLE);
	}

	public <T> @Nullable T read(Supplier<T> work) {
		if (!this.database.isPostgres()) {
			return this.serializable.execute((status) -> work.get());
		}
		return this.readOnly.execute((status) -> {
			// Set by the transaction's first statement, for it alone: setting the
			// connection's level, and resetting it after, costs PostgreSQL three round
			// trips more. A read within a changeset's transaction reads within that.
			if (status.isNewTransaction()) {
				this.jdbc.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
			}
			return work.get();
		});
	}

}
