package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's curl examples, replayed in order against the local stand as it ships (demo
 * seed, demo key): each must answer exactly what the README prints after it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:readme;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
@ContextConfiguration(initializers = TestDatabase.Initializer.class)
class ReadmeExamplesTests {

	private static final Pattern BLOCK = Pattern.compile("```(bash|json)\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern TOKEN = Pattern.compile("'([^']*)'|(\\S+)");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@TestFactory
	Stream<DynamicTest> curlExamplesAnswerAsDocumented() throws IOException {
		List<Example> examples = examples(Files.readString(Path.of("README.md")));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		return examples.stream()
			.map((example) -> DynamicTest.dynamicTest(example.curl().lines().reduce((a, b) -> b).orElse(""),
					() -> assertThat(JSON.readTree(run(example.curl()))).isEqualTo(JSON.readTree(example.answer()))));
	}

	/**
	 * Each bash block with a curl command, paired with the json block that follows it.
	 */
	private static List<Example> examples(String readme) {
		List<Example> examples = new ArrayList<>();
		String curl = null;
		Matcher block = BLOCK.matcher(readme);
		while (block.find()) {
			if (block.group(1).equals("bash")) {
				curl = block.group(2).contains("curl ") ? block.group(2) : null;
			}
			else if (curl != null) {
				examples.add(new Example(curl, block.group(2)));
				curl = null;
			}
		}
		return examples;
	}

	/**
	 * Sends what the curl command would: its URL, {@code -H} headers and {@code --data}
	 * body.
	 */
	private String run(String curl) throws IOException, InterruptedException {
		List<String> tokens = new ArrayList<>();
		Matcher token = TOKEN.matcher(curl.replace("\\\n", " "));
		while (token.find()) {
			tokens.add((token.group(1) != null) ? token.group(1) : token.group(2));
		}
		assertThat(tokens.get(0)).isEqualTo("curl");
		HttpRequest.Builder request = HttpRequest.newBuilder();
		String body = null;
		for (int i = 1; i < tokens.size(); i++) {
			String argument = tokens.get(i);
			switch (argument) {
				case "-s" -> {
				}
				case "-H" -> {
					String[] header = tokens.get(++i).split(":\\s*", 2);
					request.header(header[0], header[1]);
				}
				case "--data" -> body = tokens.get(++i);
				default ->
					request.uri(URI.create(argument.replace("http://localhost:8080", "http://localhost:" + this.port)));
			}
		}
		request.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
				: HttpRequest.BodyPublishers.noBody());
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
	}

	private record Example(String curl, String answer) {

	}

}
