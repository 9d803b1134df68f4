package io.adsw.bpmsoft.emulator.admin;

/**
 * What the control plane repeats of a client's input in a refusal: at most 100
 * characters, so that a refusal is never as long as the input it refuses.
 */
final class Echo {

	private static final int MAX_CHARACTERS = 100;

	private Echo() {
	}

	static String of(String input) {
		return (input.length() <= MAX_CHARACTERS) ? input
				: input.substring(0, MAX_CHARACTERS) + "… (" + input.length() + " characters)";
	}

}
