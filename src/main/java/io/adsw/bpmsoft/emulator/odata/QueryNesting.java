package io.adsw.bpmsoft.emulator.odata;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * How deeply the query options of a request nest their parentheses. Olingo parses an
 * expression by recursive descent, a few frames per level, so a {@code $filter} of a few
 * thousand parentheses would exhaust a request thread's stack; ASP.NET OData stops such
 * expressions with its recursion limit, and the stand refuses them before parsing.
 */
final class QueryNesting {

	/** Levels of parentheses a query option may nest. */
	static final int LIMIT = 100;

	static final String TOO_DEEP = "The recursion limit has been exceeded.";

	private QueryNesting() {
	}

	/**
	 * Whether some option of this raw (percent-encoded) query string nests too deeply.
	 */
	static boolean tooDeep(@Nullable String query) {
		if (query == null || query.indexOf('(') < 0 && !query.contains("%28")) {
			return false;
		}
		for (String option : query.split("&")) {
			if (depth(decode(option)) > LIMIT) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The deepest nesting of parentheses in an expression, those inside string literals
	 * ({@code 'it''s (not) nested'}) aside.
	 */
	static int depth(String expression) {
		int depth = 0;
		int deepest = 0;
		boolean literal = false;
		for (int i = 0; i < expression.length(); i++) {
			char c = expression.charAt(i);
			if (c == '\'') {
				// A doubled quote inside a literal is a quote character: it closes and
				// reopens the literal, which leaves it open, as it should.
				literal = !literal;
			}
			else if (!literal && c == '(') {
				deepest = Math.max(deepest, ++depth);
			}
			else if (!literal && c == ')') {
				depth = Math.max(0, depth - 1);
			}
		}
		return deepest;
	}

	/** Decoded as Olingo will; a malformed escape is left for Olingo to refuse. */
	private static String decode(String option) {
		try {
			return URLDecoder.decode(option.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return option;
		}
	}

}
