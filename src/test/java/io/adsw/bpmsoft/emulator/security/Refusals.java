package io.adsw.bpmsoft.emulator.security;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on the stand's 401 and 403 answers. */
final class Refusals {

	private Refusals() {
	}

	/**
	 * Creatio's 401, exactly: its body, JSON in UTF-8, no challenge, no redirect, no
	 * cookie.
	 */
	static void assertUnauthenticated(Response response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.contentType()).isEqualToIgnoringCase("application/json;charset=utf-8");
		assertThat(response.asString()).isEqualTo(CreatioClient.AUTHENTICATION_FAILED);
		assertThat(response.headers().hasHeaderWithName("WWW-Authenticate")).isFalse();
		assertThat(response.headers().hasHeaderWithName("Location")).isFalse();
		assertThat(response.headers().hasHeaderWithName("Set-Cookie")).isFalse();
	}

	/** The stand's 403 with the given message. */
	static void assertForbidden(Response response, String message) {
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.contentType()).isEqualToIgnoringCase("application/json;charset=utf-8");
		assertThat(response.asString()).isEqualTo(CreatioClient.forbidden(message));
	}

}
