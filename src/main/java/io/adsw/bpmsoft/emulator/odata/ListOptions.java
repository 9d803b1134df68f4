package io.adsw.bpmsoft.emulator.odata;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The query options that list items ({@code $select}, {@code $expand}, {@code $orderby})
 * as ASP.NET OData reads them: its parser skips blanks between the items
 * ({@code $select=Name, Email}, {@code $orderby=Name asc, Email desc}), where Olingo's
 * refuses the address as malformed; and an empty item (a comma with nothing before or
 * after it) is named as such, where Olingo would look for a property named 'null'. Text
 * in quotes is left as it is.
 */
final class ListOptions {

	private static final Set<String> LISTS = Set.of("$select", "$expand", "$orderby");

	private ListOptions() {
	}

	/**
	 * The query string with the blanks around the list options' commas left out; the same
	 * string when there are none.
	 */
	static @Nullable String withoutBlanksAroundCommas(@Nullable String query) {
		return QueryOptionValues.rewrite(query, LISTS, ListOptions::tight);
	}

	/**
	 * The first list option with an empty item ({@code $select=Name,},
	 * {@code $expand=,Status}, {@code $orderby=Name,,Email}), or {@code null}.
	 */
	static @Nullable String withAnEmptyItem(@Nullable String query) {
		if (query == null) {
			return null;
		}
		for (String part : query.split("&")) {
			int equals = part.indexOf('=');
			String name = (equals > 0) ? QueryOptionValues.decoded(part.substring(0, equals)) : null;
			String value = (name != null && LISTS.contains(name))
					? QueryOptionValues.decoded(part.substring(equals + 1)) : null;
			if (value != null && !value.isBlank() && hasEmptyItem(tight(value))) {
				return name;
			}
		}
		return null;
	}

	static String emptyItem(String option) {
		return "The " + option + " option has an empty item: a comma with nothing before or after it.";
	}

	/** Blanks around commas outside quotes left out. */
	private static String tight(String value) {
		StringBuilder out = new StringBuilder(value.length());
		boolean quoted = false;
		boolean afterComma = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			if (!quoted && Character.isWhitespace(c) && afterComma) {
				continue;
			}
			if (!quoted && c == ',') {
				while (!out.isEmpty() && Character.isWhitespace(out.charAt(out.length() - 1))) {
					out.setLength(out.length() - 1);
				}
			}
			afterComma = !quoted && c == ',';
			out.append(c);
		}
		return out.toString();
	}

	/**
	 * Whether a comma outside quotes has nothing before or after it within its list: at
	 * the start or end, after an opening or before a closing parenthesis, or next to
	 * another comma.
	 */
	private static boolean hasEmptyItem(String value) {
		boolean quoted = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			if (quoted || c != ',') {
				continue;
			}
			char before = (i > 0) ? value.charAt(i - 1) : '(';
			char after = (i + 1 < value.length()) ? value.charAt(i + 1) : ')';
			if (before == '(' || before == ',' || before == ';' || before == '=' || after == ')' || after == ','
					|| after == ';') {
				return true;
			}
		}
		return false;
	}

}
