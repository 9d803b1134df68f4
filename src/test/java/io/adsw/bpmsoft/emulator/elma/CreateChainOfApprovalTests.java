package io.adsw.bpmsoft.emulator.elma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.json;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * CreateChainOfApproval, check by check (SPEC §2.1) and value by value (§2.2).
 */
@StandTest
class CreateChainOfApprovalTests {

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\n\t \r\n", "\u00a0\u00a0", "{}", " { } ", "{\n\u00a0}" })
	void emptyBodyIsRefusedWithTheIdCrmMessage(String body) {
		this.elma.post(ElmaClient.CREATE, body).spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@Test
	void bodyThatIsNotJsonIsRefusedNamingTheProblemAndPlace() {
		this.elma.post(ElmaClient.CREATE, "{\"id_crm\": 1 x}")
			.spec(answer(400,
					"Тело запроса не является корректным JSON: неожиданный символ «x» (строка 1, столбец 14)"));
	}

	/** A character that would show as nothing is named by its code point. */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "\u2060|U+2060", "\u200c|U+200C", "\u00ad|U+00AD", "\u0378|U+0378", "\ue000|U+E000", "😀|😀" })
	void characterThatShowsAsNothingIsNamedByItsCodePoint(String character, String named) {
		this.elma.post(ElmaClient.CREATE, "{\"id_crm\": 1 " + character + "}")
			.spec(answer(400, "Тело запроса не является корректным JSON: неожиданный символ «" + named
					+ "» (строка 1, столбец 14)"));
	}

	/** Values JSON does not have are named, where they begin. */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"id_crm\": x}|x|12", "{\"id_crm\": NaN}|NaN|12", "{\"id_crm\": Infinity}|Infinity|12",
					"{\"id_crm\":-Infinity}|-Infinity|11", "{\"id_crm\": nul}|nul|12",
					"{\"id_crm\": \"a\", \"chain_of_approval\": True}|True|38" })
	void valueJsonDoesNotHaveIsNamedWhereItBegins(String body, String token, int column) {
		this.elma.post(ElmaClient.CREATE, body)
			.spec(answer(400, "Тело запроса не является корректным JSON: нераспознанное значение «" + token
					+ "»: значением может быть строка в двойных кавычках, число, объект, массив, true, false или null"
					+ " (строка 1, столбец " + column + ")"));
	}

	@Test
	void numberWithAPlusSignIsNamedAtTheSign() {
		this.elma.post(ElmaClient.CREATE, "{\"id_crm\": +1}")
			.spec(answer(400, "Тело запроса не является корректным JSON: число не может начинаться со знака «+»"
					+ " (строка 1, столбец 12)"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"id_crm\": \"a\",|16", "{\"id_crm\": 1,|14" })
	void bodyEndingAfterACommaEndsBeforeTheValue(String body, int column) {
		this.elma.post(ElmaClient.CREATE, body)
			.spec(answer(400, "Тело запроса не является корректным JSON: текст закончился раньше, чем JSON-значение"
					+ " (строка 1, столбец " + column + ")"));
	}

	@Test
	void bodyWithAnErrorOnALaterLineNamesThatLine() {
		this.elma.post(ElmaClient.CREATE, "{\n  \"id_crm\": \"a\",\n  \"chain_of_approval\" \"b\"\n}")
			.spec(answer(400,
					"Тело запроса не является корректным JSON: неожиданный символ «\"» (строка 3, столбец 23)"));
	}

	@Test
	void truncatedBodyIsRefusedAsNotJson() {
		this.elma.post(ElmaClient.CREATE, "{\"id_crm\": \"a\"")
			.spec(answer(400,
					"Тело запроса не является корректным JSON: текст закончился раньше, чем JSON-значение (строка 1, столбец 15)"));
	}

	@Test
	void textAfterTheObjectIsRefusedAsNotJson() {
		this.elma.post(ElmaClient.CREATE, "{\"id_crm\": \"a\"} {}")
			.spec(answer(400,
					"Тело запроса не является корректным JSON: неожиданный символ «{» (строка 1, столбец 17)"));
	}

	@ParameterizedTest
	@MethodSource("jsonThatIsNotAnObject")
	void jsonThatIsNotAnObjectIsRefused(String body, String message) {
		this.elma.post(ElmaClient.CREATE, body).spec(answer(400, message));
	}

	static Stream<Arguments> jsonThatIsNotAnObject() {
		String prefix = "Тело запроса должно быть JSON-объектом, а не ";
		return Stream.of(Arguments.of("[1, 2]", prefix + "массивом (строка 1, столбец 1)"),
				Arguments.of("\n  \"id_crm\"", prefix + "строкой (строка 2, столбец 3)"),
				Arguments.of("42", prefix + "числом (строка 1, столбец 1)"),
				Arguments.of("true", prefix + "логическим значением (строка 1, столбец 1)"),
				Arguments.of("null", prefix + "значением null (строка 1, столбец 1)"));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "{\"chain_of_approval\": \"a@b.c\"}", "{\"id_crm\": null, \"chain_of_approval\": \"a@b.c\"}",
					"{\"id_crm\": \"\", \"chain_of_approval\": \"a@b.c\"}",
					"{\"id_crm\": \" \\u00a0\\t\", \"chain_of_approval\": \"a@b.c\"}",
					"{\"id_crm\": 42, \"chain_of_approval\": \"a@b.c\"}",
					"{\"id_crm\": [\"x\"], \"chain_of_approval\": \"a@b.c\"}",
					"{\"id_crm\": {}, \"chain_of_approval\": \"a@b.c\"}",
					"{\"ID_CRM\": \"x\", \"chain_of_approval\": \"a@b.c\"}" })
	void emptyIdCrmIsRefused(String body) {
		this.elma.post(ElmaClient.CREATE, body).spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id_crm\": \"%s\"}", "{\"id_crm\": \"%s\", \"chain_of_approval\": null}",
			"{\"id_crm\": \"%s\", \"chain_of_approval\": \"\"}", "{\"id_crm\": \"%s\", \"chain_of_approval\": \"  \"}",
			"{\"id_crm\": \"%s\", \"chain_of_approval\": 7}",
			"{\"id_crm\": \"%s\", \"chain_of_approval\": [\"a@b.c\"]}",
			"{\"id_crm\": \"%s\", \"chain_of_approval\": \";, ;\\n,\"}" })
	void emptyChainIsRefused(String template) {
		this.elma.post(ElmaClient.CREATE, template.formatted(this.data.approval()))
			.spec(answer(400, Contract.CHAIN_EMPTY));
	}

	@Test
	void missingIdCrmIsReportedBeforeMissingChain() {
		this.elma.post(ElmaClient.CREATE, "{\"other\": 1}").spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@Test
	void emptyChainIsReportedBeforeUnknownApproval() {
		this.elma.createChain("8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11", " ").spec(answer(400, Contract.CHAIN_EMPTY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11", "123-123",
			"{8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11}", "8f7c54c43a5f4b479d3c5a0f0a3a4a11", "1-2-3-4-5" })
	void unknownApprovalIsNotFound(String id) {
		String approver = this.data.contact("ivan");
		this.elma.createChain(id, approver).spec(answer(400, Contract.approvalNotFound(id)));
	}

	@Test
	void unknownApprovalIsEchoedTrimmed() {
		String approver = this.data.contact("ivan");
		this.elma.createChain("\u00a0 123-123 \n", approver).spec(answer(400, Contract.approvalNotFound("123-123")));
	}

	@Test
	void approvalIdMatchesInAnyCaseAndWithSpaces() {
		String approval = this.data.approval();
		String approver = this.data.contact("ivan");
		this.elma.createChain("  " + approval.toUpperCase() + " ", approver).spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("IN_PROGRESS");
	}

	@Test
	void unknownEmailIsNotFoundEchoingTheFirstOneAsSent() {
		String approval = this.data.approval();
		String known = this.data.contact("ivan");
		this.elma.createChain(approval, known + "; \u00a0Unknown.One@Example.COM ;unknown.two@example.com")
			.spec(answer(400, Contract.contactNotFound("Unknown.One@Example.COM")));
		assertThat(this.data.approvalView(approval).status()).isEqualTo("NEW");
	}

	@Test
	void theFirstUnknownEmailIsReportedHoweverLongTheChain() {
		String approval = this.data.approval();
		List<String> chain = new ArrayList<>(this.data.contacts("known", 700));
		IntStream.range(0, 1_200).mapToObj((i) -> "Missing." + i + "@Example.COM").forEach(chain::add);
		this.elma.createChain(approval, String.join(";", chain))
			.spec(answer(400, Contract.contactNotFound("Missing.0@Example.COM")));
		assertThat(this.data.approvalView(approval).status()).isEqualTo("NEW");
	}

	@Test
	void aChainOfThousandsOfApproversKeepsTheirOrder() {
		String approval = this.data.approval();
		List<String> approvers = this.data.contacts("long", 1_300);
		List<String> chain = new ArrayList<>(approvers);
		chain.add(approvers.get(0).toUpperCase(Locale.ROOT));
		this.elma.createChain(approval, String.join(", ", chain)).spec(success());
		List<String> expected = new ArrayList<>(approvers);
		expected.add(approvers.get(0));
		assertThat(this.data.approvalView(approval).current()).extracting(StepView::email)
			.containsExactlyElementsOf(expected);
	}

	@Test
	void unknownApprovalIsReportedBeforeUnknownEmail() {
		this.elma.createChain("123-123", "nobody@example.com").spec(answer(400, Contract.approvalNotFound("123-123")));
	}

	@Test
	void emailsMatchContactsInAnyCaseAndWithSpaces() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, " \u00a0" + ivan.toUpperCase() + "\t").spec(success());
		assertThat(this.data.approvalView(approval).current()).extracting(StepView::email).containsExactly(ivan);
	}

	@Test
	void chainIsSplitOnSemicolonsAndCommasInOrder() {
		String approval = this.data.approval();
		String a = this.data.contact("a");
		String b = this.data.contact("b");
		String c = this.data.contact("c");
		String d = this.data.contact("d");
		this.elma.createChain(approval, a + ";" + b + " ,\n " + c + "\r\n;;, " + d + ";").spec(success());
		ApprovalView view = this.data.approvalView(approval);
		assertThat(view.current()).extracting(StepView::email).containsExactly(a, b, c, d);
		assertThat(view.current()).extracting(StepView::position).containsExactly(1, 2, 3, 4);
	}

	@Test
	void automaticApprovalNeedsNoContacts() {
		String approval = this.data.approval();
		this.elma.createChain(approval, " согласовано ").spec(success());
		ApprovalView view = this.data.approvalView(approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.steps()).isEmpty();
	}

	@Test
	void unknownFieldsAreIgnored() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma
			.post(ElmaClient.CREATE,
					json("id_crm", approval, "chain_of_approval", ivan, "comment", "x", "nested", List.of(1, 2)))
			.spec(success());
	}

	@Test
	void aRepeatedFieldTakesItsLastValue() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma
			.post(ElmaClient.CREATE,
					"{\"id_crm\": \"" + approval + "\", \"chain_of_approval\": \"nobody@example.com\","
							+ " \"chain_of_approval\": \"" + ivan + "\"}")
			.spec(success());
		assertThat(this.data.approvalView(approval).current()).extracting(StepView::email).containsExactly(ivan);
	}

	@Test
	void successIsTheEnvelopeWithAnEmptyMessage() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String body = this.elma.request()
			.body(json("id_crm", approval, "chain_of_approval", ivan))
			.post(ElmaClient.CREATE)
			.then()
			.spec(success())
			.extract()
			.asString();
		assertThat(body).isEqualTo("{\"status\":200,\"error_message\":\"\"}");
	}

	@Test
	void cyrillicIsWrittenAsUtf8NotEscaped() {
		byte[] body = this.elma.request()
			.body("")
			.post(ElmaClient.CREATE)
			.then()
			.spec(answer(400, Contract.ID_CRM_EMPTY))
			.extract()
			.asByteArray();
		assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains(Contract.ID_CRM_EMPTY)
			.doesNotContain("\\u");
	}

}
