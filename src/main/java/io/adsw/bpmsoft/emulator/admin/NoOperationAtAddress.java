package io.adsw.bpmsoft.emulator.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A control plane address no operation has is a 404 saying so, rather than Spring MVC's
 * "No static resource", which it answers once the API's own mappings have found nothing;
 * an address ending with a slash says where the operation is. The slash is not dropped:
 * {@code DELETE /emulator/api/faults/} with an id left out would otherwise remove every
 * rule.
 */
final class NoOperationAtAddress implements HandlerInterceptor {

	private final ControlPlaneOperations operations;

	NoOperationAtAddress(ControlPlaneOperations operations) {
		this.operations = operations;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod) {
			return true;
		}
		String address = request.getRequestURI().substring(request.getContextPath().length());
		String withoutSlash = address.replaceFirst("/+$", "");
		String detail = "No operation at " + address;
		if (!withoutSlash.equals(address) && !this.operations.methodsAt(withoutSlash).isEmpty()) {
			detail += ": remove the trailing slash (" + withoutSlash + ")";
		}
		throw new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
	}

}
