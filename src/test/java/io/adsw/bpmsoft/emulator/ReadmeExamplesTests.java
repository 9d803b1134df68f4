package io.adsw.bpmsoft.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
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

	private static final Pattern BLOCK = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

	private static final Pattern TOKEN = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)");

	/**
	 * A cookie's value read from curl's cookie jar, as the README reads {@code BPMCSRF}:
	 * {@code $(awk '$6=="BPMCSRF"{print $7}' cookies.txt)}.
	 */
	private static final Pattern JAR_VALUE = Pattern
		.compile("\\$\\(awk '\\$6==\"([^\"]+)\"\\{print \\$7\\}' (\\S+)\\)");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	/** curl's cookie jars by file name: what {@code -c} wrote, for {@code -b} to send. */
	private final Map<String, Map<String, String>> jars = new HashMap<>();

	@TestFactory
	Stream<DynamicTest> curlExamplesAnswerAsDocumented() throws IOException {
		List<Example> examples = examples(Files.readString(Path.of("README.md")));
		assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
		return examples.stream()
			.map((example) -> DynamicTest.dynamicTest(example.curl().lines().reduce((a, b) -> b).orElse(""), () -> {
				Answer answer = run(example.curl());
				if (example.answer() != null) {
					assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree(example.answer()));
				}
				else {
					assertThat(answer.status()).as("an example shown without its answer succeeds").isBetween(200, 299);
				}
			}));
	}

	/**
	 * Each bash block with a curl command, in order, paired with the json block right
	 * after it, if any. They all run, in order: one without a json block is a step of the
	 * examples, such as a logout.
	 */
	private static List<Example> examples(String readme) {
		List<Example> examples = new ArrayList<>();
		String curl = null;
		Matcher block = BLOCK.matcher(readme);
		while (block.find()) {
			boolean json = block.group(1).equals("json");
			if (curl != null) {
				examples.add(new Example(curl, json ? block.group(2) : null));
				curl = null;
			}
			if (block.group(1).equals("bash") && block.group(2).contains("curl ")) {
				curl = block.group(2);
			}
		}
		if (curl != null) {
			examples.add(new Example(curl, null));
		}
		return examples;
	}

	/**
	 * Sends what the curl command would: its URL, method ({@code -X}, or POST with
	 * {@code --data}, else GET), {@code -H} headers, {@code -u} Basic credentials,
	 * {@code --data} body and the cookies of the {@code -b} jar; {@code -c} keeps the
	 * cookies set in a jar. The answer names the stand as the README does, on port 8080.
	 */
	private Answer run(String curl) throws IOException, InterruptedException {
		String command = JAR_VALUE.matcher(curl.replace("\\\n", " "))
			.replaceAll((value) -> Matcher
				.quoteReplacement(this.jars.getOrDefault(value.group(2), Map.of()).getOrDefault(value.group(1), "")));
		List<String> tokens = new ArrayList<>();
		Matcher token = TOKEN.matcher(command);
		while (token.find()) {
			// Inside double quotes bash keeps the text but for \$, \", \\ and \` escapes.
			tokens.add((token.group(1) != null) ? token.group(1)
					: (token.group(2) != null) ? token.group(2).replaceAll("\\\\([$\"\\\\`])", "$1") : token.group(3));
		}
		assertThat(tokens.get(0)).isEqualTo("curl");
		HttpRequest.Builder request = HttpRequest.newBuilder();
		String method = null;
		String body = null;
		Map<String, String> cookies = new LinkedHashMap<>();
		String savedJar = null;
		String url = null;
		boolean query = false;
		List<String> encoded = new ArrayList<>();
		for (int i = 1; i < tokens.size(); i++) {
			String argument = tokens.get(i);
			switch (argument) {
				case "-s" -> {
				}
				case "-H" -> {
					String[] header = tokens.get(++i).split(":\\s*", 2);
					request.header(header[0], header[1]);
				}
				case "-u" -> request.header("Authorization", "Basic "
						+ Base64.getEncoder().encodeToString(tokens.get(++i).getBytes(StandardCharsets.UTF_8)));
				case "-X" -> method = tokens.get(++i);
				case "--data" -> body = tokens.get(++i);
				case "-b" -> cookies.putAll(this.jars.getOrDefault(tokens.get(++i), Map.of()));
				case "-c" -> savedJar = tokens.get(++i);
				case "-G" -> query = true;
				case "--data-urlencode" -> {
					String[] pair = tokens.get(++i).split("=", 2);
					encoded.add(pair[0] + "=" + URLEncoder.encode(pair[1], StandardCharsets.UTF_8).replace("+", "%20"));
				}
				default -> {
					assertThat(argument).as("a curl option this test understands").doesNotStartWith("-");
					url = argument.replace("http://localhost:8080", "http://localhost:" + this.port);
				}
			}
		}
		assertThat(url).as("the URL of " + curl).isNotNull();
		if (!encoded.isEmpty()) {
			assertThat(query).as("--data-urlencode goes with -G in these examples").isTrue();
			url = url + (url.contains("?") ? "&" : "?") + String.join("&", encoded);
		}
		request.uri(URI.create(url));
		if (!cookies.isEmpty()) {
			request.header("Cookie",
					cookies.entrySet()
						.stream()
						.map((cookie) -> cookie.getKey() + "=" + cookie.getValue())
						.collect(Collectors.joining("; ")));
		}
		request.method((method != null) ? method : (body != null) ? "POST" : "GET",
				(body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = HTTP.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (savedJar != null) {
			response.headers().allValues("Set-Cookie").forEach((header) -> keep(cookies, header));
			this.jars.put(savedJar, cookies);
		}
		return new Answer(response.statusCode(), response.body().replace("localhost:" + this.port, "localhost:8080"));
	}

	/** Keeps a cookie set by an answer, or drops one it expires, as curl's jar does. */
	private static void keep(Map<String, String> cookies, String setCookie) {
		String[] parts = setCookie.split(";");
		String[] cookie = parts[0].split("=", 2);
		boolean expired = Arrays.stream(parts).skip(1).anyMatch((part) -> part.strip().equalsIgnoreCase("Max-Age=0"));
		if (expired) {
			cookies.remove(cookie[0].strip());
		}
		else {
			cookies.put(cookie[0].strip(), cookie[1]);
		}
	}

	private record Answer(int status, String body) {

	}

	private record Example(String curl, @Nullable String answer) {

	}

}
