package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.approval.ApprovalNotFoundException;
import io.adsw.bpmsoft.emulator.contact.ContactNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every outcome of an ElmaService operation that is not success, as an envelope.
 */
@RestControllerAdvice(assignableTypes = ElmaServiceController.class)
class ElmaExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ElmaExceptionHandler.class);

	private final ElmaAnswers answers;

	ElmaExceptionHandler(ElmaAnswers answers) {
		this.answers = answers;
	}

	@ExceptionHandler
	ResponseEntity<ElmaAnswer> refused(ElmaRefusal refusal) {
		return this.answers.entity(refusal.answer());
	}

	@ExceptionHandler
	ResponseEntity<ElmaAnswer> approvalNotFound(ApprovalNotFoundException ex) {
		return this.answers
			.entity(ElmaAnswer.badRequest(ElmaMessages.format(ElmaMessages.APPROVAL_NOT_FOUND, ex.getId())));
	}

	@ExceptionHandler
	ResponseEntity<ElmaAnswer> contactNotFound(ContactNotFoundException ex) {
		return this.answers
			.entity(ElmaAnswer.badRequest(ElmaMessages.format(ElmaMessages.CONTACT_NOT_FOUND, ex.getEmail())));
	}

	/**
	 * Check 11: whatever else went wrong is logged here and answered with the integration
	 * note's 500 envelope, never with details.
	 */
	@ExceptionHandler
	ResponseEntity<ElmaAnswer> failed(Exception ex) {
		logger.error("ElmaService operation failed", ex);
		return this.answers.entity(new ElmaAnswer(500, ElmaMessages.INTERNAL_ERROR));
	}

}
