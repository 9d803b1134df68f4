package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Tomcat's own error report, with the envelope for ElmaService's addresses: what Tomcat
 * refuses before any application code runs (an encoded slash in the path, headers over
 * the limit, a body the client stopped sending) would otherwise reach ELMA as an HTML
 * page. Other addresses keep Tomcat's report, without its details.
 */
class ElmaErrorReportValve extends ErrorReportValve {

	/**
	 * Looked up per refusal: the valve is made with the web server, before the stand's
	 * beans.
	 */
	private final ObjectProvider<ElmaAnswers> answers;

	ElmaErrorReportValve(ObjectProvider<ElmaAnswers> answers) {
		this.answers = answers;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0
				|| !WebServerRefusals.isElmaServicePath(request.getRequestURI())) {
			super.report(request, response, throwable);
			return;
		}
		if (!response.setErrorReported()) {
			return;
		}
		try {
			String method = (request.getMethod() != null) ? request.getMethod() : "";
			if (status == 405) {
				response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			}
			response.setContentType(ElmaAnswers.CONTENT_TYPE.toString());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(this.answers.getObject().json(WebServerRefusals.answer(status, method, throwable)));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone, or the answer was already on its way: nothing to add.
		}
	}

}
