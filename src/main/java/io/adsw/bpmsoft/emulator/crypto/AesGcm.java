package io.adsw.bpmsoft.emulator.crypto;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-256-GCM with a 128-bit tag, from Bouncy Castle's lightweight API (no JCE provider
 * to register or verify inside a fat jar).
 */
final class AesGcm {

	static final int KEY_BYTES = 32;

	static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private AesGcm() {
	}

	static byte[] seal(byte[] key, byte[] nonce, byte[] associatedData, byte[] plaintext) {
		GCMModeCipher cipher = cipher(true, key, nonce, associatedData);
		byte[] out = new byte[cipher.getOutputSize(plaintext.length)];
		int length = cipher.processBytes(plaintext, 0, plaintext.length, out, 0);
		try {
			cipher.doFinal(out, length);
		}
		catch (InvalidCipherTextException ex) {
			throw new IllegalStateException("Encryption cannot fail on a fresh cipher", ex);
		}
		return out;
	}

	/**
	 * The plaintext, once the tag proves the ciphertext, nonce and associated data are as
	 * sealed with this key.
	 * @throws InvalidCipherTextException for a wrong key or any change to the sealed
	 * bytes
	 */
	static byte[] open(byte[] key, byte[] nonce, byte[] associatedData, byte[] ciphertext)
			throws InvalidCipherTextException {
		GCMModeCipher cipher = cipher(false, key, nonce, associatedData);
		byte[] out = new byte[cipher.getOutputSize(ciphertext.length)];
		int length = cipher.processBytes(ciphertext, 0, ciphertext.length, out, 0);
		cipher.doFinal(out, length);
		return out;
	}

	private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] associatedData) {
		GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
		cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
		return cipher;
	}

}
