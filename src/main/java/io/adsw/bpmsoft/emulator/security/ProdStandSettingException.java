package io.adsw.bpmsoft.emulator.security;

/**
 * A setting the prod stand refuses: it would make the stand accept what the real
 * production stand does not, so tests passing on it would fail there.
 */
final class ProdStandSettingException extends RuntimeException {

	ProdStandSettingException(String message) {
		super(message);
	}

}
