package io.adsw.bpmsoft.emulator.approval;

/**
 * What a request did to an approval: a safe retry of something already done changes
 * nothing.
 */
public enum Change {

	APPLIED, UNCHANGED

}
