package io.adsw.bpmsoft.emulator.elma;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of how ElmaService reads a body: whatever the bytes and the
 * declared charset, reading either yields the fields or refuses with a 400 envelope that
 * has a message; nothing else is thrown. {@code ./mvnw test} replays the inputs kept in
 * {@code src/test/resources/io/adsw/bpmsoft/emulator/elma/ElmaBodyFuzzTestsInputs};
 * {@code JAZZER_FUZZ=1 ./mvnw test-compile surefire:test@fuzz -Dtest=ElmaBodyFuzzTests}
 * searches for new ones.
 */
class ElmaBodyFuzzTests {

	private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
			StandardCharsets.UTF_16BE, Charset.forName("windows-1251"), StandardCharsets.ISO_8859_1);

	@FuzzTest(maxDuration = "60s")
	void bodiesAreReadOrRefusedWithAnEnvelope(FuzzedDataProvider data) {
		int choice = data.consumeInt(0, CHARSETS.size());
		Charset declared = (choice == CHARSETS.size()) ? null : CHARSETS.get(choice);
		byte[] bytes = data.consumeRemainingAsBytes();
		try {
			ElmaFields fields = ElmaRequestReader.read(new ElmaRawBody(bytes, declared));
			String idCrm = fields.required("id_crm", ElmaMessages.ID_CRM_EMPTY);
			assertThat(idCrm).isNotBlank();
			ChainOfApproval chain = ChainOfApproval
				.parse(fields.required("chain_of_approval", ElmaMessages.CHAIN_EMPTY));
			assertThat(chain.automaticallyApproved() || !chain.emails().isEmpty()).isTrue();
			chain.emails().forEach((email) -> assertThat(email).isNotBlank());
		}
		catch (ElmaRefusal refusal) {
			assertThat(refusal.answer().status()).isEqualTo(400);
			assertThat(refusal.answer().errorMessage()).isNotBlank();
		}
	}

}
