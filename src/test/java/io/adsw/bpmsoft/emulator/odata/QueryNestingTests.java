package io.adsw.bpmsoft.emulator.odata;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryNestingTests {

	@Test
	void depthIsTheDeepestParenthesis() {
		assertThat(QueryNesting.depth("Name eq 'x'")).isZero();
		assertThat(QueryNesting.depth("(a) and ((b) or (c))")).isEqualTo(2);
		assertThat(QueryNesting.depth("contains(tolower(Name),'x')")).isEqualTo(2);
	}

	@Test
	void parenthesesInLiteralsDoNotCount() {
		assertThat(QueryNesting.depth("Name eq '((((('")).isZero();
		assertThat(QueryNesting.depth("Name eq 'it''s ((' and (Email eq ')')")).isEqualTo(1);
	}

	@Test
	void unbalancedClosingParenthesesDoNotGoBelowZero() {
		assertThat(QueryNesting.depth(")))(((")).isEqualTo(3);
	}

	@Test
	void everyOptionOfTheRawQueryIsDecodedAndMeasured() {
		String deep = "%28".repeat(QueryNesting.LIMIT + 1);
		assertThat(QueryNesting.tooDeep("$select=Name&$filter=" + deep)).isTrue();
		assertThat(QueryNesting.tooDeep("$filter=" + "(".repeat(QueryNesting.LIMIT))).isFalse();
		assertThat(QueryNesting.tooDeep("$filter=%ZZ" + "(".repeat(QueryNesting.LIMIT + 1))).isTrue();
		assertThat(QueryNesting.tooDeep(null)).isFalse();
	}

}
