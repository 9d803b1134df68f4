package io.adsw.bpmsoft.emulator.fault;

/**
 * A fault rule that cannot be made as asked; the message says which field is wrong.
 */
public class FaultSpecException extends RuntimeException {

	FaultSpecException(String message) {
		super(message, null, false, false);
	}

}
