package io.adsw.bpmsoft.emulator.contact;

/**
 * No contact has the email a request named.
 */
public class ContactNotFoundException extends RuntimeException {

	private final String email;

	public ContactNotFoundException(String email) {
		super("No contact with email " + email);
		this.email = email;
	}

	/** The email as it was given, trimmed but not lower-cased. */
	public String getEmail() {
		return this.email;
	}

}
