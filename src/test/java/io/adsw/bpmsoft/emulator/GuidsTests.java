package io.adsw.bpmsoft.emulator;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record ids: GUIDs in their 36-character form only.
 */
class GuidsTests {

	@ParameterizedTest
	@ValueSource(strings = { "035e0f7b-18d2-4f24-87d8-59f107110a01", "035E0F7B-18D2-4F24-87D8-59F107110A01" })
	void guidIsParsedInAnyCase(String value) {
		assertThat(Guids.parse(value)).contains(UUID.fromString("035e0f7b-18d2-4f24-87d8-59f107110a01"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "123-123", "1-2-3-4-5", "035e0f7b18d24f2487d859f107110a01",
			"{035e0f7b-18d2-4f24-87d8-59f107110a01}", "035e0f7b-18d2-4f24-87d8-59f107110a0",
			"035e0f7b-18d2-4f24-87d8-59f107110a01 ", "g35e0f7b-18d2-4f24-87d8-59f107110a01", "" })
	void anythingElseIsNotAnId(String value) {
		assertThat(Guids.parse(value)).isEmpty();
	}

}
