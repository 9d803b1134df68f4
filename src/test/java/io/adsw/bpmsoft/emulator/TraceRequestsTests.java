package io.adsw.bpmsoft.emulator;

import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * TRACE is refused everywhere, by the web server before the stand, and a request is never
 * echoed back with its cookies and credentials (cross-site tracing).
 */
@StandTest
class TraceRequestsTests {

	private static final String PROBE = "trace-probe-7f3c";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/ServiceModel/ElmaService.svc/CreateChainOfApproval", "/actuator/health",
			"/emulator/api/journal", "/0/odata/Contact", "/odata/$metadata", "/ServiceModel/AuthService.svc/Login",
			"/nowhere" })
	void traceIsRefusedAndNothingIsEchoed(String path) {
		Response response = given().port(this.port)
			.auth()
			.preemptive()
			.basic(CreatioClient.USER, CreatioClient.PASSWORD)
			.header("X-Probe", PROBE)
			.cookie("BPMCSRF", PROBE)
			.request("TRACE", path);
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.asString()).doesNotContain(PROBE);
		assertThat(response.getHeaders().toString()).doesNotContain(PROBE);
	}

}
