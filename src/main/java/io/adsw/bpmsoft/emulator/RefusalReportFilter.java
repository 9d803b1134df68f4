package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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

/**
 * Answers with the service's own refusal, instead of Spring Boot's error page, the
 * requests refused before the service's filters ran: TRACE (which Tomcat refuses itself,
 * so that no request is echoed back with its credentials) and addresses Spring Security's
 * firewall rejects ({@code ;params}, {@code //}, {@code /../}). Runs on the error
 * dispatch only.
 */
class RefusalReportFilter implements Filter {

	/** Looked up per request: the filter is registered while the web server is made. */
	private final ObjectProvider<RefusalReport> reports;

	RefusalReportFilter(ObjectProvider<RefusalReport> reports) {
		this.reports = reports;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		Optional<RefusalReport.Answer> answer = Optional.empty();
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
				&& request instanceof HttpServletRequest httpRequest
				&& response instanceof HttpServletResponse httpResponse && !httpResponse.isCommitted()) {
			int status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) ? code
					: httpResponse.getStatus();
			answer = RefusalReports.answer(this.reports, uri, status, originalMethod(httpRequest),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
			if (answer.isPresent()) {
				write(httpResponse, status, answer.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void write(HttpServletResponse response, int status, RefusalReport.Answer answer)
			throws IOException {
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		answer.headers().forEach(response::setHeader);
		response.setStatus(answer.statusInsteadOf(status));
		response.setContentType(answer.contentType());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
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
