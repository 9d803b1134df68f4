package io.adsw.bpmsoft.emulator.crypto;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A request body as the journal keeps it: with the stand's secrets masked. */
class SecretMaskBodyTests {

	private static final String SECRET = "body-secret-4f2a";

	@BeforeAll
	static void knowTheSecret() {
		SecretMask.add(List.of(SECRET));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"id_crm\":\"body-secret-4f2a\"}|false|{\"id_crm\":\"******\"}",
			"{\"id_crm\":\"body-secret-4f2\\u0061\"}|false|{\"id_crm\":\"******\"}",
			"{\"id_crm\":\"\\u0062ody-secret-4f2a\",\"x\":\"\\u00e9\"}|false|{\"id_crm\":\"******\",\"x\":\"é\"}",
			"{\"pad\":\"aaa body-secret|true|{\"pad\":\"aaa ******", "{\"pad\":\"aaa body|true|{\"pad\":\"aaa ******",
			"{\"pad\":\"aaa bod|true|{\"pad\":\"aaa bod", "{\"pad\":\"aaa body-secret|false|{\"pad\":\"aaa body-secret",
			"{\"x\":\"\\u0041\"}|false|{\"x\":\"\\u0041\"}" })
	void secretsAreMaskedWrittenWithEscapesOrCutOffAtTheEnd(String body, boolean cut, String kept) {
		assertThat(SecretMask.maskBody(body, cut)).isEqualTo(kept);
	}

}
