package io.adsw.bpmsoft.emulator;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the stand runs on, for the few statements written differently on
 * PostgreSQL and H2. Asked at the first use, not while the stand starts: the database may
 * come later.
 */
@Component
public class DatabaseKind {

	private final JdbcTemplate jdbc;

	private volatile @Nullable Boolean postgres;

	DatabaseKind(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	public boolean isPostgres() {
		Boolean postgres = this.postgres;
		if (postgres == null) {
			postgres = Boolean.TRUE.equals(this.jdbc.execute((ConnectionCallback<Boolean>) (
					connection) -> connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")));
			this.postgres = postgres;
		}
		return postgres;
	}

}
