package io.adsw.bpmsoft.emulator.odata;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * Rewrites the values of some query options of a query string, as sent (percent-encoded),
 * leaving the rest of it as it was.
 */
final class QueryOptionValues {

	private QueryOptionValues() {
	}

	/**
	 * The query string with the values of the named options rewritten; the same string
	 * when nothing changed.
	 */
	static @Nullable String rewrite(@Nullable String query, Set<String> options, UnaryOperator<String> rewrite) {
		if (query == null) {
			return null;
		}
		String[] parts = query.split("&", -1);
		boolean changed = false;
		for (int i = 0; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			String name = (equals > 0) ? decoded(parts[i].substring(0, equals)) : null;
			String value = (name != null && options.contains(name)) ? decoded(parts[i].substring(equals + 1)) : null;
			if (value == null) {
				continue;
			}
			String rewritten = rewrite.apply(value);
			if (!rewritten.equals(value)) {
				parts[i] = parts[i].substring(0, equals + 1)
						+ URLEncoder.encode(rewritten, StandardCharsets.UTF_8).replace("+", "%20");
				changed = true;
			}
		}
		return changed ? String.join("&", parts) : query;
	}

	static @Nullable String decoded(String raw) {
		try {
			return URLDecoder.decode(raw, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// Olingo refuses the malformed escape itself.
			return null;
		}
	}

}
