package io.adsw.bpmsoft.emulator;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/** The answer of the first service whose report covers the address. */
final class RefusalReports {

	private RefusalReports() {
	}

	static Optional<RefusalReport.Answer> answer(ObjectProvider<RefusalReport> reports, String requestUri, int status,
			String method, @Nullable Throwable failure) {
		return reports.orderedStream()
			.filter((report) -> report.covers(requestUri))
			.findFirst()
			.flatMap((report) -> report.answer(status, requestUri, method, failure));
	}

}
