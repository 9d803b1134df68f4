package io.adsw.bpmsoft.emulator.admin;

import java.util.List;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code /emulator/api/faults}: rules that make the stand misbehave for matching
 * requests.
 */
@StandTest
class FaultControlTests {

	@Autowired
	AdminClient admin;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@BeforeEach
	@AfterEach
	void removeRules() {
		this.admin.given().delete("/emulator/api/faults").then().statusCode(204);
	}

	String rule(String json) {
		return this.admin.given()
			.body(json)
			.post("/emulator/api/faults")
			.then()
			.statusCode(201)
			.header("Location", notNullValue())
			.body("id", notNullValue())
			.extract()
			.path("id");
	}

	/**
	 * A request for an operation ElmaService does not have meets no rule, not even a "*"
	 * one: it gets its 404 and leaves the rule's times for the operations.
	 */
	@Test
	void unknownOperationMeetsNoRuleAndUsesNoneOfItsTimes() {
		String id = rule("{\"endpoint\":\"*\",\"status\":500,\"times\":1}");
		this.elma.post("/ServiceModel/ElmaService.svc/DeleteEverything", "{}")
			.spec(answer(404, "Операция DeleteEverything не найдена в ElmaService.svc"));
		this.admin.given().get("/emulator/api/faults/" + id).then().body("remaining", equalTo(1));
		this.elma.createChain(this.data.approval(), "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
	}

	/**
	 * An operation's name percent-encoded is the operation the service runs: its rules
	 * take it, and the journal names it as the service runs it.
	 */
	@Test
	void ruleTakesAnOperationWhoseNameIsPercentEncoded() {
		String approval = this.data.approval();
		String id = rule("{\"endpoint\":\"CreateChainOfApproval\",\"status\":500,\"times\":1}");
		this.elma.request()
			.urlEncodingEnabled(false)
			.body(ElmaClient.json("id_crm", approval, "chain_of_approval", "Согласовано"))
			.post("/ServiceModel/ElmaService.svc/Create%43hainOfApproval")
			.then()
			.spec(answer(500, Contract.INTERNAL_ERROR));
		this.admin.given().get("/emulator/api/faults/" + id).then().body("applied", equalTo(1));
		this.admin.given()
			.queryParam("idCrm", approval)
			.queryParam("endpoint", "CreateChainOfApproval")
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(1))
			.body("items[0].faultId", equalTo(id));
	}

	@Test
	void ruleAnswersItsStatusWithTheNoteMessageForTheNextTimes() {
		String approval = this.data.approval();
		rule("{\"endpoint\":\"CreateChainOfApproval\",\"status\":500,\"times\":2,\"idCrm\":\"" + approval + "\"}");
		this.elma.createChain(approval, "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
		this.elma.createChain(approval, "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
		this.elma.createChain(approval, "Согласовано").spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void ruleOnlyTakesMatchingRequests() {
		String approval = this.data.approval();
		String other = this.data.approval();
		String ivan = this.data.contact("ivan");
		String id = rule(
				"{\"endpoint\":\"ChangeApproverResolution\",\"status\":403,\"email\":\"" + ivan.toUpperCase() + "\"}");
		this.elma.createChain(approval, ivan).spec(success());
		this.elma.createChain(other, "Согласовано").spec(success());
		this.elma.resolve(approval, ivan, "Согласовано").spec(answer(403, Contract.FORBIDDEN));
		this.elma.resolve(approval, ivan, "Согласовано").spec(answer(403, Contract.FORBIDDEN));
		this.admin.given().get("/emulator/api/faults/" + id).then().statusCode(200).body("applied", equalTo(2));
		this.admin.given().delete("/emulator/api/faults/" + id).then().statusCode(204);
		this.elma.resolve(approval, ivan, "Согласовано").spec(success());
	}

	@Test
	void badRequestRuleNamesTheApprovalAsTheNoteDoes() {
		String approval = this.data.approval();
		rule("{\"endpoint\":\"*\",\"status\":400,\"times\":1}");
		this.elma.createChain(approval, "Согласовано").spec(answer(400, Contract.approvalNotFound(approval)));
	}

	@Test
	void statusTheNoteHasNoMessageForIsNamedAsTheRulesOwn() {
		String approval = this.data.approval();
		rule("{\"endpoint\":\"*\",\"status\":418,\"times\":1}");
		this.elma.createChain(approval, "Согласовано")
			.spec(answer(418, "Ответ HTTP 418 задан правилом сбоя эмулятора"));
		rule("{\"endpoint\":\"*\",\"status\":503,\"times\":1}");
		this.elma.createChain(approval, "Согласовано").spec(answer(503, Contract.INTERNAL_ERROR));
	}

	/**
	 * A 200 rule acknowledges without doing anything: a decision ELMA believes delivered
	 * and the stand never took.
	 */
	@Test
	void successRuleAcknowledgesAndChangesNothing() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		rule("{\"endpoint\":\"CreateChainOfApproval\",\"status\":200,\"times\":1}");
		this.elma.createChain(approval, ivan).spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("NEW");
		assertThat(this.data.approvalView(approval).steps()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 99, 100, 101, 199, 204, 205, 304, 600 })
	void statusWithoutABodyOrOutsideHttpIsRefused(int status) {
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":" + status + "}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("status must be an HTTP status from 200 to 599 that carries a body"
					+ " (not 204, 205 or 304): the rule answers with the envelope"));
		this.admin.given().get("/emulator/api/faults").then().body("", hasSize(0));
	}

