package io.adsw.bpmsoft.emulator.elma;

import java.util.Map;
import java.util.Optional;

import io.adsw.bpmsoft.emulator.RefusalReport;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * The envelope for ElmaService requests the web server refuses: ELMA reads the envelope
 * whatever went wrong. Its HTTP status is the web server's, whatever the stand's mode, as
 * a real server's would be.
 */
@Component
class ElmaRefusalReport implements RefusalReport {

	private final ElmaAnswers answers;

	ElmaRefusalReport(ElmaAnswers answers) {
		this.answers = answers;
	}

	@Override
	public boolean covers(String requestUri) {
		return WebServerRefusals.isElmaServicePath(requestUri);
	}

	@Override
	public Optional<Answer> answer(int status, String requestUri, String method, @Nullable Throwable failure) {
		ElmaAnswer envelope = WebServerRefusals.answer(status, method, failure);
		return Optional.of(new Answer(ElmaAnswers.CONTENT_TYPE.toString(), this.answers.json(envelope),
				(envelope.status() == 405) ? Map.of(HttpHeaders.ALLOW, HttpMethod.POST.name()) : Map.of(),
				envelope.status()));
	}

}
