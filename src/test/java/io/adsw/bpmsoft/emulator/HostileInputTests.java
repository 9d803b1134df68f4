package io.adsw.bpmsoft.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * Inputs an attacker or a broken client would send, kept as regressions: each gets the
 * envelope or an OData answer that says what is wrong, never a 500 and never a change of
 * state. Bodies over the size limit are {@code ElmaTransportTests}' (50 MiB announced).
 */
@StandTest
// The chain of 10 000 steps stays in the database; other classes get a stand of their
// own.
@DirtiesContext
class HostileInputTests {

	@LocalServerPort
	int port;

	@Autowired
	ElmaClient elma;

	@Autowired
	CreatioClient creatio;

	@Autowired
	StandData data;

	@Test
	void deeplyNestedJsonIsRefusedAsNotJson() {
		String body = "{\"id_crm\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
		// The 500th bracket, at level 501, one past the limit of 500 (the object is the
		// first level).
		this.elma.post(ElmaClient.CREATE, body)
			.spec(answer(400,
					"Тело запроса не является корректным JSON: превышен предел вложенности или длины значения (строка 1, столбец 510)"));
	}

	@Test
	void nestingTooDeepIsPlacedAtTheBracketOneLevelTooDeep() {
		// The 501st bracket is the 501st character.
		this.elma.post(ElmaClient.CREATE, "[".repeat(501))
			.spec(answer(400,
					"Тело запроса не является корректным JSON: превышен предел вложенности или длины значения (строка 1, столбец 501)"));
		// Level 501 is the 500th object of the second line, five characters each.
		this.elma.post(ElmaClient.CREATE, "{\"a\":\n" + "{\"b\":".repeat(600))
			.spec(answer(400,
					"Тело запроса не является корректным JSON: превышен предел вложенности или длины значения (строка 2, столбец 2496)"));
	}

	@Test
	void numberTooLongToReadIsRefusedAsNotJson() {
		String body = "{\"id_crm\":" + "9".repeat(5000) + "}";
		// Just past the number's 5 000 digits.
		this.elma.post(ElmaClient.CREATE, body)
			.spec(answer(400,
					"Тело запроса не является корректным JSON: превышен предел вложенности или длины значения (строка 1, столбец 5011)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e999999999", "-1e-999999999", "123456789012345678901234567890", "true", "null",
			"{\"$gt\":\"\"}", "[\"00000000-0000-0000-0000-000000000000\"]" })
	void idCrmThatIsNotAStringIsEmpty(String value) {
		this.elma.post(ElmaClient.CREATE, "{\"id_crm\":" + value + ",\"chain_of_approval\":\"a@b.c\"}")
			.spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@Test
	void invalidUtf8IsRefusedNamingTheByte() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes("{\"id_crm\":\"".getBytes(StandardCharsets.US_ASCII));
		body.write(0xC3);
		body.write(0x28);
		body.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
		this.elma.request()
			.body(body.toByteArray())
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(400, "Тело запроса не является корректным текстом в кодировке UTF-8 (байт 12)"));
	}

	@Test
	void nulCharactersAreKeptInTheIdAndNotFound() {
		String approval = this.data.approval();
		String id = approval + "\u0000";
		this.elma.createChain(id, "a@b.c")
			.spec(answer(400,
					"Согласование с Id " + id + " не найдено в системе BPMSoft. Проверьте корректность запроса"));
		assertThat(this.data.approvalView(approval).status()).isEqualTo("NEW");
	}

