package io.adsw.bpmsoft.emulator.elma;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Splitting {@code chain_of_approval} (SPEC §2.2).
 */
class ChainOfApprovalTests {

	@Test
	void emailsKeepTheirOrderAndDuplicates() {
		ChainOfApproval chain = ChainOfApproval.parse("b@x.ru;a@x.ru,b@x.ru");
		assertThat(chain.emails()).containsExactly("b@x.ru", "a@x.ru", "b@x.ru");
		assertThat(chain.automaticallyApproved()).isFalse();
	}

	@Test
	void whitespaceAroundEmailsAndEmptyItemsAreDropped() {
		assertThat(ChainOfApproval.parse(" \u00a0a@x.ru ;\r\n; ,\tb@x.ru\u2003,").emails()).containsExactly("a@x.ru",
				"b@x.ru");
	}

	@Test
	void emailsAreKeptAsSent() {
		assertThat(ChainOfApproval.parse("Ivan.Petrov@Example.COM").emails())
			.containsExactly("Ivan.Petrov@Example.COM");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Согласовано", "согласовано", " СОГЛАСОВАНО\u00a0", "\nСогласовано\n" })
	void approvedMeansAutomaticApproval(String value) {
		ChainOfApproval chain = ChainOfApproval.parse(value);
		assertThat(chain.automaticallyApproved()).isTrue();
		assertThat(chain.emails()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { ";", " , ; ", "\n;\n" })
	void chainWithNoEmailIsRefused(String value) {
		assertThatExceptionOfType(ElmaRefusal.class).isThrownBy(() -> ChainOfApproval.parse(value))
			.satisfies((refusal) -> assertThat(refusal.answer())
				.isEqualTo(new ElmaAnswer(400, "Значение поля chain_of_approval не может быть пустым")));
	}

}
