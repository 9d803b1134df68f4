package io.adsw.bpmsoft.emulator.seed;

/**
 * A seed that cannot be loaded: unreadable, malformed, or in conflict with the stand's
 * data.
 */
public class SeedException extends RuntimeException {

	private final String location;

	SeedException(String location, String problem) {
		this(location, problem, null);
	}

	SeedException(String location, String problem, Throwable cause) {
		super(problem, cause);
		this.location = location;
	}

	public String getLocation() {
		return this.location;
	}

}
