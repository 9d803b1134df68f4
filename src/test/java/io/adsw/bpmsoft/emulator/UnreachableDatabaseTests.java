package io.adsw.bpmsoft.emulator;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A stand whose database does not answer, or is of a kind it does not run on, refuses to
 * start in a few lines naming the address (without its parameters, which may hold a
 * password), instead of a stack trace of some 240 lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnreachableDatabaseTests {

	@Test
	void standWhosePostgresqlDoesNotAnswerRefusesToStartNamingIt(CapturedOutput output) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			// A port nothing listens on once the socket is closed.
			port = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + port + "/stand";
		assertThatException().isThrownBy(() -> start(url + "?password=db-secret-1"));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nThe database at " + url + " did not answer: Connection to 127.0.0.1:" + port
					+ " refused.")
			.contains("Action:\n\nStart the database first (docker compose starts PostgreSQL before the stand and"
					+ " waits for it), or correct spring.datasource.url, .username and .password.\n")
			.doesNotContain("db-secret-1")
			.doesNotContain("\tat ");
	}

	@Test
	void standOnADatabaseItDoesNotRunOnRefusesToStartNamingIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("jdbc:mysql://localhost:3306/stand?password=db-secret-2"));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nspring.datasource.url names a database the stand does not run on:"
					+ " jdbc:mysql://localhost:3306/stand.\n")
			.contains("Action:\n\nGive a jdbc:postgresql: URL, or a jdbc:h2: one (or leave the setting out for the"
					+ " embedded H2 database in ./data).\n")
			.doesNotContain("db-secret-2")
			.doesNotContain("\tat ");
	}

	private static void start(String url) {
		new SpringApplicationBuilder(EmulatorApplication.class).run("--server.port=0", "--spring.datasource.url=" + url)
			.close();
	}

}