	@Test
	void rawNulBytesInsideAStringAreReadAsCharacters() {
		byte[] body = "{\"id_crm\":\"\u0000\",\"chain_of_approval\":\"a@b.c\"}".getBytes(StandardCharsets.UTF_8);
		this.elma.request()
			.body(body)
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(400, "Согласование с Id \u0000 не найдено в системе BPMSoft. Проверьте корректность запроса"));
	}

	@Test
	void chainOfTenThousandApproversIsTakenWhole() {
		String approval = this.data.approval();
		String email = this.data.contact("ivanov");
		String chain = String.join(";", Collections.nCopies(10_000, email));
		this.elma.createChain(approval, chain).spec(success());
		ApprovalView view = this.data.approvalView(approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.current()).hasSize(10_000);
	}

	@Test
	void chainOfTenThousandUnknownEmailsNamesTheFirst() {
		String approval = this.data.approval();
		StringBuilder chain = new StringBuilder();
		for (int i = 0; i < 10_000; i++) {
			chain.append((i == 0) ? "" : ";").append("nobody").append(i).append("@example.com");
		}
		this.elma.createChain(approval, chain.toString())
			.spec(answer(400,
					"Контакт с email nobody0@example.com не найден в системе. Проверьте корректность запроса"));
		assertThat(this.data.approvalView(approval).status()).isEqualTo("NEW");
	}

	@ParameterizedTest
	@ValueSource(strings = { "' OR '1'='1", "00000000-0000-0000-0000-000000000000' OR '1'='1' --",
			"1; DROP TABLE approval; --", "%' OR 1=1 --" })
	void sqlInTheIdIsAnUnknownApproval(String id) {
		this.elma.createChain(id, "a@b.c")
			.spec(answer(400,
					"Согласование с Id " + id + " не найдено в системе BPMSoft. Проверьте корректность запроса"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "x' OR '1'='1", "' OR email_key LIKE '%", "a@b.c' UNION SELECT id FROM contact --" })
	void sqlInAnEmailIsAnUnknownContact(String email) {
		String approval = this.data.approval();
		this.elma.createChain(approval, email)
			.spec(answer(400, "Контакт с email " + email + " не найден в системе. Проверьте корректность запроса"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Email eq 'x'' or ''1''=''1'", "Email eq 'x'' or Email ne ''x'", "contains(Email,'%')" })
	void odataFilterLiteralsStayLiterals(String filter) {
		this.data.contact("petrov");
		this.creatio.logIn()
			.request()
			.queryParam("$filter", filter)
			.get("/0/odata/Contact")
			.then()
			.statusCode(200)
			.body("value", empty());
	}

	@Test
	void odataFilterNestedDeeperThanTheRecursionLimitIsRefused() {
		this.data.contact("petrov");
		filter("(".repeat(101) + "Name eq 'x'" + ")".repeat(101)).then()
			.statusCode(400)
			.body("error.message",
					equalTo("The query specified in the URI is not valid. The recursion limit has been exceeded."));
		filter("(".repeat(100) + "Name eq 'x'" + ")".repeat(100)).then().statusCode(200).body("value", empty());
	}

	@Test
	void odataCastToATypeThatDoesNotExistIsRefused() {
		filter("cast(Name,Edm.Strin) eq 'x'").then()
			.statusCode(400)
			.body("error.message", equalTo(
					"The query specified in the URI is not valid. The type 'Edm.Strin' is not a primitive type."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Nope*", "CreatedBy($expand=Nope*)", "ApprovalVisaCollectionByApproval,Nope*" })
	void odataExpandOfAStarAfterANameThatIsNoNavigationIsRefused(String expand) {
		this.creatio.logIn()
			.request()
			.queryParam("$expand", expand)
			.get("/0/odata/Approval")
			.then()
			.statusCode(400)
			.body("error.message", equalTo("The query specified in the URI is not valid. The $expand option could not"
					+ " be parsed: a '*' follows a name that is not a navigation property."));
	}

	@Test
	void odataParenthesesInsideLiteralsDoNotCount() {
		this.data.contact("petrov");
		filter("Name eq '" + "(".repeat(500) + "'").then().statusCode(200).body("value", empty());
	}

	@Test
	void odataFunctionsNestedDeeperThanTheRecursionLimitAreRefused() {
		filter("tolower(".repeat(101) + "Name" + ")".repeat(101) + " eq 'x'").then()
			.statusCode(400)
			.body("error.message",
					equalTo("The query specified in the URI is not valid. The recursion limit has been exceeded."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Name eq '\u0001\u001b[31m'", "contains(Name,'\u007f\u0008')" })
	void odataControlCharactersInLiteralsFindNothing(String filter) {
		this.data.contact("petrov");
		filter(filter).then().statusCode(200).body("value", empty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Name eq 'a\u0000b'", "contains(Name,'\u0000')" })
	void odataNulCharacterInALiteralIsRefused(String filter) {
		filter(filter).then()
			.statusCode(400)
			.body("error.message", equalTo("The query specified in the URI is not valid. A string literal cannot hold"
					+ " the character U+0000."));
	}

	@Test
	void nulCharacterInAnEmailIsAnUnknownContactAndTheJournalKeepsGoing() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, "iv\u0000an@example.com")
			.spec(answer(400, Contract.contactNotFound("iv\u0000an@example.com")));
		this.elma.createChain(approval, ivan).spec(success());
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("items.emails", contains(List.of(ivan), List.of("iv\u2400an@example.com")))
			.body("items[1].message", equalTo(Contract.contactNotFound("iv\u2400an@example.com")));
	}

	private io.restassured.response.Response filter(String filter) {
		return this.creatio.logIn().request().queryParam("$filter", filter).get("/0/odata/Contact");
	}

}
