package io.adsw.bpmsoft.emulator.elma;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.adsw.bpmsoft.emulator.Guids;
import io.adsw.bpmsoft.emulator.Whitespace;
import io.adsw.bpmsoft.emulator.approval.ApprovalRuleViolation;
import io.adsw.bpmsoft.emulator.approval.Approvals;
import io.adsw.bpmsoft.emulator.approval.Resolution;
import io.adsw.bpmsoft.emulator.contact.ContactNotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * ElmaService.svc: the two operations ELMA calls. Method names match in any case, as they
 * do on the real WCF service. Checks run in the contract's order; the key and the
 * transport were checked by the filter chain before.
 */
@RestController
@RequestMapping(ElmaServiceController.SERVICE_PATH)
class ElmaServiceController {

	static final String SERVICE_PATH = "/ServiceModel/ElmaService.svc";

	private static final List<String> OPERATIONS = List.of("CreateChainOfApproval", "ChangeApproverResolution");

	private final Approvals approvals;

	private final ElmaAnswers answers;

	private final ElmaSettings settings;

	ElmaServiceController(Approvals approvals, ElmaAnswers answers, ElmaSettings settings) {
		this.approvals = approvals;
		this.answers = answers;
		this.settings = settings;
	}

	@PostMapping("/{operation:(?i)CreateChainOfApproval}")
	ResponseEntity<ElmaAnswer> createChainOfApproval(@RequestAttribute(ElmaRawBody.ATTRIBUTE) ElmaRawBody body,
			HttpServletRequest request) {
		ElmaFields fields = body.fields();
		String idCrm = fields.required("id_crm", ElmaMessages.ID_CRM_EMPTY);
		ChainOfApproval chain = ChainOfApproval.parse(fields.required("chain_of_approval", ElmaMessages.CHAIN_EMPTY));
		try {
			if (chain.automaticallyApproved()) {
				this.approvals.approveAutomatically(idCrm);
			}
			else {
				this.approvals.receiveChain(idCrm, chain.emails());
			}
		}
		catch (ContactNotFoundException ex) {
			reached(request, idCrm);
			throw ex;
		}
		reached(request, idCrm);
		return this.answers.entity(ElmaAnswer.SUCCESS);
	}

	@PostMapping("/{operation:(?i)ChangeApproverResolution}")
	ResponseEntity<ElmaAnswer> changeApproverResolution(@RequestAttribute(ElmaRawBody.ATTRIBUTE) ElmaRawBody body,
			HttpServletRequest request) {
		ElmaFields fields = body.fields();
		String idCrm = fields.required("id_crm", ElmaMessages.ID_CRM_EMPTY);
		String approver = fields.required("approver", ElmaMessages.APPROVER_EMPTY);
		Resolution resolution = resolution(fields.required("resolution", ElmaMessages.RESOLUTION_EMPTY));
		try {
			this.approvals.resolve(idCrm, approver, resolution, this.settings.enforceOrder());
		}
		catch (ContactNotFoundException ex) {
			reached(request, idCrm);
			throw ex;
		}
		catch (ApprovalRuleViolation violation) {
			reached(request, idCrm);
			throw ElmaRefusal.badRequest(ElmaMessages.ruleViolation(violation, idCrm, approver));
		}
		reached(request, idCrm);
		return this.answers.entity(ElmaAnswer.SUCCESS);
	}

	/**
	 * Any other operation of the service, once the key has been accepted.
	 */
	@RequestMapping("/**")
	ResponseEntity<ElmaAnswer> unknownOperation(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + SERVICE_PATH.length());
		// Named as the client meant it: %D0%A4 is Ф.
		String operation = UriUtils.decode(path.startsWith("/") ? path.substring(1) : path, StandardCharsets.UTF_8);
		return this.answers.entity(new ElmaAnswer(404, unknownOperationMessage(operation)));
	}

	/**
	 * As WCF, an operation's address ending in a slash is not the operation's; the
	 * message says so, where "not found" alone would send ELMA's developers looking for
	 * an operation that exists.
	 */
	private static String unknownOperationMessage(String operation) {
		if (operation.isBlank()) {
			return ElmaMessages.OPERATION_MISSING;
		}
		String withoutSlashes = operation.replaceAll("/+$", "");
		for (String known : OPERATIONS) {
			if (!withoutSlashes.equals(operation) && known.equalsIgnoreCase(withoutSlashes)) {
				return ElmaMessages.format(ElmaMessages.OPERATION_WITH_TRAILING_SLASH, operation, known);
			}
		}
		return ElmaMessages.format(ElmaMessages.UNKNOWN_OPERATION, operation);
	}

	/** Notes the approval a request reached, for the journal. */
	private static void reached(HttpServletRequest request, String idCrm) {
		Guids.parse(idCrm).ifPresent((id) -> request.setAttribute(ElmaRequestSummary.APPROVAL_ATTRIBUTE, id));
	}

	private static Resolution resolution(String value) {
		String resolution = Whitespace.strip(value);
		if (resolution.equalsIgnoreCase("Согласовано")) {
			return Resolution.APPROVED;
		}
		if (resolution.equalsIgnoreCase("Отклонено")) {
			return Resolution.REJECTED;
		}
		throw ElmaRefusal.badRequest(ElmaMessages.RESOLUTION_INVALID);
	}

}
