package io.adsw.bpmsoft.emulator.approval;

/**
 * An approver's decision as ELMA reports it.
 */
public enum Resolution {

	APPROVED(StepStatus.APPROVED), REJECTED(StepStatus.REJECTED);

	private final StepStatus stepStatus;

	Resolution(StepStatus stepStatus) {
		this.stepStatus = stepStatus;
	}

	/** The status a step takes when decided this way. */
	public StepStatus stepStatus() {
		return this.stepStatus;
	}

}
