package io.adsw.bpmsoft.emulator;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Explains in a few lines a stand that did not start because its database did not answer
 * (PostgreSQL not up yet, a wrong host or port: the likeliest failure of a start with
 * docker compose), or because {@code spring.datasource.url} names a database the stand
 * does not run on; either would otherwise end a stack trace of some 240 lines. The
 * address is shown without its parameters, which may hold a password.
 */
class UnreachableDatabaseFailureAnalyzer implements FailureAnalyzer {

	/**
	 * SQL's class of connection exceptions (08001 could not connect, 08004 refused, ...).
	 */
	private static final String CONNECTION_EXCEPTION = "08";

	private final Environment environment;

	UnreachableDatabaseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		String url = this.environment.getProperty("spring.datasource.url", "");
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClassNotFoundException && !url.isEmpty() && !url.startsWith("jdbc:h2:")
					&& !url.startsWith("jdbc:postgresql:")) {
				return new FailureAnalysis(
						"spring.datasource.url names a database the stand does not run on: " + withoutParameters(url)
								+ ".",
						"Give a jdbc:postgresql: URL, or a jdbc:h2: one (or leave the setting out for the embedded H2"
								+ " database in ./data).",
						cause);
			}
			if ((cause instanceof SQLException ex && ex.getSQLState() != null
					&& ex.getSQLState().startsWith(CONNECTION_EXCEPTION)) || cause instanceof ConnectException
					|| cause instanceof UnknownHostException) {
				return new FailureAnalysis(
						"The database at " + withoutParameters(url) + " did not answer: " + cause.getMessage(),
						"Start the database first (docker compose starts PostgreSQL before the stand and waits"
								+ " for it), or correct spring.datasource.url, .username and .password.",
						cause);
			}
		}
		return null;
	}

	private static String withoutParameters(String url) {
		int parameters = url.indexOf('?');
		int settings = url.indexOf(';');
		int end = url.length();
		if (parameters >= 0) {
			end = Math.min(end, parameters);
		}
		if (settings >= 0) {
			end = Math.min(end, settings);
		}
		return url.substring(0, end);
	}

}
