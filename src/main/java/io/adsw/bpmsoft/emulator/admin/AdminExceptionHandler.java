package io.adsw.bpmsoft.emulator.admin;

import io.adsw.bpmsoft.emulator.approval.ApprovalNotFoundException;
import io.adsw.bpmsoft.emulator.fault.FaultSpecException;
import io.adsw.bpmsoft.emulator.seed.SeedException;
import jakarta.validation.ConstraintViolationException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the control plane as RFC 9457 problem details, each saying what to correct.
 */
@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
class AdminExceptionHandler {

	@ExceptionHandler
	ProblemDetail faultSpec(FaultSpecException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail seed(SeedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getLocation() + ": " + ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail approvalNotFound(ApprovalNotFoundException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No approval with id " + ex.getId());
	}

	@ExceptionHandler
	ProblemDetail invalid(ConstraintViolationException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail invalid(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
