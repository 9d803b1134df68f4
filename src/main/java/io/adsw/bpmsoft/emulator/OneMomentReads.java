package io.adsw.bpmsoft.emulator;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
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

	private final PlatformTransactionManager transactions;

	private final JdbcTemplate jdbc;

	private volatile @Nullable TransactionTemplate template;

	OneMomentReads(PlatformTransactionManager transactions, DataSource dataSource) {
		this.transactions = transactions;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	public <T> @Nullable T read(Supplier<T> work) {
		return template().execute((status) -> work.get());
	}

	/**
	 * Made at the first read: the database is asked its kind then, not while the stand
	 * starts.
	 */
	private TransactionTemplate template() {
		TransactionTemplate template = this.template;
		if (template == null) {
			template = new TransactionTemplate(this.transactions);
			template.setReadOnly(true);
			template.setIsolationLevel(onPostgres() ? TransactionDefinition.ISOLATION_REPEATABLE_READ
					: TransactionDefinition.ISOLATION_SERIALIZABLE);
			this.template = template;
		}
		return template;
	}

	private boolean onPostgres() {
		return Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) (
				connection) -> connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
	}

}
