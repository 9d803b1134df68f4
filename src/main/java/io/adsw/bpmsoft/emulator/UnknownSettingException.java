package io.adsw.bpmsoft.emulator;

/**
 * A setting or a profile the stand does not know, named with what it does know, so that a
 * typo stops the start instead of leaving the stand as it would be without that line. It
 * never carries a setting's value, which may be a secret.
 */
public class UnknownSettingException extends RuntimeException {

	private final String action;

	UnknownSettingException(String message, String action) {
		super(message, null, false, false);
		this.action = action;
	}

	String action() {
		return this.action;
	}

}
