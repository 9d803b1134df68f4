package io.adsw.bpmsoft.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whitespace as the .NET side sees it.
 */
class WhitespaceTests {

	@Test
	void stripRemovesEveryKindOfSpaceAtBothEnds() {
		assertThat(Whitespace.strip("\uFEFF\u00a0 \t\u2003x y\u3000\u202f\n\u200B")).isEqualTo("x y");
	}

	@Test
	void nextLineIsWhitespaceAndTheInformationSeparatorsAreNot() {
		assertThat(Whitespace.strip("\u0085x\u0085")).isEqualTo("x");
		assertThat(Whitespace.strip("\u001cx\u001f")).isEqualTo("\u001cx\u001f");
		assertThat(Whitespace.is('\u000b')).isTrue();
		assertThat(Whitespace.is('\u0000')).isFalse();
	}

	@Test
	void stripKeepsSpacesInside() {
		assertThat(Whitespace.strip("a\u00a0b")).isEqualTo("a\u00a0b");
	}

	@Test
	void blankMeansOnlySpaces() {
		assertThat(Whitespace.isBlank("\u00a0\u2028 ")).isTrue();
		assertThat(Whitespace.isBlank("\u00a0.")).isFalse();
	}

}
