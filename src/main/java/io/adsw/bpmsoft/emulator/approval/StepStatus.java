package io.adsw.bpmsoft.emulator.approval;

/**
 * The status of one step (visa) of a chain.
 */
public enum StepStatus {

	PENDING, APPROVED, REJECTED, CANCELLED;

	public boolean isDecided() {
		return this == APPROVED || this == REJECTED;
	}

}
