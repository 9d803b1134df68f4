package io.adsw.bpmsoft.emulator.approval;

/**
 * Where an approval stands: {@code New} until ELMA sends a chain, {@code InProgress}
 * while its steps are being decided, then {@code Approved} or {@code Rejected}.
 */
public enum ApprovalStatus {

	NEW, IN_PROGRESS, APPROVED, REJECTED

}
