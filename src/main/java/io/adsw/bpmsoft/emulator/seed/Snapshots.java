package io.adsw.bpmsoft.emulator.seed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Named snapshots of the stand's state, kept in the database as seed documents, so that a
 * QA run can go back to a known state in one call.
 */
@Service
public class Snapshots {

	private final NamedParameterJdbcTemplate jdbc;

	private final Seeds seeds;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final TransactionTemplate transaction;

	Snapshots(NamedParameterJdbcTemplate jdbc, Seeds seeds, JsonMapper jsonMapper, Clock clock,
			PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.seeds = seeds;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	/** A snapshot's name and when it was taken. */
	public record Snapshot(String name, Instant createdOn) {

	}

	/**
	 * Saves the current state under the name, replacing a snapshot of the same name. The
	 * state is read at one moment ({@link Seeds#export()}); saving it takes its turn with
	 * imports, restores and other snapshots, so that two snapshots of one name do not
	 * collide.
	 */
	public Snapshot take(String name) {
		String document = this.jsonMapper.writeValueAsString(this.seeds.export());
		Snapshot saved = this.transaction.execute((status) -> save(name, document));
		return Objects.requireNonNull(saved);
	}

	private Snapshot save(String name, String document) {
		this.seeds.takeTurn();
		Instant now = this.clock.instant();
		MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("name", name)
			.addValue("createdOn", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.addValue("document", document);
		this.jdbc.update("DELETE FROM state_snapshot WHERE name = :name", parameters);
		this.jdbc.update(
				"INSERT INTO state_snapshot (name, created_on, document) VALUES (:name, :createdOn, :document)",
				parameters);
		return new Snapshot(name, now);
	}

	@Transactional(readOnly = true)
	public List<Snapshot> list() {
		return this.jdbc.query("SELECT name, created_on FROM state_snapshot ORDER BY created_on, name",
				(row, number) -> new Snapshot(row.getString("name"),
						row.getObject("created_on", OffsetDateTime.class).toInstant()));
	}

	/**
	 * Puts the stand back into the snapshot's state; whether there is such a snapshot.
	 */
	@Transactional
	public boolean restore(String name) {
		Optional<String> document = this.jdbc
			.query("SELECT document FROM state_snapshot WHERE name = :name", new MapSqlParameterSource("name", name),
					(row, number) -> row.getString("document"))
			.stream()
			.findFirst();
		document.ifPresent((json) -> this.seeds.restore(SeedFormat
			.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), false, "snapshot " + name),
				"snapshot " + name));
		return document.isPresent();
	}

	@Transactional
	public boolean delete(String name) {
		return this.jdbc.update("DELETE FROM state_snapshot WHERE name = :name",
				new MapSqlParameterSource("name", name)) > 0;
	}

}
