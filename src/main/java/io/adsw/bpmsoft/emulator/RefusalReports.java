package io.adsw.bpmsoft.emulator;

import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/** The answer of the first service whose report covers the address. */
final class RefusalReports {

	private static final Pattern ENCODED_SLASH = Pattern.compile("%2[fF]");

	private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

	private RefusalReports() {
	}

	static Optional<RefusalReport.Answer> answer(ObjectProvider<RefusalReport> reports, String requestUri, int status,
			String method, @Nullable Throwable failure) {
		String addressed = addressed(requestUri);
		return reports.orderedStream()
			.filter((report) -> report.covers(addressed))
			.findFirst()
			.flatMap((report) -> report.answer(status, requestUri, method, failure));
	}

	/**
	 * The address as the client meant it, for choosing whose report answers: the refused
	 * addresses are often just those with an encoded slash
	 * ({@code ElmaService.svc%2F...}) or an empty segment ({@code //ServiceModel/...}, a
	 * base address ending in a slash).
	 */
	static String addressed(String requestUri) {
		return REPEATED_SLASHES.matcher(ENCODED_SLASH.matcher(requestUri).replaceAll("/")).replaceAll("/");
	}

}
