package io.adsw.bpmsoft.emulator.approval;

/**
 * No approval has the id a request named.
 */
public class ApprovalNotFoundException extends RuntimeException {

	private final String id;

	public ApprovalNotFoundException(String id) {
		super("No approval with id " + id);
		this.id = id;
	}

	/** The id as it was given. */
	public String getId() {
		return this.id;
	}

}
