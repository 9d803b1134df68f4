package io.adsw.bpmsoft.emulator.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.adsw.bpmsoft.emulator.JsonInputErrors;
import io.adsw.bpmsoft.emulator.approval.ApprovalNotFoundException;
import io.adsw.bpmsoft.emulator.fault.FaultSpecException;
import io.adsw.bpmsoft.emulator.seed.SeedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.hibernate.exception.DataException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Refusals of the control plane as RFC 9457 problem details, each saying what to correct.
 * Ahead of Spring MVC's own problem details, whose messages for unreadable or invalid
 * bodies ("Failed to read request") do not say which field is wrong.
 */
@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(AdminExceptionHandler.class);

	static final String DATABASE_AWAY = "the stand's database is not answering: try again once /actuator/health"
			+ " says UP";

	static final String BUSY = "the stand's data is busy with another change (an import, a restore, a reset or a"
			+ " changeset): nothing was changed; try again";

	static final String FAILED = "the stand failed to carry out the request; its log says why";

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

	/**
	 * A time whose offset's + a query string read as a space: {@code ...T05:35:00 03:00}.
	 */
	private static final Pattern OFFSET_WITHOUT_PLUS = Pattern
		.compile(".*T\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)? \\d\\d(:?\\d\\d)?");

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

	/** A request parameter out of its range: named as the request names it. */
	@ExceptionHandler
	ProblemDetail invalid(ConstraintViolationException ex) {
		String detail = ex.getConstraintViolations()
			.stream()
			.map((violation) -> leaf(violation) + ": " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
	}

	private static String leaf(ConstraintViolation<?> violation) {
		String name = "";
		for (Path.Node node : violation.getPropertyPath()) {
			name = node.getName();
		}
		return name;
	}

	/** A field of a JSON body out of its range. */
	@ExceptionHandler
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField() + ": " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				detail.isEmpty() ? String.valueOf(ex.getBindingResult().getGlobalError()) : detail);
	}

	/** A JSON body that cannot be read: which field, and what it should hold. */
	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof JacksonException json) {
			// A mistake in the text is found by its line and column, one in a field's
			// value by the field's path, which the description leads with.
			TokenStreamLocation location = json.getLocation();
			String where = (json.getPath().isEmpty() && location != null && location.getLineNr() > 0)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, JsonInputErrors.describe(json) + where);
		}
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the request needs a JSON object as its body");
	}

	@ExceptionHandler
	ProblemDetail invalid(MethodArgumentTypeMismatchException ex) {
		Object value = ex.getValue();
		if (value instanceof String[] values) {
			if (values.length > 1) {
				return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
						ex.getName() + " is given " + values.length + " times: give it once");
			}
			value = (values.length == 1) ? values[0] : "";
		}
		String text = String.valueOf(value);
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getName() + ": \"" + Echo.of(text)
				+ "\" is not " + JsonInputErrors.kind(ex.getRequiredType()) + hint(text, ex.getRequiredType()));
	}

	/**
	 * What the likely slip was: a time's offset sent with an unencoded {@code +}, which a
	 * query string reads as a space; digits too many for a whole number.
	 */
	private static String hint(String value, @Nullable Class<?> type) {
		if ((type == Instant.class || type == OffsetDateTime.class) && OFFSET_WITHOUT_PLUS.matcher(value).matches()) {
			return " (a + in a query string is read as a space: write it as %2B)";
		}
		if ((type == Integer.class || type == int.class) && WHOLE_NUMBER.matcher(value).matches()) {
			return value.startsWith("-") ? " (it is too small)" : " (it is too large)";
		}
		return "";
	}

	/**
	 * What the checks before a write did not foresee and the database refused: still the
	 * user's data, so a 400, and nothing was written. Hibernate's own exceptions too: the
	 * seeds flush through the EntityManager, outside Spring's exception translation.
	 */
	@ExceptionHandler({ DataIntegrityViolationException.class,
			org.hibernate.exception.ConstraintViolationException.class, DataException.class })
	ProblemDetail refusedByTheDatabase(RuntimeException ex) {
		logger.warn("The database refused a control plane change: {}",
				NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the database refused the change (a value too long for its column, or one that conflicts with stored data); nothing was changed");
	}

	/**
	 * A lock the request needed was held too long, or two writers deadlocked (an import
	 * or a reset while a changeset writes a contact, then an approval): the transaction
	 * was rolled back, and the same request succeeds once the other change is done.
	 */
	@ExceptionHandler({ ConcurrencyFailureException.class, PessimisticLockException.class, LockTimeoutException.class,
			LockAcquisitionException.class })
	ResponseEntity<ProblemDetail> busy(RuntimeException ex) {
		logger.warn("A control plane request met a change under way: {}",
				NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, BUSY));
	}

	/**
	 * The database is down, or does not give a connection within the pool's timeout: the
	 * request may succeed once it is back, which health tells. Hibernate's own exception
	 * too, for the seeds' flushes outside Spring's exception translation.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			QueryTimeoutException.class, CannotCreateTransactionException.class, JDBCConnectionException.class })
	ProblemDetail databaseAway(RuntimeException ex) {
		logger.warn("A control plane request found the database away: {}",
				NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_AWAY);
	}

	/**
	 * Whatever else went wrong is the stand's failure, not the request's: a 500 that says
	 * so, the cause in the log. Last of the control plane's handlers, after Spring MVC's
	 * own problem details (a 405, a 415, a missing parameter), so that it takes only what
	 * nothing else answers.
	 */
	@RestControllerAdvice(basePackageClasses = AdminExceptionHandler.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	static class Failures {

		@ExceptionHandler
		ProblemDetail failed(Exception ex) {
			logger.error("A control plane operation failed", ex);
			return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, FAILED);
		}

	}

}
