package io.adsw.bpmsoft.emulator.odata;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedLiteralsTests {

	@ParameterizedTest
	@ValueSource(strings = { "CreatedOn gt 2026-01-01T00:00:00Z", "CreatedOn gt 2026-01-01T00:00:00.1234567+03:00",
			"CreatedOn gt 2026-01-01T00:00Z", "CreatedOn gt 2026-01-01", "CreatedOn gt 2026-01-01T00:00:00",
			"Id eq 0a1b2c3d-0000-4000-8000-00000000000F", "Name eq '2026-13-01'", "Name eq 'a''2026-1-1'",
			"Round eq -1", "Name eq 'x-x-x-x-x'" })
	void wellFormedLiteralsAndTextAreNotCounted(String query) {
		assertThat(MalformedLiterals.in(query)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "CreatedOn gt 2026-13-01T00:00:00Z|2026-13-01T00:00:00Z|Edm.DateTimeOffset",
			"CreatedOn gt 2026-01-01T00:00:00+3|2026-01-01T00:00:00+3|Edm.DateTimeOffset",
			"CreatedOn gt 2026-01-01T24:00:00|2026-01-01T24:00:00|Edm.DateTimeOffset",
			"CreatedOn gt 26-01-01|26-01-01|Edm.Date", "Name eq 'a' and CreatedOn gt 2026-02-29|2026-02-29|Edm.Date",
			"Id eq 0a1b2c3d-000-4000-8000-00000000000F|0a1b2c3d-000-4000-8000-00000000000F|Edm.Guid" })
	void theFirstMalformedLiteralIsNamedWithTheTypeItsFormIsOf(String query, String literal, String type) {
		assertThat(MalformedLiterals.in(query)).contains(new MalformedLiterals.Malformed(literal, type));
	}

}
