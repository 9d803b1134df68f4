package io.adsw.bpmsoft.emulator.elma;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.json;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * ChangeApproverResolution, checks 2 to 9 of the contract, in their order: what is
 * refused, with which message, and what is accepted.
 */
@StandTest
class ChangeApproverResolutionTests {

	private static final String APPROVED = "Согласовано";

	private static final String REJECTED = "Отклонено";

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	String approval;

	String approver;

	@BeforeEach
	void setUp() {
		this.approval = this.data.approval();
		this.approver = this.data.contact("ivan");
		this.elma.createChain(this.approval, this.approver).spec(success());
	}

	@Test
	void bodyWithNoBytesIsRefusedAsMissingIdCrm() {
		this.elma.request().post(ElmaClient.CHANGE).then().spec(answer(400, Contract.ID_CRM_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "   \r\n\t  ", "\u00A0", "\u00A0\u00A0", "\n\u00A0\n" })
	void bodyOfOnlyWhitespaceIsRefusedAsMissingIdCrm(String body) {
		post(body).spec(answer(400, Contract.ID_CRM_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{ }", "\u00A0{\u00A0}\u00A0", "{\n}" })
	void bodyOfAnEmptyObjectIsRefusedAsMissingIdCrm(String body) {
		post(body).spec(answer(400, Contract.ID_CRM_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@Test
	void bodyThatIsNotJsonIsRefusedNamingWhere() {
		post("{\"id_crm\": \"" + this.approval + "\",\n \"approver\": oops}").spec(answer(400,
				"Тело запроса не является корректным JSON: нераспознанное значение «oops»: значением может быть строка"
						+ " в двойных кавычках, число, объект, массив, true, false или null (строка 2, столбец 14)"));
		assertStillAwaitingTheApprover();
	}

	@Test
	void bodyThatIsAJsonArrayIsRefusedNamingWhere() {
		post("\n  [" + json("id_crm", this.approval, "approver", this.approver, "resolution", APPROVED) + "]")
			.spec(answer(400, "Тело запроса должно быть JSON-объектом, а не массивом (строка 2, столбец 3)"));
		assertStillAwaitingTheApprover();
	}

	@Test
	void requestWithoutIdCrmIsRefused() {
		post(json("approver", this.approver, "resolution", APPROVED)).spec(answer(400, Contract.ID_CRM_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@MethodSource("emptyValues")
	void requestWithEmptyIdCrmIsRefused(Object idCrm) {
		post(json("id_crm", idCrm, "approver", this.approver, "resolution", APPROVED))
			.spec(answer(400, Contract.ID_CRM_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@Test
	void idCrmHoldingTheIdInsideAnArrayOrObjectIsRefusedAsEmpty() {
		post(json("id_crm", List.of(this.approval), "approver", this.approver, "resolution", APPROVED))
			.spec(answer(400, Contract.ID_CRM_EMPTY));
		post(json("id_crm", Map.of("id", this.approval), "approver", this.approver, "resolution", APPROVED))
			.spec(answer(400, Contract.ID_CRM_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@Test
	void requestWithoutApproverIsRefused() {
		post(json("id_crm", this.approval, "resolution", APPROVED)).spec(answer(400, Contract.APPROVER_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@MethodSource("emptyValues")
	void requestWithEmptyApproverIsRefused(Object approver) {
		post(json("id_crm", this.approval, "approver", approver, "resolution", APPROVED))
			.spec(answer(400, Contract.APPROVER_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@Test
	void approverHoldingTheEmailInsideAnArrayIsRefusedAsEmpty() {
		post(json("id_crm", this.approval, "approver", List.of(this.approver), "resolution", APPROVED))
			.spec(answer(400, Contract.APPROVER_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@Test
	void requestWithoutResolutionIsRefused() {
		post(json("id_crm", this.approval, "approver", this.approver)).spec(answer(400, Contract.RESOLUTION_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@MethodSource("emptyValues")
	void requestWithEmptyResolutionIsRefused(Object resolution) {
		post(json("id_crm", this.approval, "approver", this.approver, "resolution", resolution))
			.spec(answer(400, Contract.RESOLUTION_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@Test
	void resolutionHoldingAValidValueInsideAnArrayIsRefusedAsEmpty() {
		post(json("id_crm", this.approval, "approver", this.approver, "resolution", List.of(APPROVED)))
			.spec(answer(400, Contract.RESOLUTION_EMPTY));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Да", "approved", "Согласован", "Согласовано.", "Отклонен", "Согласовано Отклонено", "0",
			"true" })
	void resolutionOtherThanApprovedOrRejectedIsRefused(String resolution) {
		this.elma.resolve(this.approval, this.approver, resolution).spec(answer(400, Contract.RESOLUTION_INVALID));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Согласовано", " согласовано ", "СОГЛАСОВАНО", "\u00A0Согласовано\t", "сОгЛаСоВаНо" })
	void approvalIsAcceptedTrimmedInAnyCase(String resolution) {
		this.elma.resolve(this.approval, this.approver, resolution).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.approver, "APPROVED"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Отклонено", "ОТКЛОНЕНО", " отклонено ", "\nОтклонено\n" })
	void rejectionIsAcceptedTrimmedInAnyCase(String resolution) {
		this.elma.resolve(this.approval, this.approver, resolution).spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("REJECTED");
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.approver, "REJECTED"));
	}

	@Test
	void unknownApprovalIsNotFound() {
		String unknown = UUID.randomUUID().toString();
		this.elma.resolve(unknown, this.approver, APPROVED).spec(answer(400, Contract.approvalNotFound(unknown)));
		assertStillAwaitingTheApprover();
	}

	@ParameterizedTest
	@ValueSource(strings = { "123-123", "1-2-3-4-5", "not a guid", "{035e0f7b-18d2-4f24-87d8-59f107110a01}",
			"035e0f7b18d24f2487d859f107110a01" })
	void idCrmThatIsNotAGuidIsNotFoundEchoedAsSent(String idCrm) {
		this.elma.resolve(idCrm, this.approver, APPROVED).spec(answer(400, Contract.approvalNotFound(idCrm)));
	}

	@Test
	void unknownApprovalIsEchoedTrimmed() {
		String unknown = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
		this.elma.resolve("  " + unknown + "\u00A0\n", this.approver, APPROVED)
			.spec(answer(400, Contract.approvalNotFound(unknown)));
	}

	@Test
	void idCrmIsMatchedInAnyCase() {
		this.elma.resolve(this.approval.toUpperCase(Locale.ROOT), this.approver, APPROVED).spec(success());
		assertThat(this.data.approvalView(this.approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void idCrmIsMatchedTrimmed() {
		this.elma.resolve(" " + this.approval + "\t", this.approver, REJECTED).spec(success());
		assertThat(this.data.approvalView(this.approval).status()).isEqualTo("REJECTED");
	}

	@Test
	void unknownApproverIsNotFoundEchoedTrimmedAndNotLowerCased() {
		String unknown = "Nobody." + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
		this.elma.resolve(this.approval, "  " + unknown + "\n", APPROVED)
			.spec(answer(400, Contract.contactNotFound(unknown)));
		assertStillAwaitingTheApprover();
	}

	@Test
	void approverIsMatchedInAnyCaseAndTrimmed() {
		this.elma.resolve(this.approval, " \u00A0" + this.approver.toUpperCase(Locale.ROOT) + " ", APPROVED)
			.spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.approver, "APPROVED"));
	}

	@Test
	void emptyIdCrmComesBeforeEmptyApproverAndResolution() {
		post(json("id_crm", " ", "approver", "", "resolution", "")).spec(answer(400, Contract.ID_CRM_EMPTY));
		post("{\"unknown\": 1}").spec(answer(400, Contract.ID_CRM_EMPTY));
	}

	@Test
	void emptyApproverComesBeforeEmptyResolution() {
		post(json("id_crm", this.approval)).spec(answer(400, Contract.APPROVER_EMPTY));
		post(json("id_crm", this.approval, "approver", null, "resolution", "Да"))
			.spec(answer(400, Contract.APPROVER_EMPTY));
	}

	@Test
	void emptyApproverComesBeforeUnknownApproval() {
		post(json("id_crm", UUID.randomUUID().toString(), "resolution", APPROVED))
			.spec(answer(400, Contract.APPROVER_EMPTY));
	}

	@Test
	void emptyResolutionComesBeforeUnknownApprovalAndApprover() {
		post(json("id_crm", UUID.randomUUID().toString(), "approver", "nobody@example.com", "resolution", " "))
			.spec(answer(400, Contract.RESOLUTION_EMPTY));
	}

	@Test
	void invalidResolutionComesBeforeUnknownApproval() {
		this.elma.resolve(UUID.randomUUID().toString(), this.approver, "approved")
			.spec(answer(400, Contract.RESOLUTION_INVALID));
	}

	@Test
	void invalidResolutionComesBeforeUnknownApprover() {
		this.elma.resolve(this.approval, "nobody@example.com", "Да").spec(answer(400, Contract.RESOLUTION_INVALID));
	}

	@Test
	void unknownApprovalComesBeforeUnknownApprover() {
		String unknown = UUID.randomUUID().toString();
		this.elma.resolve(unknown, "nobody@example.com", APPROVED)
			.spec(answer(400, Contract.approvalNotFound(unknown)));
	}

	@Test
	void unknownApproverComesBeforeTheLifecycleRules() {
		String fresh = this.data.approval();
		this.elma.resolve(fresh, "Nobody@Example.com", APPROVED)
			.spec(answer(400, Contract.contactNotFound("Nobody@Example.com")));
		this.elma.resolve(fresh, this.approver, APPROVED)
			.spec(answer(400, Contract.notInProgress(fresh, this.approver, "Новое")));
	}

	@Test
	void unknownFieldsAreIgnored() {
		post(json("id_crm", this.approval, "comment", "Проверено", "approver", this.approver, "resolution", APPROVED,
				"decided_on", 42, "chain_of_approval", "nobody@example.com", "extra", Map.of("id_crm", "")))
			.spec(success());
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("APPROVED");
		assertThat(view.round()).isEqualTo(1);
		assertThat(view.current()).extracting(StepView::email, StepView::status)
			.containsExactly(tuple(this.approver, "APPROVED"));
	}

	@Test
	void successIsTheEnvelopeWithAnEmptyMessage() {
		String body = this.elma.resolve(this.approval, this.approver, APPROVED).spec(success()).extract().asString();
		assertThat(body).isEqualToIgnoringWhitespace("{\"status\":200,\"error_message\":\"\"}");
	}

	@Test
	void errorMessageIsWrittenInUtf8WithoutEscapes() {
		byte[] body = this.elma.resolve(this.approval, this.approver, "Да")
			.spec(answer(400, Contract.RESOLUTION_INVALID))
			.extract()
			.asByteArray();
		assertThat(new String(body, StandardCharsets.UTF_8)).contains(Contract.RESOLUTION_INVALID)
			.doesNotContain("\\u");
	}

	static Stream<Named<Object>> emptyValues() {
		return Stream.of(Named.of("null", null), Named.of("empty string", ""), Named.of("spaces", "   "),
				Named.of("tab, line break and no-break space", "\t\r\n\u00A0"), Named.of("number", 42),
				Named.of("boolean", true), Named.of("array", List.of()), Named.of("object", Map.of()));
	}

	private ValidatableResponse post(String body) {
		return this.elma.request().body(body.getBytes(StandardCharsets.UTF_8)).post(ElmaClient.CHANGE).then();
	}

	/**
	 * A refused request changed nothing: the approval still waits for its one approver.
	 */
	private void assertStillAwaitingTheApprover() {
		ApprovalView view = this.data.approvalView(this.approval);
		assertThat(view.status()).isEqualTo("IN_PROGRESS");
		assertThat(view.round()).isEqualTo(1);
		assertThat(view.steps()).extracting(StepView::email, StepView::status, StepView::decidedOn)
			.containsExactly(tuple(this.approver, "PENDING", null));
	}

}
