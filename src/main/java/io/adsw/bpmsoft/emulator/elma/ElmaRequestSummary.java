package io.adsw.bpmsoft.emulator.elma;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.Whitespace;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriUtils;

/**
 * What an ElmaService request was about, for the stand's own bookkeeping (the journal,
 * fault rules): the operation, the body as received, the {@code id_crm} and the emails it
 * names, and the approval it reached. Never fails: a body that cannot be read simply
 * names nothing.
 *
 * @param operation the operation's name as the service knows it, or as sent when unknown
 * @param body the body as received, decoded leniently; for a body the transport checks
 * refused, only as much of it as was read, and empty when none was
 * @param bodyTruncated whether the body was longer than {@code body}: read only in part,
 * or not at all
 * @param idCrm {@code id_crm} as sent, trimmed
 * @param emails the emails named ({@code chain_of_approval} or {@code approver}), as
 * sent, trimmed
 * @param approvalId the approval the request reached, once the service found it
 */
public record ElmaRequestSummary(String operation, String body, boolean bodyTruncated, @Nullable String idCrm,
		List<String> emails, @Nullable UUID approvalId) {

	public static final String CREATE = "CreateChainOfApproval";

	public static final String CHANGE = "ChangeApproverResolution";

	/** Request attribute holding the id of the approval a request reached. */
	static final String APPROVAL_ATTRIBUTE = "io.adsw.bpmsoft.emulator.elma.ApprovalId";

	/** Request attribute holding the summary of what was sent, made once per request. */
	private static final String SUMMARY_ATTRIBUTE = ElmaRequestSummary.class.getName();

	/**
	 * What the request was about so far: the fault rules ask before the service has
	 * worked on it, the journal after, when the approval it reached is known.
	 */
	public static ElmaRequestSummary of(HttpServletRequest request) {
		UUID approvalId = (request.getAttribute(APPROVAL_ATTRIBUTE) instanceof UUID id) ? id : null;
		ElmaRequestSummary sent;
		if (request.getAttribute(SUMMARY_ATTRIBUTE) instanceof ElmaRequestSummary known) {
			sent = known;
		}
		else {
			sent = ofSent(request);
			request.setAttribute(SUMMARY_ATTRIBUTE, sent);
		}
		return (approvalId != null) ? new ElmaRequestSummary(sent.operation(), sent.body(), sent.bodyTruncated(),
				sent.idCrm(), sent.emails(), approvalId) : sent;
	}

	private static ElmaRequestSummary ofSent(HttpServletRequest request) {
		String operation = operation(request);
		Object attribute = request.getAttribute(ElmaRawBody.ATTRIBUTE);
		if (!(attribute instanceof ElmaRawBody raw)) {
			// Refused before the service could read it: the body names nothing.
			if (request.getAttribute(ElmaRefusedBody.ATTRIBUTE) instanceof ElmaRefusedBody refused) {
				return new ElmaRequestSummary(operation, refused.text(), refused.truncated(), null, List.of(), null);
			}
			return new ElmaRequestSummary(operation, "", false, null, List.of(), null);
		}
		String body = raw.text();
		String idCrm = null;
		List<String> emails = List.of();
		try {
			ElmaFields fields = raw.fields();
			idCrm = fields.optional("id_crm");
			if (CREATE.equals(operation)) {
				String chain = fields.optional("chain_of_approval");
				if (chain != null && !Whitespace.strip(chain).equalsIgnoreCase(ChainOfApproval.APPROVED)) {
					emails = ChainOfApproval.parse(chain).emails();
				}
			}
			else if (CHANGE.equals(operation)) {
				String approver = fields.optional("approver");
				emails = (approver != null) ? List.of(approver) : List.of();
			}
		}
		catch (ElmaRefusal ex) {
			// A body the service refuses names nothing; the journal keeps it as received.
		}
		return new ElmaRequestSummary(operation, body, false, idCrm, emails, null);
	}

	/**
	 * The operation as the service dispatches it, percent-decoded
	 * ({@code Create%43hainOfApproval} is CreateChainOfApproval), so that the fault
	 * rules, the journal and the metrics name it as the service runs it.
	 */
	private static String operation(HttpServletRequest request) {
		String path = request.getRequestURI();
		String operation = decoded(path.substring(path.lastIndexOf('/') + 1));
		for (String known : List.of(CREATE, CHANGE)) {
			if (known.toLowerCase(Locale.ROOT).equals(operation.toLowerCase(Locale.ROOT))) {
				return known;
			}
		}
		return operation;
	}

	private static String decoded(String segment) {
		try {
			return UriUtils.decode(segment, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A '%' without two hex digits: named as sent.
			return segment;
		}
	}

}
