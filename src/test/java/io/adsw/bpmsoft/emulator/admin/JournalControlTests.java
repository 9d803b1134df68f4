package io.adsw.bpmsoft.emulator.admin;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * {@code /emulator/api/journal}: every ElmaService request, refused ones included, with
 * what was answered, found by approval, email, endpoint, status and time, newest first.
 */
@StandTest
class JournalControlTests {

	private static final int MEBIBYTE = 1024 * 1024;

	private static final int JOURNAL_BODY_BYTES = 64 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	AdminClient admin;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@Test
	void everyRequestIsJournaledWithItsAnswerNewestFirst() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, ivan).spec(success());
		this.elma.resolve(approval, ivan, "Да").spec(answer(400, Contract.RESOLUTION_INVALID));
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("total", equalTo(2))
			.body("items", hasSize(2))
			.body("items[0].endpoint", equalTo("ChangeApproverResolution"))
			.body("items[0].status", equalTo(400))
			.body("items[0].httpStatus", equalTo(400))
			.body("items[0].message", equalTo(Contract.RESOLUTION_INVALID))
			.body("items[0].auth", equalTo("ok"))
			.body("items[0].emails", contains(ivan))
			.body("items[0].approvalId", nullValue())
			.body("items[1].endpoint", equalTo("CreateChainOfApproval"))
			.body("items[1].approvalId", equalTo(approval))
			.body("items[1].status", equalTo(200))
			.body("items[1].message", equalTo(""))
			.body("items[1].requestBody", equalTo(ElmaClient.json("id_crm", approval, "chain_of_approval", ivan)))
			.body("items[1].durationMs", greaterThanOrEqualTo(0f))
			.body("items[1].time", notNullValue());
	}

	/**
	 * Newest first by the time the requests arrived: a request a fault rule holds is
	 * written after one that arrived later.
	 */
	@Test
	void entriesAreListedInTheOrderTheirRequestsArrived() throws Exception {
		String approval = this.data.approval();
		String rule = this.admin.given()
			.body("{\"endpoint\":\"CreateChainOfApproval\",\"delayMs\":2000,\"times\":1,\"idCrm\":\"" + approval
					+ "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201)
			.extract()
			.path("id");
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			Future<?> held = executor.submit(() -> this.elma.createChain(approval, "Согласовано").spec(success()));
			// The rule is taken when the held request arrives, before its delay.
			Instant deadline = Instant.now().plusSeconds(30);
			while (this.admin.given()
				.get("/emulator/api/faults/" + rule)
				.then()
				.extract()
				.<Integer>path("applied") == 0) {
				assertThat(Instant.now()).as("the held request arrived").isBefore(deadline);
			}
			this.elma.resolve(approval, "later@example.com", "Согласовано")
				.spec(answer(400, Contract.contactNotFound("later@example.com")));
			held.get(30, TimeUnit.SECONDS);
		}
		finally {
			executor.shutdownNow();
			this.admin.given().delete("/emulator/api/faults/" + rule).then().statusCode(204);
		}
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("items.endpoint", contains("ChangeApproverResolution", "CreateChainOfApproval"));
	}

	@Test
	void bodiesRefusedForTheirMethodOrContentTypeAreJournaledAsReceived() {
		String from = now();
		String json = ElmaClient.json("id_crm", "refused-for-its-method");
		given().port(this.port)
			.contentType("application/json")
			.body(json)
			.put(ElmaClient.CREATE)
			.then()
			.statusCode(405);
		given().port(this.port)
			.contentType("text/plain; charset=windows-1251")
			.body("Согласовано".getBytes(Charset.forName("windows-1251")))
			.post(ElmaClient.CHANGE)
			.then()
			.statusCode(415);
		given().port(this.port).get(ElmaClient.CREATE).then().statusCode(405);
		this.admin.given()
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(3))
			.body("items.find { it.status == 415 }.requestBody", equalTo("Согласовано"))
			.body("items.findAll { it.status == 405 }.requestBody", containsInAnyOrder("", json))
			.body("items.bodyTruncated", everyItem(equalTo(false)));
	}

	/**
	 * {@code from} takes the moment it names, {@code to} stops before it: two windows
	 * that meet at a moment do not both hold an entry of that moment.
	 */
	@Test
	void fromIsInclusiveAndToExclusive() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(ElmaClient.success());
		String time = this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.extract()
			.path("items[0].time");
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("from", time)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1));
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("to", time)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(0));
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("from", time)
			.queryParam("to", time)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(0));
	}

	/**
	 * The service reads a body in the charset of its byte order mark, whatever its
	 * Content-Type declares; the journal shows it as the service read it.
	 */
	@Test
	void bodyWithAByteOrderMarkIsJournaledAsTheServiceReadIt() {
		String from = now();
		String json = "{\"id_crm\": \"utf16-body\", \"chain_of_approval\": \"Иван\"}";
		byte[] utf16 = json.getBytes(StandardCharsets.UTF_16);
		given().port(this.port)
			.header("X-Elma-Service", ElmaClient.KEY)
			.contentType("application/json")
			.body(utf16)
			.post(ElmaClient.CREATE)
			.then()
			.statusCode(400)
			.body("error_message", equalTo(Contract.approvalNotFound("utf16-body")));
		// Refused for its method, before the service reads it: shown the same way.
		given().port(this.port)
			.contentType("application/json")
			.body(utf16)
			.put(ElmaClient.CREATE)
			.then()
			.statusCode(405);
		this.admin.given()
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(2))
			.body("items.find { it.status == 400 }.idCrm", equalTo("utf16-body"))
			.body("items.requestBody", everyItem(equalTo(json)));
	}

	@Test
	void refusedBodyIsKeptUpToTheJournalsLimitAndFlaggedBeyond() {
		String from = now();
		String body = ElmaClient.json("id_crm", "x".repeat(100_000));
		given().port(this.port)
			.contentType("application/json")
			.body(body)
			.put(ElmaClient.CREATE)
			.then()
			.statusCode(405);
		this.admin.given()
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].requestBody", equalTo(body.substring(0, JOURNAL_BODY_BYTES)))
			.body("items[0].bodyTruncated", equalTo(true));
	}

	@Test
	void bodyAnnouncedOverOneMebibyteIsJournaledAsNotKept() {
		String from = now();
		this.elma.anonymous().body(new byte[MEBIBYTE + 1]).post(ElmaClient.CREATE).then().statusCode(413);
		this.admin.given()
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].status", equalTo(413))
			.body("items[0].requestBody", equalTo(""))
			.body("items[0].bodyTruncated", equalTo(true));
	}

	@Test
	void chunkedBodyOverOneMebibyteIsJournaledByItsBeginning() throws IOException {
		String from = now();
		byte[] body = new byte[17 * JOURNAL_BODY_BYTES];
		Arrays.fill(body, (byte) 'x');
		byte[] start = "{\"id_crm\": \"".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(start, 0, body, 0, start.length);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (int offset = 0; offset < body.length; offset += JOURNAL_BODY_BYTES) {
				out.write((Integer.toHexString(JOURNAL_BODY_BYTES) + "\r\n").getBytes(StandardCharsets.US_ASCII));
				out.write(body, offset, JOURNAL_BODY_BYTES);
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			readAnswerIfAny(new BufferedInputStream(socket.getInputStream()));
		}
		this.admin.given()
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].status", equalTo(413))
			.body("items[0].requestBody", equalTo(new String(body, 0, JOURNAL_BODY_BYTES, StandardCharsets.US_ASCII)))
			.body("items[0].bodyTruncated", equalTo(true));
	}

	@Test
	void refusedBodyIsJournaledAndTheConnectionStaysOpen() throws IOException {
		String from = now();
		String json = ElmaClient.json("id_crm", "refused-on-a-kept-connection");
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			out.write(("PUT " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			assertThat(readAnswer(in)).startsWith("HTTP/1.1 405").doesNotContainIgnoringCase("Connection: close");
			out.write(("GET " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(readAnswer(in)).startsWith("HTTP/1.1 405");
		}
		this.admin.given()
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("items.requestBody", containsInAnyOrder("", json))
			.body("items.bodyTruncated", everyItem(equalTo(false)));
	}

	@Test
	void bodyOfARefusedClientThatAskedForContinueIsJournaledAsNotRead() throws IOException {
		String from = now();
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = new BufferedInputStream(socket.getInputStream());
			out.write(("POST " + ElmaClient.CREATE + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: text/plain\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// Refused before its body is read, the client is never asked for it: the
			// answer comes instead of 100 Continue, and Tomcat closes the connection
			// rather than read a body that may never come.
			assertThat(readAnswer(in)).startsWith("HTTP/1.1 415").containsIgnoringCase("Connection: close");
		}
		this.admin.given()
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].requestBody", equalTo(""))
			.body("items[0].bodyTruncated", equalTo(true));
	}

	@Test
	void refusedRequestsAreJournaledWithHowTheKeyCompared() {
		String approval = this.data.approval();
		this.elma.anonymous().body(ElmaClient.json("id_crm", approval)).post(ElmaClient.CREATE).then().statusCode(403);
		given().port(this.port)
			.header("X-Elma-Service", "not-the-key")
			.contentType("application/json")
			.body(ElmaClient.json("id_crm", approval))
			.post(ElmaClient.CREATE)
			.then()
			.statusCode(403);
		this.admin.given()
			.queryParam("idCrm", approval.toUpperCase())
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(2))
			.body("items.auth", contains("wrong", "missing"))
			.body("items.status", contains(403, 403))
			.body("items.approvalId", contains(nullValue(), nullValue()));
	}

	@Test
	void theKeyItselfIsNeverJournaled() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(ElmaClient.KEY)));
	}

	@Test
	void entriesAreFoundByEmailInAnyCase() {
		String approval = this.data.approval();
		String maria = this.data.contact("maria");
		String oleg = this.data.contact("oleg");
		this.elma.createChain(approval, maria + ";" + oleg).spec(success());
		this.admin.given()
			.queryParam("email", oleg.toUpperCase())
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].idCrm", equalTo(approval));
	}

	@Test
	void entriesAreFoundByEndpointStatusAndTime() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String from = java.time.Instant.now().minusSeconds(1).toString();
		this.elma.createChain(approval, ivan).spec(success());
		this.elma.resolve(approval, "nobody@example.com", "Согласовано")
			.spec(answer(400, Contract.contactNotFound("nobody@example.com")));
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("endpoint", "ChangeApproverResolution")
			.queryParam("status", 400)
			.queryParam("from", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].message", equalTo(Contract.contactNotFound("nobody@example.com")));
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("to", from)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(0))
			.body("items", empty());
	}

	@Test
	void pagesHoldTheAskedSize() {
		String approval = this.data.approval();
		for (int i = 0; i < 5; i++) {
			this.elma.createChain(approval, "Согласовано").spec(success());
		}
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("page", 1)
			.queryParam("size", 2)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(5))
			.body("items", hasSize(2))
			.body("items[0].id", greaterThan(0));
	}

	@Test
	void entriesAreDeletedByFilter() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.queryParam("idCrm", approval)
			.delete("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("deleted", equalTo(1));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(0));
	}

	/**
	 * A filter given empty would be read as none: the search would list, and the delete
	 * delete, the whole journal.
	 */
	@Test
	void filterGivenEmptyIsRefusedAndDeletesNothing() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		for (String filter : List.of("idCrm", "email", "endpoint", "status", "from", "to")) {
			for (String query : List.of(filter + "=", filter, filter + "=%20", filter + "=+")) {
				this.admin.given()
					.urlEncodingEnabled(false)
					.delete("/emulator/api/journal?" + query)
					.then()
					.statusCode(400)
					.contentType("application/problem+json")
					.body("detail", equalTo(filter + " is empty: give a value or leave it out"));
				this.admin.given()
					.urlEncodingEnabled(false)
					.get("/emulator/api/journal?size=1&" + query)
					.then()
					.statusCode(400)
					.body("detail", equalTo(filter + " is empty: give a value or leave it out"));
			}
		}
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.formParam("idCrm", "")
			.delete("/emulator/api/journal")
			.then()
			.statusCode(400)
			.body("detail", equalTo("idCrm is empty: give a value or leave it out"));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	/** An empty page or size would be read as the default. */
	@Test
	void pageOrSizeGivenEmptyIsRefused() {
		for (String paging : List.of("page", "size")) {
			this.admin.given()
				.urlEncodingEnabled(false)
				.get("/emulator/api/journal?" + paging + "=")
				.then()
				.statusCode(400)
				.body("detail", equalTo(paging + " is empty: give a value or leave it out"));
		}
	}

	@Test
	void oversizedPageIsRefusedAsAProblem() {
		this.admin.given()
			.queryParam("size", 5000)
			.get("/emulator/api/journal")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("detail", equalTo("size: must be less than or equal to 1000"));
	}

	@Test
	void filterValueOfTheWrongTypeSaysWhatItShouldHold() {
		this.admin.given()
			.queryParam("from", "yesterday")
			.get("/emulator/api/journal")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("detail", equalTo("from: \"yesterday\" is not a time such as 2026-01-31T09:30:00Z"));
		this.admin.given()
			.queryParam("status", "bad")
			.get("/emulator/api/journal")
			.then()
			.statusCode(400)
			.body("detail", equalTo("status: \"bad\" is not a whole number"));
	}

	/**
	 * A whole number is written in the digits 0 to 9: a hexadecimal one, one led by #, or
	 * one in fullwidth digits, which Spring alone would read, is refused.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "size|0x3", "size|#3", "size|３", "status|0x190", "page|1e1" })
	void wholeNumberInOtherDigitsIsRefused(String name, String value) {
		this.admin.given()
			.queryParam(name, value)
			.get("/emulator/api/journal")
			.then()
			.statusCode(400)
			.body("detail", equalTo(name + ": \"" + value + "\" is not a whole number"));
		this.admin.given().queryParam("size", "+3").get("/emulator/api/journal").then().statusCode(200);
	}

	/** The likely slips are named: an unencoded + in an offset, digits too many. */
	@Test
	void filterValueMistypedTheUsualWayIsToldWhy() {
		this.admin.given()
			.urlEncodingEnabled(false)
			.get("/emulator/api/journal?to=2026-11-28T05:35:00+03:00")
			.then()
			.statusCode(400)
			.body("detail", equalTo("to: \"2026-11-28T05:35:00 03:00\" is not a time such as 2026-01-31T09:30:00Z"
					+ " (a + in a query string is read as a space: write it as %2B)"));
		this.admin.given()
			.queryParam("size", "99999999999")
			.get("/emulator/api/journal")
			.then()
			.statusCode(400)
			.body("detail", equalTo("size: \"99999999999\" is not a whole number (it is too large)"));
		this.admin.given()
			.urlEncodingEnabled(false)
			.get("/emulator/api/journal?to=2026-11-28T05:35:00%2B03:00")
			.then()
			.statusCode(200);
	}

	/** Now, to the millisecond: the journal's entries from here on are this test's. */
	private static String now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	/** One answer off a connection: its head, and its body by {@code Content-Length}. */
	private static String readAnswer(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int read;
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n") && (read = in.read()) != -1) {
			head.write(read);
		}
		String headers = head.toString(StandardCharsets.US_ASCII);
		Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
		byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
		return headers + new String(body, StandardCharsets.UTF_8);
	}

	/**
	 * Waits for the answer to a request the stand stops reading: closing the connection
	 * with the rest unread, the server may reset it before the answer is read.
	 */
	private static void readAnswerIfAny(InputStream in) throws IOException {
		try {
			readAnswer(in);
		}
		catch (SocketException ex) {
			// The connection is closed: the request has been answered.
		}
	}

}
