package io.adsw.bpmsoft.emulator.elma;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.RawResponses;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.json;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What comes before check 1: method, size and content type, and bodies as ELMA really
 * sends them (the integration note's NO-BREAK SPACE indentation, a BOM, any charset).
 */
@StandTest
class ElmaTransportTests {

	private static final int MEBIBYTE = 1024 * 1024;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String SUCCESS = "{\"status\":200,\"error_message\":\"\"}";

	@LocalServerPort
	int port;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@Autowired
	AdminClient admin;

	@ParameterizedTest
	@ValueSource(strings = { "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "BREW" })
	void otherMethodsAreNotAllowedEvenWithoutKey(String method) {
		given().port(this.port)
			.request(method, ElmaClient.CREATE)
			.then()
			.spec(answer(405, "Метод HTTP " + method + " не поддерживается: ElmaService принимает только POST"))
			.header("Allow", "POST");
		this.elma.request()
			.request(method, ElmaClient.CHANGE)
			.then()
			.spec(answer(405, "Метод HTTP " + method + " не поддерживается: ElmaService принимает только POST"))
			.header("Allow", "POST");
	}

	/**
	 * A form body sent with another method is the service's to answer and to journal as
	 * sent, even one that is no valid form.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "PUT", "DELETE", "PATCH" })
	void otherMethodsWithAFormBodyAreNotAllowedAndJournaledWithIt(String method) {
		String body = "id_crm=form-" + method + "&broken=%";
		this.elma.request()
			.contentType("application/x-www-form-urlencoded")
			.body(body)
			.request(method, ElmaClient.CREATE)
			.then()
			.spec(answer(405, "Метод HTTP " + method + " не поддерживается: ElmaService принимает только POST"));
		this.admin.given()
			.queryParam("status", 405)
			.queryParam("size", 1)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("items[0].requestBody", equalTo(body))
			.body("items[0].bodyTruncated", equalTo(false));
	}

	/**
	 * Tomcat implements no CONNECT; ELMA is told it is a method the service does not
	 * take.
	 */
	@Test
	void connectIsNotAllowedEither() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream()
				.write(("CONNECT " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Elma-Service: "
						+ ElmaClient.KEY + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			assertThat(RawResponses.read(socket)).startsWith("HTTP/1.1 405 ")
				.contains("\r\nAllow: POST\r\n")
				.endsWith("{\"status\":405,\"error_message\":\"Метод HTTP CONNECT не поддерживается: ElmaService"
						+ " принимает только POST\"}");
		}
	}

	/** In any case of the address, as the service's own answers. */
	@ParameterizedTest
	@ValueSource(strings = { ElmaClient.CREATE, "/servicemodel/elmaservice.svc/createchainofapproval" })
	void traceGetsTheEnvelopeFromTheWebServer(String address) {
		this.elma.request()
			.request("TRACE", address)
			.then()
			.spec(answer(405, "Метод HTTP TRACE не поддерживается: ElmaService принимает только POST"))
			.header("Allow", "POST");
	}

	/**
	 * Addresses Spring Security's firewall or Tomcat itself refuses before the service
	 * sees them still get the envelope ELMA reads.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/ServiceModel/ElmaService.svc/CreateChainOfApproval;a=b",
			"/ServiceModel/ElmaService.svc//CreateChainOfApproval",
			"/ServiceModel/ElmaService.svc/%2e%2e/CreateChainOfApproval",
			"/ServiceModel/ElmaService.svc/Create%2FChainOfApproval",
			"/ServiceModel/ElmaService.svc%2FCreateChainOfApproval",
			// ELMA's base address ending in a slash
			"//ServiceModel/ElmaService.svc/CreateChainOfApproval",
			"/ServiceModel//ElmaService.svc/CreateChainOfApproval",
			"/ServiceModel/./ElmaService.svc/CreateChainOfApproval",
			"/./ServiceModel/ElmaService.svc/CreateChainOfApproval",
			"/x/../ServiceModel/ElmaService.svc/CreateChainOfApproval",
			"/ServiceModel/%2E/ElmaService.svc/CreateChainOfApproval",
			"/ServiceModel;x/ElmaService.svc/CreateChainOfApproval",
			"/ServiceModel/ElmaService%2Esvc/CreateChainOfApproval" })
	void addressesRefusedByTheWebServerGetTheEnvelope(String target) throws Exception {
		HttpResponse<String> response = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + target))
				.header("X-Elma-Service", ElmaClient.KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
		assertThat(response.body())
			.isEqualTo("{\"status\":400,\"error_message\":\"" + Contract.MALFORMED_REQUEST + "\"}");
	}

	@Test
	void headIsNotAllowed() {
		given().port(this.port).head(ElmaClient.CREATE).then().statusCode(405).header("Allow", "POST");
	}

	@Test
	void bodyOverOneMebibyteIsTooLargeEvenWithoutKey() {
		this.elma.anonymous()
			.body(new byte[MEBIBYTE + 1])
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(413, "Тело запроса больше допустимых 1048576 байт"));
	}

	@Test
	void bodyOfExactlyOneMebibyteIsRead() {
		byte[] body = new byte[MEBIBYTE];
		Arrays.fill(body, (byte) ' ');
		body[0] = '{';
		body[MEBIBYTE - 1] = '}';
		this.elma.request().body(body).post(ElmaClient.CREATE).then().spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@Test
	void chunkedBodyOverOneMebibyteIsTooLarge() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(
					("POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
							+ "Transfer-Encoding: chunked\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
			byte[] chunk = new byte[64 * 1024];
			Arrays.fill(chunk, (byte) ' ');
			for (int i = 0; i < 17; i++) {
				out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(chunk);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.flush();
			assertThat(RawResponses.read(socket, "\"error_message\"")).startsWith("HTTP/1.1 413")
				.contains("Тело запроса больше допустимых 1048576 байт");
		}
	}

	@Test
	void tooLargeIsAnsweredWhileTheClientIsStillSending() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(
					("POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
							+ "Content-Length: " + (50 * MEBIBYTE) + "\r\n\r\n{\"id_crm\": \"")
						.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// Only a few bytes of the announced 50 MiB have been sent: the answer must
			// not wait
			// for the rest.
			assertThat(RawResponses.read(socket, "\"error_message\"")).startsWith("HTTP/1.1 413")
				.containsIgnoringCase("Connection: close")
				.contains("Тело запроса больше допустимых 1048576 байт");
		}
	}

	/**
	 * .NET's HttpWebRequest asks before sending a body ({@code Expect: 100-continue}): a
	 * body announced over the limit is refused before the client is told to send it, and
	 * a body within it is asked for and read.
	 */
	@Test
	void clientAskingBeforeSendingIsRefusedWithoutBeingAskedForATooLargeBody() throws IOException {
		String request = "POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\nX-Elma-Service: "
				+ ElmaClient.KEY + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ";
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write((request + 2_000_000 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().flush();
			assertThat(RawResponses.read(socket, "\"error_message\"")).startsWith("HTTP/1.1 413")
				.doesNotContain("HTTP/1.1 100")
				.contains("Тело запроса больше допустимых 1048576 байт");
		}
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((request + 2 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(RawResponses.read(socket, "\r\n\r\n")).startsWith("HTTP/1.1 100");
			out.write("{}".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(RawResponses.read(socket, "\"error_message\"")).startsWith("HTTP/1.1 400")
				.contains(Contract.ID_CRM_EMPTY);
		}
	}

	/**
	 * An address whose letters outside ASCII, or control characters, were left unencoded
	 * is refused by the web server before the stand reads it; the answer is still the
	 * envelope.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/ServiceModel/ElmaService.svc/Создать", "/ServiceModel/ElmaService.svc/Create?a=\u0001",
			"/servicemodel/elmaservice.svc/CreateChainOfApproval?ид=1" })
	void addressesWithBytesTheWebServerRefusesGetTheEnvelope(String target) throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write(("POST " + target + " HTTP/1.1\r\nHost: localhost\r\nX-Elma-Service: " + ElmaClient.KEY
						+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
					.getBytes(StandardCharsets.UTF_8));
			assertThat(RawResponses.read(socket, "\"}")).startsWith("HTTP/1.1 400 ")
				.contains("\r\nContent-Type: application/json;charset=utf-8\r\n")
				.endsWith("\r\n\r\n{\"status\":400,\"error_message\":\"" + Contract.MALFORMED_REQUEST + "\"}");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml", "text/json",
			"multipart/form-data; boundary=x", "*/*", "not a type" })
	void nonJsonContentTypeIsUnsupportedEvenWithoutKey(String contentType) throws Exception {
		HttpResponse<String> response = post(contentType, "{}".getBytes(StandardCharsets.UTF_8), false);
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).isEqualTo("{\"status\":415,\"error_message\":\"Тип содержимого «" + contentType
				+ "» не поддерживается: ElmaService принимает application/json\"}");
	}

	@Test
	void unknownCharsetIsUnsupported() throws Exception {
		HttpResponse<String> response = post("application/json; charset=klingon-8",
				"{}".getBytes(StandardCharsets.UTF_8), true);
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.body()).isEqualTo(
				"{\"status\":415,\"error_message\":\"Кодировка «klingon-8» не поддерживается: укажите известную кодировку, например UTF-8\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
			"Application/JSON; charset=\"utf-8\"", "application/vnd.elma+json", "application/json; odata=verbose" })
	void jsonContentTypesAreAccepted(String contentType) throws Exception {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		HttpResponse<String> response = post(contentType,
				json("id_crm", approval, "chain_of_approval", ivan).getBytes(StandardCharsets.UTF_8), true);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(SUCCESS);
	}

	@Test
	void missingContentTypeIsTakenAsJson() throws Exception {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		HttpResponse<String> response = post(null,
				json("id_crm", approval, "chain_of_approval", ivan).getBytes(StandardCharsets.UTF_8), true);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(SUCCESS);
	}

	@Test
	void declaredCharsetIsHonoured() throws Exception {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, ivan).spec(success());
		byte[] body = json("id_crm", approval, "approver", ivan, "resolution", "Отклонено")
			.getBytes(Charset.forName("windows-1251"));
		HttpResponse<String> response = post(ElmaClient.CHANGE, "application/json; charset=windows-1251", body, true);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.data.approvalView(approval).status()).isEqualTo("REJECTED");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "text/html", "text/plain" })
	void answerIsJsonWhateverTheAcceptHeader(String accept) {
		String approval = this.data.approval();
		this.elma.request()
			.accept(accept)
			.body(json("id_crm", approval, "chain_of_approval", "Согласовано"))
			.post(ElmaClient.CREATE)
			.then()
			.spec(success());
		this.elma.request()
			.accept(accept)
			.body("")
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@Test
	void integrationNoteExampleIndentedWithNoBreakSpacesIsAccepted() {
		String approval = this.data.approval();
		// Byte for byte as the integration note shows the automatic approval.
		String body = "{\n\u00a0\u00a0  \"id_crm\": \"" + approval
				+ "\",\n\u00a0\u00a0  \"chain_of_approval\": \"Согласовано\"\n}";
		this.elma.post(ElmaClient.CREATE, body).spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void chainTypedOverSeveralLinesIsRead() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String maria = this.data.contact("maria");
		// Raw line breaks and a tab inside the string, as a shell keeps them in --data
		// '...'.
		String body = "{\"id_crm\": \"" + approval + "\", \"chain_of_approval\": \"" + ivan + ";\n\t" + maria
				+ "\r\n\"}";
		this.elma.post(ElmaClient.CREATE, body).spec(success());
		assertThat(this.data.approvalView(approval).steps()).hasSize(2);
	}

	@Test
	void zeroWidthSpacesAndByteOrderMarksAreTrimmedLikeSpaces() {
		String approval = this.data.approval();
		String body = "\uFEFF{\u200B\"id_crm\":\"\u200B" + approval
				+ "\uFEFF\",\"chain_of_approval\":\"Согласовано\u200B\"}";
		this.elma.post(ElmaClient.CREATE, body).spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void unicodeSpacesBetweenTokensAreAccepted() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String body = "\u3000{\u2003\"id_crm\"\u2009:\u00a0\"" + approval + "\"\u2028,\u202f\"chain_of_approval\":\""
				+ ivan + "\"\u205f}\u00a0";
		this.elma.post(ElmaClient.CREATE, body).spec(success());
	}

	@Test
	void nextLineIsWhitespaceAsOnTheNetSide() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String body = "{\u0085\"id_crm\":\"" + approval + "\u0085\",\u0085\"chain_of_approval\":\"\u0085" + ivan
				+ "\"}\u0085";
		this.elma.post(ElmaClient.CREATE, body).spec(success());
	}

	@Test
	void informationSeparatorsAreNotWhitespace() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.post(ElmaClient.CREATE, json("id_crm", approval + "\u001f", "chain_of_approval", ivan))
			.spec(answer(400, Contract.approvalNotFound(approval + "\u001f")));
	}

	@Test
	void unicodeSpacesInsideStringsAreKeptAndTrimmedAsValues() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.post(ElmaClient.CREATE, json("id_crm", "\u2003" + approval, "chain_of_approval", ivan + "\u00a0"))
			.spec(success());
	}

	@Test
	void utf8ByteOrderMarkIsAccepted() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		byte[] json = json("id_crm", approval, "chain_of_approval", ivan).getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[json.length + 3];
		body[0] = (byte) 0xEF;
		body[1] = (byte) 0xBB;
		body[2] = (byte) 0xBF;
		System.arraycopy(json, 0, body, 3, json.length);
		this.elma.request().body(body).post(ElmaClient.CREATE).then().spec(success());
	}

	@Test
	void utf16WithByteOrderMarkIsAccepted() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, ivan).spec(success());
		byte[] body = ("\uFEFF" + json("id_crm", approval, "approver", ivan, "resolution", "Согласовано"))
			.getBytes(StandardCharsets.UTF_16LE);
		this.elma.request().body(body).post(ElmaClient.CHANGE).then().spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void bytesThatAreNotUtf8AreRefusedNamingTheByte() {
		byte[] body = { '{', '"', 'i', 'd', '_', 'c', 'r', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		this.elma.request()
			.body(body)
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(400, "Тело запроса не является корректным текстом в кодировке UTF-8 (байт 12)"));
	}

	private HttpResponse<String> post(@Nullable String contentType, byte[] body, boolean withKey) throws Exception {
		return post(ElmaClient.CREATE, contentType, body, withKey);
	}

	/**
	 * A POST with exactly the headers given, which REST Assured would complete on its
	 * own.
	 */
	private HttpResponse<String> post(String path, @Nullable String contentType, byte[] body, boolean withKey)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (withKey) {
			request.header("X-Elma-Service", ElmaClient.KEY);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
