package io.adsw.bpmsoft.emulator.odata;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * {@code not} written against its parenthesis, {@code not(contains(Name,'a'))}, as Power
 * BI and other clients write it and ASP.NET OData reads it. OData's grammar asks for a
 * blank after {@code not}, and Olingo's parser, without one, looks for a property named
 * 'not'; the blank is put in, in {@code $filter} and in the nested options of
 * {@code $expand}. Text in quotes is left as it is.
 */
final class NotOperator {

	private static final Set<String> OPTIONS = Set.of("$filter", "$expand");

	private static final String NOT = "not(";

	private NotOperator() {
	}

	/** The query string with a blank after each {@code not} against its parenthesis. */
	static @Nullable String spaced(@Nullable String query) {
		return QueryOptionValues.rewrite(query, OPTIONS, NotOperator::spacedValue);
	}

	static String spacedValue(String value) {
		if (!value.contains(NOT)) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length() + 4);
		boolean quoted = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			out.append(c);
			if (!quoted && c == 't' && value.startsWith(NOT, i - 2) && (i == 2 || !partOfAName(value.charAt(i - 3)))) {
				out.append(' ');
			}
		}
		return out.toString();
	}

	/** Whether the character continues a name or path, as in {@code Denot(}. */
	private static boolean partOfAName(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || c == '$' || c == '@';
	}

}