	@Test
	void ruleMayGiveItsOwnMessage() {
		String approval = this.data.approval();
		rule("{\"endpoint\":\"CreateChainOfApproval\",\"status\":503,\"message\":\"Стенд на обслуживании\",\"times\":1}");
		this.elma.createChain(approval, "Согласовано").spec(answer(503, "Стенд на обслуживании"));
	}

	@Test
	void delayOnlyRuleStillAnswersNormally() {
		String approval = this.data.approval();
		rule("{\"endpoint\":\"CreateChainOfApproval\",\"delayMs\":300,\"times\":1}");
		long start = System.nanoTime();
		this.elma.createChain(approval, "Согласовано").spec(success());
		assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
	}

	@Test
	void dropRuleClosesTheConnectionWithoutAnAnswer() {
		String approval = this.data.approval();
		rule("{\"endpoint\":\"CreateChainOfApproval\",\"drop\":true,\"times\":1}");
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> this.elma.request()
			.body(ElmaClient.json("id_crm", approval, "chain_of_approval", "Согласовано"))
			.post(ElmaClient.CREATE));
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.queryParam("idCrm", approval)
			.get("/emulator/api/journal")
			.then()
			.body("total", equalTo(2))
			.body("items[1].status", equalTo(0))
			.body("items[1].faultId", notNullValue());
	}

	@Test
	void seededProbabilityRepeatsFromRunToRun() {
		String approval = this.data.approval();
		String first = outcomes(approval);
		String second = outcomes(approval);
		assertThat(first).isEqualTo(second).contains("500").contains("200");
	}

	private String outcomes(String approval) {
		rule("{\"endpoint\":\"CreateChainOfApproval\",\"status\":500,\"probability\":0.5,\"seed\":42,\"idCrm\":\""
				+ approval + "\"}");
		StringBuilder outcomes = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			outcomes.append(this.elma.createChain(approval, "Согласовано").extract().statusCode()).append(' ');
		}
		removeRules();
		return outcomes.toString();
	}

	@Test
	void rulesAreListed() {
		rule("{\"endpoint\":\"CreateChainOfApproval\",\"status\":500}");
		rule("{\"endpoint\":\"ChangeApproverResolution\",\"drop\":true,\"times\":3}");
		this.admin.given()
			.get("/emulator/api/faults")
			.then()
			.statusCode(200)
			.body("", hasSize(2))
			.body("[1].remaining", equalTo(3))
			.body("[0].applied", equalTo(0));
	}

	@Test
	void invalidRulesAreRefusedSayingWhatIsWrong() {
		this.admin.given()
			.body("{\"endpoint\":\"Nope\",\"status\":500}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("endpoint must be CreateChainOfApproval, ChangeApproverResolution or *"));
		this.admin.given()
			.body("{\"endpoint\":\"*\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("a rule needs a status, a delay (delayMs) or drop: true"));
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500,\"probability\":2}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("probability must be above 0 and at most 1"));
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500,\"message\":\"a\\u0000b\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("message, idCrm and email cannot hold the character U+0000"));
		this.admin.given().get("/emulator/api/faults").then().body("", hasSize(0));
	}

	/**
	 * A rule that could never apply, or would apply other than asked, is refused rather
	 * than kept: an empty idCrm or email matches no request, a fraction is no status, NaN
	 * no chance.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					{"endpoint":"*","status":500.5}                     | status: "500.5" is not a whole number
					{"endpoint":"*","status":500,"times":1.7}           | times: "1.7" is not a whole number
					{"endpoint":"*","status":500,"probability":"NaN"}   | probability must be above 0 and at most 1
					{"endpoint":"*","status":500,"probability":0}       | probability must be above 0 and at most 1
					{"endpoint":"*","status":500,"probability":1e-400}  | probability must be above 0 and at most 1
					{"endpoint":"*","status":500,"idCrm":""}            | idCrm, when given, names an approval: leave it out for every approval
					{"endpoint":"*","status":500,"email":"   "}         | email, when given, names an approver: leave it out for every email
					{"endpoint":"*","status":418,"email":"a@x.ru;b@x.ru"} | email names one approver, without ';' or ',' (a chain's emails are split there): make a rule for each email
					{"endpoint":"*","status":418,"email":"a@x.ru, b@x.ru"} | email names one approver, without ';' or ',' (a chain's emails are split there): make a rule for each email
					{"endpoint":"*","drop":true,"message":"Сбой"}       | message needs a status: it is the envelope's error_message for that status
					{"endpoint":"*","delayMs":0}                        | a delay of 0 ms alone does nothing: give a longer delayMs, a delayMaxMs, a status or drop: true
					{"endpoint":"*","delayMs":0,"delayMaxMs":0}         | a delay of 0 ms alone does nothing: give a longer delayMs, a delayMaxMs, a status or drop: true
					{"endpoint":"*","delayMs":100,"seed":7}             | seed only makes sense with a probability or a random delay
					""")
	void ruleThatWouldNeverApplyAsAskedIsRefused(String body, String detail) {
		assertRefusedAndNoRuleKept(body, detail);
	}

	/** Past the parser's limit of a thousand characters, in the stand's words. */
	@Test
	void numberTooLongToReadIsRefusedAsSuch() {
		assertRefusedAndNoRuleKept("{\"endpoint\":\"*\",\"status\":5" + "0".repeat(1200) + "}",
				"a number of 1201 characters is too long to read (at most 1000)");
	}

	/**
	 * A number past what the rule keeps is refused with the field's own range, as any
	 * other value outside it, in the user's words rather than the parser's.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
					{"endpoint":"*","delayMs":99999999999}                        | delayMs must be 0 to 120000
					{"endpoint":"*","delayMs":-99999999999}                       | delayMs must be 0 to 120000
					{"endpoint":"*","delayMs":1,"delayMaxMs":99999999999}         | delayMaxMs needs delayMs and must be from delayMs to 120000: each wait is drawn at random from delayMs to delayMaxMs
					{"endpoint":"*","status":99999999999}                         | status must be an HTTP status from 200 to 599 that carries a body (not 204, 205 or 304): the rule answers with the envelope
					{"endpoint":"*","status":500,"times":99999999999}             | times must be from 1 to 2147483647, or left out for until removed
					{"endpoint":"*","status":500,"times":0}                       | times must be from 1 to 2147483647, or left out for until removed
					{"endpoint":"*","status":99999999999999999999999}             | status: 99999999999999999999999 is too large
					{"endpoint":"*","delayMs":-99999999999999999999999}           | delayMs: -99999999999999999999999 is too small
					{"endpoint":"*","status":500,"probability":0.5,"seed":99999999999999999999999} | seed: 99999999999999999999999 is too large
					{"endpoint":"*","status":500,"probability":1e400}             | probability must be above 0 and at most 1
					{"endpoint":"*","status":500,"times":1e2}                     | times: expected a whole number, written without a decimal point or an exponent
					{"endpoint":"*","status":5.0E2}                               | status: expected a whole number, written without a decimal point or an exponent
					""")
	void numberOutOfRangeIsRefusedWithTheFieldsRange(String body, String detail) {
		assertRefusedAndNoRuleKept(body, detail);
	}

	private void assertRefusedAndNoRuleKept(String body, String detail) {
		this.admin.given()
			.body(body)
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo(detail));
		this.admin.given().get("/emulator/api/faults").then().body("", hasSize(0));
	}

	/**
	 * With delayMaxMs, each wait is drawn from delayMs to delayMaxMs: both are kept, and
	 * a maximum below delayMs, or without it, is refused.
	 */
	@Test
	void randomDelayIsKeptWithBothBoundsAndRefusedBelowItsMinimum() {
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"delayMs\":100,\"delayMaxMs\":300}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201)
			.body("delayMs", equalTo(100))
			.body("delayMaxMs", equalTo(300));
		// From 0, shown with its 0: the view posts back as the same rule.
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"delayMs\":0,\"delayMaxMs\":5}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201)
			.body("delayMs", equalTo(0))
			.body("delayMaxMs", equalTo(5));
		for (String body : List.of("{\"endpoint\":\"*\",\"delayMs\":300,\"delayMaxMs\":100}",
				"{\"endpoint\":\"*\",\"status\":500,\"delayMaxMs\":100}")) {
			this.admin.given()
				.body(body)
				.post("/emulator/api/faults")
				.then()
				.statusCode(400)
				.body("detail", equalTo("delayMaxMs needs delayMs and must be from delayMs to 120000: "
						+ "each wait is drawn at random from delayMs to delayMaxMs"));
		}
		this.admin.given().get("/emulator/api/faults").then().body("", hasSize(2));
	}

	@Test
	void unknownRuleIsNotFound() {
		String id = "6f0c0f38-2d6a-4d21-9a5c-3e0f2c1d4b5a";
		this.admin.given()
			.delete("/emulator/api/faults/" + id)
			.then()
			.statusCode(404)
			.body("detail", equalTo("No fault rule with id " + id));
		this.admin.given()
			.get("/emulator/api/faults/" + id)
			.then()
			.statusCode(404)
			.body("detail", equalTo("No fault rule with id " + id));
		this.admin.given()
			.get("/emulator/api/faults/nope")
			.then()
			.statusCode(400)
			.body("detail", equalTo("id: \"nope\" is not a GUID"));
		this.admin.given()
			.delete("/emulator/api/faults/1-2-3-4-5")
			.then()
			.statusCode(400)
			.body("detail", equalTo("id: \"1-2-3-4-5\" is not a GUID"));
	}

	@Test
	void unknownFieldIsRefusedRatherThanIgnored() {
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500,\"time\":1}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("time: unknown field (known fields: delayMaxMs, delayMs, drop, email, endpoint, "
					+ "idCrm, message, probability, seed, status, times)"));
		this.admin.given().get("/emulator/api/faults").then().body("", hasSize(0));
	}

	@Test
	void fieldOfTheWrongTypeIsNamed() {
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":\"abc\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("status: \"abc\" is not a whole number"));
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500,\"drop\":[]}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("drop: expected true or false"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"{\"endpoint\":\"*\",|the text ends before the JSON value does (line 1, column 17)",
			"{\"endpoint\":\"*\", \"status\": NaN}|unrecognized token 'NaN': a value is a string in double quotes,"
					+ " a number, an object, an array, true, false or null (line 1, column 31)",
			"{\"endpoint\":\"*\", \"status\": 500} x|unrecognized token 'x': a value is a string in double quotes,"
					+ " a number, an object, an array, true, false or null (line 1, column 33)",
			"{\"endpoint\":\"*\", \"status\": 01}|invalid number: leading zeroes not allowed (line 1, column 29)",
			"{\"endpoint\":\"*\", \"status\": 500, \"status\": 400}|\"status\" is given more than once (line 1, column 41)",
			"{\"endpoint\":\"*\",/*c*/\"status\":500}|unexpected character '/': JSON has no comments (line 1, column 17)",
			"{'endpoint':'*'}|unexpected character ''' where a field's name in double quotes was expected (line 1,"
					+ " column 2)",
			"{\"endpoint\":\"*\",}|unexpected character '}' where a field's name in double quotes was expected"
					+ " (line 1, column 17)",
			"{\"endpoint\":\"*\" \"status\":500}|unexpected character '\"' where ',' or '}' was expected (line 1,"
					+ " column 17)",
			"{\"endpoint\" \"*\"}|unexpected character '\"' where ':' was expected (line 1, column 13)",
			"{\"status\":.5}|unexpected character '.' where a value was expected: a string in double quotes, a number,"
					+ " an object, an array, true, false or null (line 1, column 11)" })
	void bodyThatIsNotJsonIsRefusedSayingWhereAndAddsNoRule(String body, String detail) {
		this.admin.given()
			.body(body)
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo(detail));
		this.admin.given().get("/emulator/api/faults").then().statusCode(200).body("", hasSize(0));
	}

	@Test
	void textLongerThanItsColumnIsRefused() {
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500,\"message\":\"" + "м".repeat(2001) + "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("message must be at most 2000 characters"));
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500,\"idCrm\":\"" + "1".repeat(201) + "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("idCrm must be at most 200 characters"));
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500,\"email\":\"" + "e".repeat(251) + "\"}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("email must be at most 250 characters"));
		this.admin.given().get("/emulator/api/faults").then().body("", hasSize(0));
		rule("{\"endpoint\":\"*\",\"status\":500,\"message\":\"" + "м".repeat(2000) + "\"}");
	}

	@Test
	void endpointIsMatchedWhateverItsCase() {
		String approval = this.data.approval();
		rule("{\"endpoint\":\"createchainofapproval\",\"status\":500,\"times\":1}");
		this.admin.given().get("/emulator/api/faults").then().body("endpoint", contains("CreateChainOfApproval"));
		this.elma.createChain(approval, "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
	}

}
