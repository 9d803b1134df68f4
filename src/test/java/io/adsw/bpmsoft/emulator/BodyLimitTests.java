package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The data service and the control plane read a body whole: one over its limit is refused
 * with 413 in the service's own format before it is read, by its {@code Content-Length}
 * or, sent in chunks, once more than the limit has arrived; and nothing is written.
 * Authentication comes first.
 */
@StandTest
@TestPropertySource(properties = { "emulator.body-limits.data-service=1KB", "emulator.body-limits.control-plane=2KB" })
class BodyLimitTests {

	private static final String DATA_SERVICE_REFUSAL = "The request body is larger than the 1024 bytes the data"
			+ " service takes (emulator.body-limits.data-service).";

	@LocalServerPort
	int port;

	@Test
	void dataServiceBodyOverTheLimitIs413InAnODataErrorAndWritesNothing() {
		String name = "Limit " + System.nanoTime();
		Response response = basic().contentType("application/json")
			.body("{\"Name\":\"" + name + "\",\"JobTitle\":\"" + "x".repeat(1100) + "\"}")
			.post("/0/odata/Contact");
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.header("Connection")).isEqualTo("close");
		assertThat(response.asString()).isEqualTo(
				"{\"error\":{\"code\":\"\",\"message\":\"" + DATA_SERVICE_REFUSAL + "\",\"innererror\":{\"message\":\""
						+ DATA_SERVICE_REFUSAL + "\",\"type\":\"\",\"stacktrace\":\"\"}}}");
		assertThat(count(name)).isEqualTo("0");
	}

	@Test
	void dataServiceBodySentInChunksIsTakenUnderTheLimitAndRefusedOverIt() throws IOException {
		String name = "Chunked " + System.nanoTime();
		String small = "{\"Name\":\"" + name + "\"}";
		assertThat(chunked("/0/odata/Contact", small)).startsWith("HTTP/1.1 201 ");
		assertThat(count(name)).isEqualTo("1");
		String large = "{\"Name\":\"" + name + " large\",\"JobTitle\":\"" + "x".repeat(1100) + "\"}";
		assertThat(chunked("/0/odata/Contact", large)).startsWith("HTTP/1.1 413 ").contains(DATA_SERVICE_REFUSAL);
		assertThat(count(name + " large")).isEqualTo("0");
	}

	@Test
	void controlPlaneBodyOverTheLimitIs413InAProblemDetail() {
		basic().contentType("application/json")
			.body("{\"contacts\":[{\"email\":\"limit@example.com\",\"name\":\"" + "x".repeat(2100)
					+ "\"}],\"approvals\":[]}")
			.put("/emulator/api/state")
			.then()
			.statusCode(413)
			.contentType("application/problem+json")
			.body("detail", equalTo("the request body is larger than the 2048 bytes the control plane takes"
					+ " (emulator.body-limits.control-plane)"));
	}

	/**
	 * A declared length is checked before anything else, as IIS checks it; a body sent in
	 * chunks is read only once the request is authenticated.
	 */
	@Test
	void anonymousBodyIsRefusedByItsDeclaredLengthFirstAndSentInChunksAsAnonymous() throws IOException {
		given().port(this.port)
			.contentType("application/json")
			.body("{\"Name\":\"" + "x".repeat(1100) + "\"}")
			.post("/0/odata/Contact")
			.then()
			.statusCode(413);
		given().port(this.port)
			.contentType("application/x-www-form-urlencoded")
			.body("name=" + "x".repeat(2100))
			.put("/emulator/api/state")
			.then()
			.statusCode(413);
		assertThat(chunked("/0/odata/Contact", "{\"Name\":\"" + "x".repeat(1100) + "\"}", false))
			.startsWith("HTTP/1.1 401 ");
	}

	/** The limit holds for the address as the services read it, decoded. */
	@Test
	void encodedAddressIsLimitedAsTheAddressItDecodesTo() {
		basic().urlEncodingEnabled(false)
			.contentType("application/json")
			.body("{\"contacts\":[{\"email\":\"limit@example.com\",\"name\":\"" + "x".repeat(2100)
					+ "\"}],\"approvals\":[]}")
			.put("/emulator/%61pi/state")
			.then()
			.statusCode(413);
	}

	private io.restassured.specification.RequestSpecification basic() {
		return given().port(this.port).auth().preemptive().basic(CreatioClient.USER, CreatioClient.PASSWORD);
	}

	private String count(String name) {
		return basic().queryParam("$filter", "Name eq '" + name + "'")
			.get("/0/odata/Contact/$count")
			.then()
			.statusCode(200)
			.extract()
			.asString();
	}

	private String chunked(String path, String body) throws IOException {
		return chunked(path, body, true);
	}

	/** A POST whose body is sent in chunks, without a Content-Length. */
	private String chunked(String path, String body, boolean signedIn) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		String credentials = Base64.getEncoder()
			.encodeToString((CreatioClient.USER + ":" + CreatioClient.PASSWORD).getBytes(StandardCharsets.UTF_8));
		StringBuilder request = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
				+ (signedIn ? "Authorization: Basic " + credentials + "\r\n" : "")
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
		for (int from = 0; from < bytes.length; from += 256) {
			int length = Math.min(256, bytes.length - from);
			request.append(Integer.toHexString(length))
				.append("\r\n")
				.append(new String(bytes, from, length, StandardCharsets.ISO_8859_1))
				.append("\r\n");
		}
		request.append("0\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			return RawResponses.read(socket);
		}
	}

}
