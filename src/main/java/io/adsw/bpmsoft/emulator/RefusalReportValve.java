package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's own error report, with the stand's services' answers for their addresses: what
 * Tomcat refuses before any application code runs (a space or an encoded slash in the
 * address, headers over the limit, a body the client stopped sending) would otherwise
 * reach their clients as an HTML page. Other addresses keep Tomcat's report, without its
 * details.
 */
class RefusalReportValve extends ErrorReportValve {

	/**
	 * Looked up per refusal: the valve is made with the web server, before the stand's
	 * beans.
	 */
	private final ObjectProvider<RefusalReport> reports;

	RefusalReportValve(ObjectProvider<RefusalReport> reports) {
		this.reports = reports;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	public void invoke(Request request, Response response) throws IOException, ServletException {
		super.invoke(request, response);
		if (response.getStatus() == HttpServletResponse.SC_REQUEST_TIMEOUT
				|| RefusalReport.timedOut((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
			// The client stopped sending its body, and the answer says so. Tomcat would
			// first read the rest of the body, to keep the connection open: another whole
			// timeout before the answer leaves, for a body that is not coming.
			request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
		}
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		String uri = (request.getRequestURI() != null) ? request.getRequestURI()
				: RefusalReports.targetNamedBy(throwable);
		Optional<RefusalReport.Answer> answer = (status < 400 || response.getContentWritten() > 0 || uri == null)
				? Optional.empty() : RefusalReports.answer(this.reports, uri, status,
						(request.getMethod() != null) ? request.getMethod() : "", throwable);
		if (answer.isEmpty()) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		try {
			answer.get().headers().forEach(response::setHeader);
			response.setStatus(answer.get().statusInsteadOf(status));
			response.setContentType(answer.get().contentType());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(answer.get().body());
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the answer was already on its way: nothing to add.
		}
	}

}
