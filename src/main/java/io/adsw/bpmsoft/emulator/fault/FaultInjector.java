package io.adsw.bpmsoft.emulator.fault;

import java.io.IOException;
import java.util.Optional;

import io.adsw.bpmsoft.emulator.elma.ElmaAnswer;
import io.adsw.bpmsoft.emulator.elma.ElmaAnswers;
import io.adsw.bpmsoft.emulator.elma.ElmaMessages;
import io.adsw.bpmsoft.emulator.elma.ElmaRequestSummary;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies fault rules to ElmaService requests, after the transport checks and before the
 * key: the stand misbehaves for ELMA whatever ELMA sends. A rule's status is answered
 * with the integration note's message for it unless the rule gives its own.
 */
public class FaultInjector extends OncePerRequestFilter {

	/** Request attribute holding the id of the rule that changed the answer. */
	public static final String FAULT_ATTRIBUTE = "io.adsw.bpmsoft.emulator.fault.FaultId";

	/** Request attribute set when a rule dropped the connection instead of answering. */
	public static final String DROPPED_ATTRIBUTE = "io.adsw.bpmsoft.emulator.fault.Dropped";

	private final Faults faults;

	private final ElmaAnswers answers;

	public FaultInjector(Faults faults, ElmaAnswers answers) {
		this.faults = faults;
		this.answers = answers;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ElmaRequestSummary summary = ElmaRequestSummary.of(request);
		Optional<FaultRule> taken = this.faults.take(summary.operation(), summary.idCrm(), summary.emails());
		if (taken.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		FaultRule rule = taken.get();
		request.setAttribute(FAULT_ATTRIBUTE, rule.getId());
		long delay = rule.delayMillis();
		if (delay > 0) {
			try {
				// The rule's delay: slow on purpose, for this request only. The
				// request has no turn yet (PacingFilter), so the requests behind it
				// are worked on meanwhile.
				Thread.sleep(delay);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (rule.isDrop()) {
			request.setAttribute(DROPPED_ATTRIBUTE, Boolean.TRUE);
			ConnectionDropper.drop(request, response);
			return;
		}
		if (rule.getStatus() == null) {
			chain.doFilter(request, response);
			return;
		}
		String message = (rule.getMessage() != null) ? rule.getMessage() : message(rule.getStatus(), summary);
		this.answers.write(response, new ElmaAnswer(rule.getStatus(), message));
	}

	/**
	 * For an error status the integration note has no message for: an empty message would
	 * read as a success to whoever looks only at {@code error_message}.
	 */
	private static final String FAULT_WITHOUT_MESSAGE = "Ответ HTTP {0} задан правилом сбоя эмулятора";

	/** The integration note's message for a status, as the real stand would send it. */
	private static String message(int status, ElmaRequestSummary summary) {
		return switch (status) {
			case 403 -> ElmaMessages.FORBIDDEN;
			case 400 -> (summary.idCrm() != null)
					? ElmaMessages.format(ElmaMessages.APPROVAL_NOT_FOUND, summary.idCrm()) : ElmaMessages.ID_CRM_EMPTY;
			case 500 -> ElmaMessages.INTERNAL_ERROR;
			default -> (status >= 500) ? ElmaMessages.INTERNAL_ERROR
					: (status >= 300) ? ElmaMessages.format(FAULT_WITHOUT_MESSAGE, status) : "";
		};
	}

}
