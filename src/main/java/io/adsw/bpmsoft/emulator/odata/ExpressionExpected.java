package io.adsw.bpmsoft.emulator.odata;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A {@code $filter} that ends with an operator waiting for its operand ({@code Name eq},
 * {@code Name eq 'x' and}, {@code not}), refused as ASP.NET OData refuses it:
 * {@code Expression expected at position 7 in 'Name eq'.}, the position being where the
 * expression ends. Olingo's parser says the filter is no condition, or names the option's
 * value as not allowed.
 */
final class ExpressionExpected {

	private static final Pattern ENDS_WITH_OPERATOR = Pattern
		.compile("(?:^|[\\s(])(?:eq|ne|gt|ge|lt|le|and|or|not|add|sub|mul|div|mod|has|in)\\s*$");

	private ExpressionExpected() {
	}

	/** The refusal of the query's {@code $filter}, when it ends with an operator. */
	static @Nullable ODataRequestException in(@Nullable String rawQuery) {
		if (rawQuery == null) {
			return null;
		}
		for (String part : rawQuery.split("&")) {
			int equals = part.indexOf('=');
			if (equals <= 0 || !"$filter".equals(QueryOptionValues.decoded(part.substring(0, equals)))) {
				continue;
			}
			String filter = QueryOptionValues.decoded(part.substring(equals + 1));
			if (filter != null && !oddQuotes(filter) && ENDS_WITH_OPERATOR.matcher(filter).find()) {
				return ODataRequestException
					.invalidQuery("Expression expected at position " + filter.length() + " in '" + filter + "'.");
			}
		}
		return null;
	}

	/** Whether the filter ends inside a text value, where an operator is only text. */
	private static boolean oddQuotes(String filter) {
		return filter.chars().filter((c) -> c == '\'').count() % 2 != 0;
	}

}
