package io.adsw.bpmsoft.emulator.approval;

/**
 * Where an approval stands: {@code New} until ELMA sends a chain, {@code InProgress}
 * while its steps are being decided, then {@code Approved} or {@code Rejected}.
 */
public enum ApprovalStatus {

	NEW("New"), IN_PROGRESS("InProgress"), APPROVED("Approved"), REJECTED("Rejected");

	private final String label;

	ApprovalStatus(String label) {
		this.label = label;
	}

	/** The name seed documents, the state and the metrics give it. */
	public String label() {
		return this.label;
	}

}
