package io.adsw.bpmsoft.emulator.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The stand as users run it: {@code java -jar bpmsoft-emulator.jar} in a process of its
 * own, which can be stopped as an operator does or killed with {@code SIGKILL}.
 */
final class StandProcess {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private StandProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the jar with the settings given as {@code --name=value} arguments and waits
	 * until it answers its health check.
	 * @param log where the stand's output goes (appended)
	 */
	static StandProcess start(Path jar, Path log, List<String> settings) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.add("-Xmx512m");
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.addAll(settings);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			StandProcess stand = new StandProcess(process, port);
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!process.isAlive()) {
					throw new IllegalStateException("The stand exited with " + process.exitValue() + "; see " + log);
				}
				return stand.health() == 200;
			});
			return stand;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + jar, ex);
		}
	}

	int port() {
		return this.port;
	}

	/** The HTTP status of {@code /actuator/health}, or 0 when nothing answers. */
	int health() {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
				.timeout(Duration.ofSeconds(10))
				.build();
			return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	/** {@code kill -9}: no shutdown hook runs, nothing is flushed. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** {@code kill}: the graceful shutdown an operator asks for. */
	void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
