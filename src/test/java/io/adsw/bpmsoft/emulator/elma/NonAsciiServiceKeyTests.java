package io.adsw.bpmsoft.emulator.elma;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stand key outside ASCII: ELMA sends it as UTF-8 bytes, which must meet it.
 */
@StandTest
@TestPropertySource(properties = "emulator.elma.service-key=" + NonAsciiServiceKeyTests.KEY)
class NonAsciiServiceKeyTests {

	/** Written in ISO-8859-1 too, so that a test can send it in the wrong encoding. */
	static final String KEY = "clé";

	@LocalServerPort
	int port;

	@Test
	void keySentInUtf8IsAccepted() throws IOException {
		assertThat(send(KEY, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 400 ")
			.endsWith("{\"status\":400,\"error_message\":\"" + Contract.ID_CRM_EMPTY + "\"}");
	}

	@Test
	void sameKeyInAnotherEncodingIsWrong() throws IOException {
		assertThat(send(KEY, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 403 ")
			.endsWith("{\"status\":403,\"error_message\":\"" + Contract.FORBIDDEN + "\"}");
	}

	private String send(String key, Charset charset) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 2\r\nX-Elma-Service: ")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(key.getBytes(charset));
			out.write("\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
