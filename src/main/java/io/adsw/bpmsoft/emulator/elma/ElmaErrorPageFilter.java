package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
		byte[] body = WebServerRefusals
			.json(WebServerRefusals.answer(status, originalMethod(httpRequest),
					(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION)))
			.getBytes(StandardCharsets.UTF_8);
		httpResponse.setStatus(status);
		httpResponse.setContentType(ElmaAnswers.CONTENT_TYPE.toString());
		httpResponse.setContentLength(body.length);
		httpResponse.getOutputStream().write(body);
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
