package io.adsw.bpmsoft.emulator.seed;

/**
 * A seed that cannot be loaded: unreadable, malformed, or in conflict with the stand's
 * data.
 */
class SeedException extends RuntimeException {

	private final String location;

	SeedException(String location, String problem) {
		this(location, problem, null);
	}

	SeedException(String location, String problem, Throwable cause) {
		super(problem, cause);
		this.location = location;
	}

	String getLocation() {
		return this.location;
	}

}
