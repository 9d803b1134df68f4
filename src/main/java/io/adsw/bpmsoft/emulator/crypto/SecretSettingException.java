package io.adsw.bpmsoft.emulator.crypto;

/**
 * A secret setting that cannot be used: missing, not encrypted where it must be, not
 * decryptable, or not in the form it must take. The message is one line naming the
 * setting, and never contains the secret.
 */
public class SecretSettingException extends RuntimeException {

	public SecretSettingException(String message) {
		super(message, null, false, false);
	}

}
