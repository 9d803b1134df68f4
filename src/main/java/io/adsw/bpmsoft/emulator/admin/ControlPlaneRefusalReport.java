package io.adsw.bpmsoft.emulator.admin;

import java.util.Map;
import java.util.Optional;

import io.adsw.bpmsoft.emulator.BodyLimits;
import io.adsw.bpmsoft.emulator.RefusalReport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * A problem detail, as the control plane's own refusals are, for its requests the web
 * server refuses before the API reads them: most often a space left unencoded in an
 * address typed for {@code curl}.
 */
@Component
class ControlPlaneRefusalReport implements RefusalReport {

	static final String MALFORMED = "the web server refused the request: look for a space left unencoded in the"
			+ " address (send it as %20), a letter outside ASCII or a control character left unencoded (send it"
			+ " percent-encoded as UTF-8), a '%' not followed by two hex digits, an encoded slash (%2F), an empty"
			+ " segment (//) or a ';' or '..' segment in its path, or headers over 16 KB in all";

	static final String NOT_RECEIVED = "the request was not received in full: the client stopped sending it";

	private final JsonMapper jsonMapper;

	private final ControlPlaneOperations operations;

	private final BodyLimits limits;

	ControlPlaneRefusalReport(JsonMapper jsonMapper, ControlPlaneOperations operations, BodyLimits limits) {
		this.jsonMapper = jsonMapper;
		this.operations = operations;
		this.limits = limits;
	}

	@Override
	public boolean covers(String requestUri) {
		return requestUri.startsWith("/emulator/api/") || requestUri.equals("/emulator/api");
	}

	@Override
	public Optional<Answer> answer(int status, String requestUri, String method, @Nullable Throwable failure) {
		// The API answers everything else itself; what else reaches the error page is a
		// failure of the stand's, which Spring Boot's error document reports.
		String detail = switch (status) {
			case 400 -> RefusalReport.timedOut(failure) ? NOT_RECEIVED : MALFORMED;
			case 405 -> "Method '" + method + "' is not supported.";
			case 408 -> NOT_RECEIVED;
			case 413 -> "the request body is larger than the " + this.limits.controlPlane().toBytes()
					+ " bytes the control plane takes (emulator.body-limits.control-plane)";
			default -> null;
		};
		if (detail == null) {
			return Optional.empty();
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		return Optional
			.of(new Answer(MediaType.APPLICATION_PROBLEM_JSON_VALUE, this.jsonMapper.writeValueAsString(problem),
					(status == 405)
							? Map.of(HttpHeaders.ALLOW, String.join(", ", this.operations.methodsAt(requestUri)))
							: Map.of()));
	}

}
