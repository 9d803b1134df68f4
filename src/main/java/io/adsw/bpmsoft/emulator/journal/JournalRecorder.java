package io.adsw.bpmsoft.emulator.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.adsw.bpmsoft.emulator.crypto.SecretMask;
import io.adsw.bpmsoft.emulator.elma.ElmaAnswer;
import io.adsw.bpmsoft.emulator.elma.ElmaAnswers;
import io.adsw.bpmsoft.emulator.elma.ElmaRequestSummary;
import io.adsw.bpmsoft.emulator.elma.ElmaTransportFilter;
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

	private final ElmaAnswers answers;

	/** The timers by operation and status, registered once each. */
	private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();

	/**
	 * @param authOutcome how the request's key compares with the stand's: {@code ok},
	 * {@code missing} or {@code wrong}, never the value
	 */
	public JournalRecorder(Journal journal, JournalProperties properties,
			Function<HttpServletRequest, String> authOutcome, JsonMapper jsonMapper, Clock clock, MeterRegistry meters,
			ElmaAnswers answers) {
		this.journal = journal;
		this.answers = answers;
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
			// A body the transport checks refused unread is read before their answer
			// goes.
			ElmaTransportFilter.readRefusedBody(request, this.properties.maxBodyBytes());
			byte[] body = answer.getContentAsByteArray();
			long micros = (System.nanoTime() - start) / 1000;
			JournalRecord record = record(request, answer.getStatus(), body, received, micros);
			// Handed over before the answer is released (Tomcat sends an answer as soon
			// as
			// its Content-Length is written): a reader who asks after the answer arrived
			// waits for this record, and a client gone mid-answer still has its entry.
			this.journal.record(record);
			timer(record).record(micros, TimeUnit.MICROSECONDS);
			if (request.getAttribute(FaultInjector.DROPPED_ATTRIBUTE) == null) {
				answer.copyBodyToResponse();
			}
		}
	}

	/**
	 * The envelope the stand answered with: one of the constant answers is known by its
	 * bytes, any other is read back; a body that is not an envelope is kept as the
	 * message.
	 */
	private ElmaAnswer envelope(byte[] answer, int httpStatus) {
		if (answer.length == 0) {
			return new ElmaAnswer(httpStatus, "");
		}
		Optional<ElmaAnswer> constant = this.answers.constantAnswer(answer);
		if (constant.isPresent()) {
			return constant.get();
		}
		try {
			JsonNode envelope = this.jsonMapper.readTree(answer);
			return new ElmaAnswer(envelope.path("status").asInt(httpStatus),
					envelope.path("error_message").asString(""));
		}
		catch (RuntimeException ex) {
			return new ElmaAnswer(httpStatus, new String(answer, StandardCharsets.UTF_8));
		}
	}

	private Timer timer(JournalRecord record) {
		String endpoint = KNOWN_ENDPOINTS.contains(record.endpoint()) ? record.endpoint() : "other";
		String status = String.valueOf(record.status());
		return this.timers.computeIfAbsent(endpoint + ' ' + status,
				(key) -> Timer.builder("emulator.elma.requests")
					.description("ElmaService requests by operation and envelope status")
					.tag("endpoint", endpoint)
					.tag("status", status)
					.register(this.meters));
	}

	private JournalRecord record(HttpServletRequest request, int httpStatus, byte[] answer, Instant received,
			long micros) {
		ElmaRequestSummary summary = ElmaRequestSummary.of(request);
		boolean dropped = request.getAttribute(FaultInjector.DROPPED_ATTRIBUTE) != null;
		ElmaAnswer envelope = dropped ? new ElmaAnswer(0, "The connection was dropped by a fault rule.")
				: envelope(answer, httpStatus);
		// A secret a request carries in its body (ELMA's key pasted into a field) is kept
		// masked, as the logs mask it: the journal is read by everyone who tests. Masked
		// before the body is cut to its limit, so that no part of one is left at the end.
		boolean truncated = summary.bodyTruncated();
		String body = SecretMask.maskBody(summary.body(), truncated);
		// UTF-8 takes at most three bytes for a char: shorter bodies need no encoding to
		// be known to fit.
		if (body.length() * 3L > this.properties.maxBodyBytes()) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			if (bytes.length > this.properties.maxBodyBytes()) {
				body = new String(bytes, 0, this.properties.maxBodyBytes(), StandardCharsets.UTF_8);
				truncated = true;
			}
		}
		Object fault = request.getAttribute(FaultInjector.FAULT_ATTRIBUTE);
		String idCrm = summary.idCrm();
		return new JournalRecord(received, SecretMask.mask(summary.operation()), request.getRemoteAddr(),
				this.authOutcome.apply(request), body, truncated, envelope.status(), dropped ? 0 : httpStatus,
				SecretMask.mask(envelope.errorMessage()), micros, (idCrm != null) ? SecretMask.mask(idCrm) : null,
				summary.emails().stream().map(SecretMask::mask).toList(), summary.approvalId(),
				(fault instanceof UUID id) ? id : null);
	}

}
