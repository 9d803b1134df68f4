package io.adsw.bpmsoft.emulator.admin;

import java.io.IOException;

import io.adsw.bpmsoft.emulator.RawResponses;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control plane requests the web server refuses before the API reads them get a problem
 * detail, as the API's own refusals do, not Tomcat's HTML page or Spring Boot's error
 * document. Sent over a raw socket: HTTP clients encode what these tests leave unencoded.
 */
@StandTest
class ControlPlaneWebServerRefusalTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/emulator/api/journal?email=a b", "/emulator/api/journal;x=y", "/emulator/api/faults%2F1",
			"/emulator/api/journal%zz", "//emulator/api/journal", "/emulator//api/faults",
			"/emulator/api/journal?email=иван@example.com", "/emulator/api/journal?idCrm=\u0007" })
	void addressesTheWebServerRefusesGetAProblemDetail(String target) throws IOException {
		String response = RawResponses.signedIn(this.port, "GET " + target + " HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 400 ")
			.contains("\r\nContent-Type: application/problem+json\r\n")
			.endsWith("\r\n\r\n{\"detail\":\"" + ControlPlaneRefusalReport.MALFORMED
					+ "\",\"status\":400,\"title\":\"Bad Request\"}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/emulator/api/faults|DELETE, GET, POST", "/emulator/api/journal|DELETE, GET",
					"/emulator/api/state|GET, PUT", "/emulator/api/snapshots/before%20the%20demo/restore|POST",
					"/emulator/api/nothing|''" })
	void traceIsAProblemDetailWithTheMethodsTheOperationsTake(String target, String allow) throws IOException {
		String response = RawResponses.signedIn(this.port, "TRACE " + target + " HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 405 ")
			.contains("\r\nAllow: " + allow + "\r\n")
			.contains("\r\nContent-Type: application/problem+json\r\n")
			.endsWith("\r\n\r\n{\"detail\":\"Method 'TRACE' is not supported.\",\"status\":405,"
					+ "\"title\":\"Method Not Allowed\"}");
	}

}
