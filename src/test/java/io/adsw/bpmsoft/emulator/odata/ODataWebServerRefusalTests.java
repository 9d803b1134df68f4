package io.adsw.bpmsoft.emulator.odata;

import java.io.IOException;

import io.adsw.bpmsoft.emulator.RawResponses;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests to the data service that the web server refuses before the service reads them
 * get an OData error saying what to look for, not Tomcat's HTML page; characters IIS
 * takes unencoded in a query string reach the service, which refuses what it cannot parse
 * in its own words. Sent over a raw socket: HTTP clients encode what these tests leave
 * unencoded.
 */
@StandTest
class ODataWebServerRefusalTests {

	private static final String MALFORMED = DataService.JSON
		.writeValueAsString(DataService.error(ODataRefusalReport.MALFORMED, ODataRefusalReport.MALFORMED_DETAIL));

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata/Contact?$filter=Name eq 'x'", "/0/odata/Contact%2F", "/0/odata/Contact;a=b",
			"/odata//Contact", "/0/odata/%2e%2e/Contact", "/0/odata/Con\"tact", "/0/odata/Contact?$filter=a b",
			"/0//odata/Contact", "//0/odata/Contact", "//odata/Contact", "/0%2Fodata/Contact",
			"/0/odata/Contact?$filter=contains(Name,'Ив')", "/0/odata/Contact?$filter=Name%20eq%20'\u0001'",
			"/0/./odata/Contact", "/x/../0/odata/Contact", "/0;x/odata/Contact", "/0/odata;x/Contact",
			"/0/%6fdata/Contact", "/%30/odata/Contact" })
	void addressesTheWebServerRefusesGetAnODataErrorSayingWhatToLookFor(String target) throws IOException {
		String response = RawResponses.signedIn(this.port, "GET " + target + " HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 400 ")
			.containsIgnoringCase("\r\nOData-Version: 4.0\r\n")
			.contains("\r\nContent-Type: application/json;odata.metadata=minimal")
			.endsWith("\r\n\r\n" + MALFORMED);
	}

	@Test
	void headersOverTheLimitGetAnODataError() throws IOException {
		String response = RawResponses.signedIn(this.port,
				"GET /0/odata/Contact HTTP/1.1\r\nX-Padding: " + "x".repeat(17 * 1024));
		assertThat(response).startsWith("HTTP/1.1 400 ").endsWith("\r\n\r\n" + MALFORMED);
	}

	@Test
	void doubleQuotesLeftUnencodedInTheQueryReachTheServiceWhichPointsAtThem() throws IOException {
		String response = RawResponses.signedIn(this.port,
				"GET /0/odata/Contact?$filter=Email%20eq%20\"x@example.com\" HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 400 ")
			.endsWith("\r\n\r\n" + DataService.JSON.writeValueAsString(DataService.invalidQuery(
					"The URI is malformed: text values are written in single quotes ('x'), not in double quotes.")));
	}

	@Test
	void bracesLeftUnencodedInATextValueAreRead() throws IOException {
		String response = RawResponses.signedIn(this.port,
				"GET /0/odata/Contact?$filter=Name%20eq%20'{x}'&$select=Id HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 200 ").endsWith("\"value\":[]}");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/0/odata/Contact|GET, POST",
					"/odata/Contact(8a4c1f6e-2b7d-4c1e-9f3a-5d6e7f8a9b0c)|GET, PATCH, PUT, DELETE",
					"/0/odata/$metadata|GET, HEAD", "/0/odata/ApprovalVisa|GET" })
	void traceIsRefusedWithTheMethodsTheResourceTakes(String target, String allow) throws IOException {
		String response = RawResponses.signedIn(this.port, "TRACE " + target + " HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 405 ")
			.contains("\r\nAllow: " + allow + "\r\n")
			.contains("\"message\":\"The requested resource does not support http method 'TRACE'.\"");
	}

	@Test
	void traceOfAnAddressThatNamesNothingAllowsNoMethod() throws IOException {
		String response = RawResponses.signedIn(this.port, "TRACE /0/odata/Nothing HTTP/1.1");
		assertThat(response).startsWith("HTTP/1.1 405 ")
			.contains("\r\nAllow: \r\n")
			.endsWith(DataService.JSON.writeValueAsString(DataService.error(
					"The requested resource does not support http method 'TRACE'.", "The address names no resource.")));
	}

}
