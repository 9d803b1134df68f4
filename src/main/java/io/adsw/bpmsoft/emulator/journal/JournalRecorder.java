package io.adsw.bpmsoft.emulator.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.adsw.bpmsoft.emulator.elma.ElmaRequestSummary;
import io.adsw.bpmsoft.emulator.fault.FaultInjector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Records every ElmaService request in the journal: it runs first in the ElmaService
 * filter chain, so refusals of every kind are recorded with what was answered.
 */
public class JournalRecorder extends OncePerRequestFilter {

	private static final java.util.Set<String> KNOWN_ENDPOINTS = java.util.Set.of(ElmaRequestSummary.CREATE,
			ElmaRequestSummary.CHANGE);

	private final Journal journal;

	private final JournalProperties properties;

	private final Function<HttpServletRequest, String> authOutcome;

	private final JsonMapper jsonMapper;

	private final Clock clock;

	private final MeterRegistry meters;

	/**
	 * @param authOutcome how the request's key compares with the stand's: {@code ok},
	 * {@code missing} or {@code wrong}, never the value
	 */
	public JournalRecorder(Journal journal, JournalProperties properties,
			Function<HttpServletRequest, String> authOutcome, JsonMapper jsonMapper, Clock clock,
			MeterRegistry meters) {
		this.journal = journal;
		this.meters = meters;
		this.properties = properties;
		this.authOutcome = authOutcome;
		this.jsonMapper = jsonMapper;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Instant received = this.clock.instant();
		long start = System.nanoTime();
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, answer);
		}
		finally {
			byte[] body = answer.getContentAsByteArray();
			if (request.getAttribute(FaultInjector.DROPPED_ATTRIBUTE) == null) {
				answer.copyBodyToResponse();
			}
			long micros = (System.nanoTime() - start) / 1000;
			JournalRecord record = record(request, answer.getStatus(), body, received, micros);
			this.journal.record(record);
			Timer.builder("emulator.elma.requests")
				.description("ElmaService requests by operation and envelope status")
				.tag("endpoint", KNOWN_ENDPOINTS.contains(record.endpoint()) ? record.endpoint() : "other")
				.tag("status", String.valueOf(record.status()))
				.register(this.meters)
				.record(micros, TimeUnit.MICROSECONDS);
		}
	}

	private JournalRecord record(HttpServletRequest request, int httpStatus, byte[] answer, Instant received,
			long micros) {
		ElmaRequestSummary summary = ElmaRequestSummary.of(request);
		int status = httpStatus;
		String message = "";
		boolean dropped = request.getAttribute(FaultInjector.DROPPED_ATTRIBUTE) != null;
		if (dropped) {
			status = 0;
			message = "The connection was dropped by a fault rule.";
		}
		else if (answer.length > 0) {
			try {
				JsonNode envelope = this.jsonMapper.readTree(answer);
				status = envelope.path("status").asInt(httpStatus);
				message = envelope.path("error_message").asString("");
			}
			catch (RuntimeException ex) {
				message = new String(answer, StandardCharsets.UTF_8);
			}
		}
		String body = summary.body();
		boolean truncated = false;
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > this.properties.maxBodyBytes()) {
			body = new String(bytes, 0, this.properties.maxBodyBytes(), StandardCharsets.UTF_8);
			truncated = true;
		}
		Object fault = request.getAttribute(FaultInjector.FAULT_ATTRIBUTE);
		return new JournalRecord(received, summary.operation(), request.getRemoteAddr(),
				this.authOutcome.apply(request), body, truncated, status, dropped ? 0 : httpStatus, message, micros,
				summary.idCrm(), summary.emails(), summary.approvalId(), (fault instanceof UUID id) ? id : null);
	}

}
