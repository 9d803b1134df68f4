package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Answers with the envelope, instead of Spring Boot's error page, the ElmaService
 * requests refused before the service's own filters ran: TRACE (which Tomcat refuses
 * itself, so that no request is echoed back with its key) and addresses Spring Security's
 * firewall rejects ({@code ;params}, {@code //}, {@code /../}). Runs on the error
 * dispatch only.
 */
class ElmaErrorPageFilter implements Filter {

	/** Looked up per request: the filter is registered while the web server is made. */
	private final ObjectProvider<ElmaAnswers> answers;

	ElmaErrorPageFilter(ObjectProvider<ElmaAnswers> answers) {
		this.answers = answers;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (!(uri instanceof String requestUri) || !WebServerRefusals.isElmaServicePath(requestUri)
				|| !(request instanceof HttpServletRequest httpRequest)
				|| !(response instanceof HttpServletResponse httpResponse) || httpResponse.isCommitted()) {
			chain.doFilter(request, response);
			return;
		}
		int status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) ? code
				: httpResponse.getStatus();
		if (status == 405) {
			httpResponse.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
		}
		this.answers.getObject()
			.writeTransport(httpResponse, WebServerRefusals.answer(status, originalMethod(httpRequest),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)));
	}

	/**
	 * The method the client sent: the error dispatch presents every request as a GET.
	 */
	private static String originalMethod(HttpServletRequest request) {
		ServletRequest original = request;
		while (original instanceof ServletRequestWrapper wrapper) {
			original = wrapper.getRequest();
		}
		return (original instanceof HttpServletRequest http) ? http.getMethod() : request.getMethod();
	}

}
