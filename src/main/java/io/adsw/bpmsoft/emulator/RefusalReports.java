package io.adsw.bpmsoft.emulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

/** The answer of the first service whose report covers the address. */
final class RefusalReports {

	private static final Pattern ENCODED_SLASH = Pattern.compile("%2[fF]");

	private static final Pattern ENCODED_OCTET = Pattern.compile("%([0-9a-fA-F]{2})");

	private static final Pattern PATH_PARAMETERS = Pattern.compile(";[^/]*");

	private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

	private RefusalReports() {
	}

	static Optional<RefusalReport.Answer> answer(ObjectProvider<RefusalReport> reports, String requestUri, int status,
			String method, @Nullable Throwable failure) {
		String addressed = addressed(requestUri);
		// As written, or with its dot segments resolved: /ServiceModel/./ElmaService.svc
		// is ElmaService's, and so is ElmaService.svc/../CreateChainOfApproval.
		String resolved = StringUtils.cleanPath(addressed);
		return reports.orderedStream()
			.filter((report) -> report.covers(addressed) || report.covers(resolved))
			.findFirst()
			.flatMap((report) -> report.answer(status, requestUri, method, failure));
	}

	/**
	 * The address of a request whose request line Tomcat refused before reading it to its
	 * end, as its refusal names it
	 * ({@code ... request target [/0/odata/Contact?...] ...}, the bytes it refused
	 * written as {@code 0xNN}): a letter outside ASCII or a control character left
	 * unencoded. The brackets hold the address in every language Tomcat speaks; a refusal
	 * that names none (a request line over the limit) has no address.
	 */
	static @Nullable String targetNamedBy(@Nullable Throwable failure) {
		if (!(failure instanceof IllegalArgumentException) || failure.getMessage() == null) {
			return null;
		}
		String message = failure.getMessage();
		int start = message.indexOf("[/");
		int end = (start >= 0) ? message.indexOf(']', start) : -1;
		return (end > start) ? message.substring(start + 1, end).strip() : null;
	}

	/**
	 * The address as the client meant it, for choosing whose report answers: the refused
	 * addresses are often just those with an encoded slash
	 * ({@code ElmaService.svc%2F...}), an empty segment ({@code //ServiceModel/...}, a
	 * base address ending in a slash), a path parameter ({@code /ServiceModel;x/...}) or
	 * an encoded letter, digit or dot ({@code /0/%6Fdata}, {@code %2e}).
	 */
	static String addressed(String requestUri) {
		String path = ENCODED_SLASH.matcher(unreservedDecoded(requestUri)).replaceAll("/");
		return REPEATED_SLASHES.matcher(PATH_PARAMETERS.matcher(path).replaceAll("")).replaceAll("/");
	}

	/**
	 * The address with its encoded unreserved characters (letters, digits, {@code -._~})
	 * decoded, which mean the same either way.
	 */
	private static String unreservedDecoded(String address) {
		return ENCODED_OCTET.matcher(address).replaceAll((octet) -> {
			char c = (char) Integer.parseInt(octet.group(1), 16);
			boolean unreserved = (c < 0x80) && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0);
			return unreserved ? String.valueOf(c) : Matcher.quoteReplacement(octet.group());
		});
	}

}
