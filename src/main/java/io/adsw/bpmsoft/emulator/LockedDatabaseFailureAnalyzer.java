package io.adsw.bpmsoft.emulator;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Explains in one line a stand that did not start because its H2 file is open elsewhere:
 * a second local stand started from the same folder, on the same {@code ./data}, would
 * otherwise end a stack trace of some 240 lines with H2's «The file is locked».
 */
class LockedDatabaseFailureAnalyzer implements FailureAnalyzer {

	/** H2's "Database may be already in use": its error code, and its SQL state. */
	private static final int DATABASE_ALREADY_OPEN = 90020;

	private static final String DATABASE_ALREADY_OPEN_STATE = "90020";

	/** The file, quoted in H2's message whatever its language. */
	private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException ex && ex.getErrorCode() == DATABASE_ALREADY_OPEN
					&& DATABASE_ALREADY_OPEN_STATE.equals(ex.getSQLState())) {
				return analysis(ex);
			}
		}
		return null;
	}

	private static FailureAnalysis analysis(SQLException ex) {
		Matcher file = QUOTED.matcher(String.valueOf(ex.getMessage()));
		String database = file.find() ? "The H2 database file " + file.group(1) : "The stand's H2 database file";
		// The URL suggested keeps the default's settings; quoted, as the shell would
		// split it at its semicolons.
		return new FailureAnalysis(database + " is locked: another stand, or another process, has it open.",
				"Stop the other stand, or give this one a database of its own (another file, or another folder),"
						+ " e.g. --spring.datasource.url='jdbc:h2:file:./data/other;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64'",
				ex);
	}

}
