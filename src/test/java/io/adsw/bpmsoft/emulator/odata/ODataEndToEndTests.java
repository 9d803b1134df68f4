package io.adsw.bpmsoft.emulator.odata;

import java.time.Instant;
import java.util.List;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.adsw.bpmsoft.emulator.odata.DataService.EMPTY_DATE;
import static io.adsw.bpmsoft.emulator.odata.DataService.EMPTY_GUID;
import static io.adsw.bpmsoft.emulator.odata.DataService.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow QA runs on a stand: contacts and an approval prepared through OData,
 * ELMA posting the chain and the resolutions to ElmaService, and OData showing the visas
 * (expanded from the approval and filtered by {@code ApprovalId}) and the approval's
 * status as they change.
 */
@StandTest
class ODataEndToEndTests {

	private static final String APPROVE = "Согласовано";

	private static final String REJECT = "Отклонено";

	@LocalServerPort
	int port;

	DataService odata;

	@Autowired
	ElmaClient elma;

	String tag;

	String approval;

	List<String> contacts;

	List<String> emails;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
		this.tag = DataService.tag();
		this.emails = List.of(DataService.email(this.tag + "anna"), DataService.email(this.tag + "boris"),
				DataService.email(this.tag + "clara"));
		this.contacts = List.of(this.odata.createContact(this.tag + " Anna", this.emails.get(0)),
				this.odata.createContact(this.tag + " Boris", this.emails.get(1)),
				this.odata.createContact(this.tag + " Clara", this.emails.get(2)));
		this.approval = this.odata.createApproval(this.tag + " Договор поставки");
	}

	/** The approval's visas through its navigation, in chain order. */
	private List<JsonNode> expanded() {
		JsonNode row = this.odata
			.read("Approval(" + this.approval + ")?$expand=ApprovalVisaCollectionByApproval($orderby=Round,Position)");
		return List.copyOf(row.get("ApprovalVisaCollectionByApproval").values());
	}

	/** The approval's visas filtered from the visa set, in chain order. */
	private List<JsonNode> filtered() {
		return this.odata.rows("ApprovalVisa?$filter=ApprovalId eq " + this.approval + "&$orderby=Round,Position");
	}

	/** The visas, after checking that both ways of reading them agree. */
	private List<JsonNode> visas() {
		List<JsonNode> visas = filtered();
		assertThat(expanded()).isEqualTo(visas);
		return visas;
	}

	private JsonNode approvalRow() {
		return this.odata.entity("Approval", this.approval);
	}

	private static String summary(JsonNode visa) {
		return visa.get("Round").intValue() + "/" + visa.get("Position").intValue() + " "
				+ visa.get("VisaOwnerId").asString() + " " + visa.get("StatusId").asString() + " "
				+ visa.get("SetById").asString() + " " + visa.get("IsCanceled").booleanValue();
	}

	private String pending(int round, int position, int contact) {
		return round + "/" + position + " " + this.contacts.get(contact) + " " + DataService.WAITING + " " + EMPTY_GUID
				+ " false";
	}

	private String decided(int round, int position, int contact, String status) {
		String who = this.contacts.get(contact);
		return round + "/" + position + " " + who + " " + status + " " + who + " false";
	}

	private String canceled(int round, int position, int contact) {
		return round + "/" + position + " " + this.contacts.get(contact) + " " + DataService.CANCELED + " " + EMPTY_GUID
				+ " true";
	}

	@Test
	void approvalPreparedThroughODataIsNewWithNoVisas() {
		JsonNode row = approvalRow();
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.NEW);
		assertThat(row.get("Round").intValue()).isZero();
		assertThat(visas()).isEmpty();
		assertThat(this.odata.read("Approval(" + this.approval + ")?$expand=Status($select=Name)")
			.get("Status")
			.get("Name")
			.asString()).isEqualTo("New");
	}

	@Test
	void chainFromElmaShowsAsWaitingVisasInOrder() {
		this.elma.createChain(this.approval, String.join("; ", this.emails)).spec(success());
		JsonNode row = approvalRow();
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.IN_PROGRESS);
		assertThat(row.get("Round").intValue()).isEqualTo(1);
		List<JsonNode> visas = visas();
		assertThat(visas).extracting(ODataEndToEndTests::summary)
			.containsExactly(pending(1, 1, 0), pending(1, 2, 1), pending(1, 3, 2));
		assertThat(visas).allSatisfy((visa) -> {
			assertThat(visa.get("ApprovalId").asString()).isEqualTo(this.approval);
			assertThat(visa.get("SetDate").asString()).isEqualTo(EMPTY_DATE);
			assertThat(visa.get("CreatedOn").asString()).matches(TIMESTAMP);
		});
	}

	@Test
	void everyApprovalShowsAsPositiveVisasAndApprovesTheApproval() {
		this.elma.createChain(this.approval, String.join(",", this.emails)).spec(success());
		Instant before = Instant.now().minusSeconds(1);
		this.elma.resolve(this.approval, this.emails.get(0), APPROVE).spec(success());
		assertThat(visas()).extracting(ODataEndToEndTests::summary)
			.containsExactly(decided(1, 1, 0, DataService.POSITIVE), pending(1, 2, 1), pending(1, 3, 2));
		assertThat(approvalRow().get("StatusId").asString()).isEqualTo(DataService.IN_PROGRESS);
		this.elma.resolve(this.approval, this.emails.get(1), APPROVE).spec(success());
		this.elma.resolve(this.approval, this.emails.get(2).toUpperCase(), APPROVE).spec(success());
		List<JsonNode> visas = visas();
		assertThat(visas).extracting(ODataEndToEndTests::summary)
			.containsExactly(decided(1, 1, 0, DataService.POSITIVE), decided(1, 2, 1, DataService.POSITIVE),
					decided(1, 3, 2, DataService.POSITIVE));
		assertThat(visas).allSatisfy((visa) -> {
			String setDate = visa.get("SetDate").asString();
			assertThat(setDate).matches(TIMESTAMP);
			assertThat(Instant.parse(setDate)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
			assertThat(Instant.parse(setDate)).isAfterOrEqualTo(Instant.parse(visa.get("CreatedOn").asString()));
		});
		assertThat(Instant.parse(visas.get(2).get("SetDate").asString()))
			.isAfter(Instant.parse(visas.get(0).get("SetDate").asString()));
		JsonNode row = approvalRow();
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.APPROVED);
		assertThat(this.odata.read("Approval(" + this.approval + ")?$expand=Status($select=Name)")
			.get("Status")
			.get("Name")
			.asString()).isEqualTo("Approved");
	}

	@Test
	void rejectionShowsAsANegativeVisaCancelsTheRestAndRejectsTheApproval() {
		this.elma.createChain(this.approval, String.join(";", this.emails)).spec(success());
		this.elma.resolve(this.approval, this.emails.get(0), APPROVE).spec(success());
		this.elma.resolve(this.approval, this.emails.get(1), REJECT).spec(success());
		List<JsonNode> visas = visas();
		assertThat(visas).extracting(ODataEndToEndTests::summary)
			.containsExactly(decided(1, 1, 0, DataService.POSITIVE), decided(1, 2, 1, DataService.NEGATIVE),
					canceled(1, 3, 2));
		assertThat(visas.get(1).get("SetDate").asString()).matches(TIMESTAMP).isNotEqualTo(EMPTY_DATE);
		assertThat(visas.get(2).get("SetDate").asString()).isEqualTo(EMPTY_DATE);
		assertThat(approvalRow().get("StatusId").asString()).isEqualTo(DataService.REJECTED);
		assertThat(this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + this.approval
				+ " and Status/Name eq 'Negative'&$expand=SetBy($select=Email)", "SetById"))
			.containsExactly(this.contacts.get(1));
	}

	@Test
	void newChainAfterARejectionOpensASecondRoundAndKeepsTheHistory() {
		this.elma.createChain(this.approval, this.emails.get(0) + ";" + this.emails.get(1)).spec(success());
		this.elma.resolve(this.approval, this.emails.get(0), REJECT).spec(success());
		this.elma.createChain(this.approval, this.emails.get(2) + ";" + this.emails.get(0)).spec(success());
		JsonNode row = approvalRow();
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.IN_PROGRESS);
		assertThat(row.get("Round").intValue()).isEqualTo(2);
		assertThat(visas()).extracting(ODataEndToEndTests::summary)
			.containsExactly(decided(1, 1, 0, DataService.NEGATIVE), canceled(1, 2, 1), pending(2, 1, 2),
					pending(2, 2, 0));
		assertThat(this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + this.approval
				+ " and Round eq 2 and Status/Id eq " + DataService.WAITING + "&$orderby=Position", "VisaOwnerId"))
			.containsExactly(this.contacts.get(2), this.contacts.get(0));
	}

	@Test
	void newChainWhileInProgressCancelsTheWaitingVisasOfTheOldRound() {
		this.elma.createChain(this.approval, this.emails.get(0) + ";" + this.emails.get(1)).spec(success());
		this.elma.resolve(this.approval, this.emails.get(0), APPROVE).spec(success());
		this.elma.createChain(this.approval, this.emails.get(2)).spec(success());
		assertThat(visas()).extracting(ODataEndToEndTests::summary)
			.containsExactly(decided(1, 1, 0, DataService.POSITIVE), canceled(1, 2, 1), pending(2, 1, 2));
		this.elma.resolve(this.approval, this.emails.get(2), APPROVE).spec(success());
		assertThat(approvalRow().get("StatusId").asString()).isEqualTo(DataService.APPROVED);
	}

	@Test
	void automaticApprovalFromElmaApprovesWithoutVisas() {
		this.elma.createChain(this.approval, APPROVE).spec(success());
		JsonNode row = approvalRow();
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.APPROVED);
		assertThat(visas()).isEmpty();
		assertThat(this.odata.get("Approval(" + this.approval + ")/ApprovalVisaCollectionByApproval/$count").asString())
			.isEqualTo("0");
	}

	@Test
	void visasAreFoundThroughTheirOwnerEmailAndStatusName() {
		this.elma.createChain(this.approval, String.join(";", this.emails)).spec(success());
		this.elma.resolve(this.approval, this.emails.get(0), APPROVE).spec(success());
		List<JsonNode> waitingForBoris = this.odata.rows("ApprovalVisa?$filter=VisaOwner/Email eq '"
				+ this.emails.get(1) + "' and Status/Name eq 'Waiting'&$expand=Approval($select=Name)");
		assertThat(waitingForBoris).hasSize(1);
		assertThat(waitingForBoris.get(0).get("ApprovalId").asString()).isEqualTo(this.approval);
		assertThat(waitingForBoris.get(0).get("Approval").get("Name").asString())
			.isEqualTo(this.tag + " Договор поставки");
	}

	@Test
	void approvalModifiedOnFollowsElmasChanges() {
		Instant created = Instant.parse(approvalRow().get("ModifiedOn").asString());
		this.elma.createChain(this.approval, this.emails.get(0)).spec(success());
		Instant chained = Instant.parse(approvalRow().get("ModifiedOn").asString());
		this.elma.resolve(this.approval, this.emails.get(0), APPROVE).spec(success());
		Instant approved = Instant.parse(approvalRow().get("ModifiedOn").asString());
		assertThat(chained).isAfter(created);
		assertThat(approved).isAfter(chained);
		assertThat(approvalRow().get("CreatedOn").asString()).matches(TIMESTAMP);
	}

}
