package io.adsw.bpmsoft.emulator.journal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The journal's entries as QA reads and clears them. Each call first waits for what the
 * journal was handed to be written, so it sees every request answered before it.
 */
@Service
public class JournalEntries {

	private static final String COLUMNS = "id, received_on, endpoint, client_address, auth, request_body,"
			+ " body_truncated, status, http_status, message, duration_us, id_crm, emails, approval_id, fault_id";

	private final Journal journal;

	private final NamedParameterJdbcTemplate jdbc;

	JournalEntries(Journal journal, NamedParameterJdbcTemplate jdbc) {
		this.journal = journal;
		this.jdbc = jdbc;
	}

	/**
	 * The entries the query finds, newest first by the time their requests arrived: a
	 * request a fault rule held is written after others that arrived later.
	 */
	public List<JournalEntry> find(JournalQuery query, int page, int size) {
		this.journal.flush();
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		String where = where(query, parameters);
		parameters.addValue("offset", (long) page * size).addValue("size", size);
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM journal_entry" + where
						+ " ORDER BY received_on DESC, id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY",
				parameters, JournalEntries::entry);
	}

	/** How many entries the query finds. */
	public long count(JournalQuery query) {
		this.journal.flush();
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM journal_entry" + where(query, parameters),
				parameters, Long.class);
		return (count != null) ? count : 0;
	}

	/** Deletes the entries the query finds; how many. */
	public int delete(JournalQuery query) {
		this.journal.flush();
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		return this.jdbc.update("DELETE FROM journal_entry" + where(query, parameters), parameters);
	}

	private static String where(JournalQuery query, MapSqlParameterSource parameters) {
		List<String> conditions = new ArrayList<>();
		if (query.idCrm() != null) {
			conditions.add("id_crm_key = :idCrm");
			parameters.addValue("idCrm", query.idCrm().strip().toLowerCase(Locale.ROOT));
		}
		if (query.email() != null) {
			conditions.add("emails LIKE :email ESCAPE '\\'");
			parameters.addValue("email", "%;" + escapeLike(query.email().strip().toLowerCase(Locale.ROOT)) + ";%");
		}
		if (query.endpoint() != null) {
			conditions.add("LOWER(endpoint) = :endpoint");
			parameters.addValue("endpoint", query.endpoint().toLowerCase(Locale.ROOT));
		}
		if (query.status() != null) {
			conditions.add("status = :status");
			parameters.addValue("status", query.status());
		}
		if (query.from() != null) {
			conditions.add("received_on >= :from");
			parameters.addValue("from", Journal.utc(query.from()));
		}
		if (query.to() != null) {
			conditions.add("received_on < :to");
			parameters.addValue("to", Journal.utc(query.to()));
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static JournalEntry entry(ResultSet row, int number) throws SQLException {
		String emails = row.getString("emails");
		return new JournalEntry(row.getLong("id"), row.getObject("received_on", OffsetDateTime.class).toInstant(),
				row.getString("endpoint"), row.getString("client_address"), row.getString("auth"),
				row.getString("request_body"), row.getBoolean("body_truncated"), row.getInt("status"),
				row.getInt("http_status"), row.getString("message"), row.getLong("duration_us") / 1000.0,
				row.getString("id_crm"),
				(emails == null || emails.isEmpty()) ? List.of()
						: Arrays.stream(emails.split(";")).filter((email) -> !email.isEmpty()).toList(),
				row.getObject("approval_id", UUID.class), row.getObject("fault_id", UUID.class));
	}

}
