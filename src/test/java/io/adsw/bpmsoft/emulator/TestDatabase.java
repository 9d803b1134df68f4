package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database test stands run on: H2 by default, or a real PostgreSQL when the build
 * runs with {@code -Dstand.test.database=postgresql} (the second pass of
 * {@code ./mvnw verify}). The PostgreSQL server is embedded, started once per test JVM,
 * and every stand gets a database of its own in it.
 */
public final class TestDatabase {

	private static final AtomicInteger databases = new AtomicInteger();

	private static volatile EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("stand.test.database"));
	}

	/**
	 * Settings for a new, empty database: its URL, user and password, as
	 * {@code --name=value} arguments of a stand.
	 * @param durableFolder where an H2 database keeps its file, so that a restarted stand
	 * finds it; PostgreSQL keeps every database for the whole run anyway
	 */
	public static String[] newDatabase(Path durableFolder) {
		if (isPostgres()) {
			String database = createPostgresDatabase();
			return new String[] { "--spring.datasource.url=" + server().getJdbcUrl("postgres", database),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres" };
		}
		return new String[] {
				"--spring.datasource.url=jdbc:h2:file:" + durableFolder.resolve("stand") + ";LOCK_TIMEOUT=10000" };
	}

	/** Settings for a new, empty database that lives as long as the test JVM. */
	public static String[] newDatabase() {
		if (isPostgres()) {
			return newDatabase(Path.of("unused"));
		}
		return new String[] { "--spring.datasource.url=jdbc:h2:mem:stand-" + UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000" };
	}

	private static String createPostgresDatabase() {
		String database = "stand_" + databases.incrementAndGet();
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test database " + database, ex);
		}
		return database;
	}

	private static EmbeddedPostgres server() {
		if (postgres == null) {
			synchronized (TestDatabase.class) {
				if (postgres == null) {
					try {
						postgres = EmbeddedPostgres.builder().start();
					}
					catch (IOException ex) {
						throw new UncheckedIOException("Cannot start the embedded PostgreSQL", ex);
					}
				}
			}
		}
		return postgres;
	}

	/**
	 * Gives a {@link StandTest} stand its own PostgreSQL database when the run asks for
	 * one; H2 stands keep the in-memory database of {@code application-test.yml}.
	 */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			if (isPostgres()) {
				TestPropertyValues.of(java.util.Arrays.stream(newDatabase()).map((setting) -> setting.substring(2)))
					.applyTo(context);
			}
		}

	}

}
