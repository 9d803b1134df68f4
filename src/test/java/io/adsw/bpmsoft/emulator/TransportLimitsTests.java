package io.adsw.bpmsoft.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of the web server in front of the stand: header size, and clients that stop
 * sending half-way (slowloris). A client that never finishes its request must not hold a
 * request thread: the server drops it after {@code server.tomcat.connection-timeout}.
 */
@StandTest
@TestPropertySource(properties = { "server.tomcat.connection-timeout=1s", "server.tomcat.threads.max=4" })
class TransportLimitsTests {

	/**
	 * How long a test waits for the server to drop a connection; far above the timeout.
	 */
	private static final int PATIENCE_MILLIS = 30_000;

	private static final String SUPERVISOR_BASIC = java.util.Base64.getEncoder()
		.encodeToString("Supervisor:Supervisor".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	@Test
	void headersOverTheLimitAre400() throws IOException {
		String request = "POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nX-Elma-Service: "
				+ ElmaClient.KEY + "\r\nX-Padding: " + "a".repeat(20 * 1024)
				+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
		assertThat(exchange(request)).startsWith("HTTP/1.1 400 ")
			.contains("Content-Type: application/json;charset=utf-8")
			.endsWith("{\"status\":400,\"error_message\":\"" + Contract.MALFORMED_REQUEST + "\"}");
	}

	@Test
	void aConnectionServesMoreThanAHundredRequests() throws IOException {
		String refused = "POST " + ElmaClient.CREATE
				+ " HTTP/1.1\r\nHost: localhost\r\nX-Elma-Service: wrong\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
		StringBuilder requests = new StringBuilder();
		for (int i = 1; i < 150; i++) {
			requests.append(refused);
		}
		requests.append(refused.replace("Host: localhost", "Host: localhost\r\nConnection: close"));
		String answers = exchange(requests.toString());
		assertThat(answers.split("HTTP/1.1 403 ", -1)).hasSize(151);
		assertThat(answers).doesNotContain("HTTP/1.1 400").endsWith(Contract.FORBIDDEN + "\"}");
	}

	@Test
	void aBodyTheClientStopsSendingGetsTheEnvelope() throws IOException {
		String request = "POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nX-Elma-Service: "
				+ ElmaClient.KEY + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"id_crm\":";
		assertThat(exchange(request)).startsWith("HTTP/1.1 400 ")
			.endsWith("{\"status\":400,\"error_message\":\"" + Contract.REQUEST_NOT_RECEIVED + "\"}");
	}

	@Test
	void aDataServiceBodyTheClientStopsSendingGetsAnODataError() throws IOException {
		String request = "POST /0/odata/Contact HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + SUPERVISOR_BASIC
				+ "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"Name\":";
		assertThat(exchange(request)).startsWith("HTTP/1.1 408 ")
			.endsWith("{\"error\":{\"code\":\"\",\"message\":\"The request was not received in full: the client stopped"
					+ " sending it.\",\"innererror\":{\"message\":\"The request was not received in full: the client"
					+ " stopped sending it.\",\"type\":\"\",\"stacktrace\":\"\"}}}");
	}

	@Test
	void aControlPlaneBodyTheClientStopsSendingGetsAProblemDetail() throws IOException {
		String request = "POST /emulator/api/faults HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
				+ SUPERVISOR_BASIC + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"status\":";
		assertThat(exchange(request)).startsWith("HTTP/1.1 408 ")
			.contains("\r\nContent-Type: application/problem+json\r\n")
			.endsWith(
					"{\"detail\":\"the request was not received in full: the client stopped sending it\",\"status\":408,"
							+ "\"title\":\"Request Timeout\"}");
	}

	@Test
	void headersUnderTheLimitAreServed() {
		new ElmaClient(this.port).request()
			.header("X-Padding", "a".repeat(12 * 1024))
			.body("{}")
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@Test
	void clientsThatStopMidRequestAreDroppedAndTheStandServesOthers() throws IOException {
		// More stalled clients than request threads: were they to keep their threads, the
		// last request would wait for ever.
		List<Socket> stalled = new ArrayList<>();
		try {
			for (int i = 0; i < 6; i++) {
				stalled.add(send((i % 2 == 0) ? "POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: loc"
						: "POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nX-Elma-Service: "
								+ ElmaClient.KEY + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
								+ "{\"id_crm\":"));
			}
			for (Socket socket : stalled) {
				readToEnd(socket);
			}
		}
		finally {
			for (Socket socket : stalled) {
				socket.close();
			}
		}
		new ElmaClient(this.port).post(ElmaClient.CREATE, "{}").spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	private Socket send(String text) throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(PATIENCE_MILLIS);
		OutputStream out = socket.getOutputStream();
		out.write(text.getBytes(StandardCharsets.UTF_8));
		out.flush();
		return socket;
	}

	private String exchange(String request) throws IOException {
		try (Socket socket = send(request)) {
			return readToEnd(socket);
		}
	}

	/**
	 * Everything the server sends until it closes the connection; a read that outlasts
	 * {@link #PATIENCE_MILLIS} fails the test.
	 */
	private static String readToEnd(Socket socket) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
				received.write(buffer, 0, read);
			}
		}
		catch (java.net.SocketException ex) {
			// A reset after the answer is a dropped connection too.
		}
		return received.toString(StandardCharsets.UTF_8);
	}

}
