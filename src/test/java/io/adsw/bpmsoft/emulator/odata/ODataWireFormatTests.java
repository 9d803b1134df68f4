package io.adsw.bpmsoft.emulator.odata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.adsw.bpmsoft.emulator.odata.DataService.EMPTY_DATE;
import static io.adsw.bpmsoft.emulator.odata.DataService.EMPTY_GUID;
import static io.adsw.bpmsoft.emulator.odata.DataService.TIMESTAMP;
import static io.adsw.bpmsoft.emulator.odata.DataService.json;
import static io.adsw.bpmsoft.emulator.odata.DataService.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creatio's JSON conventions (SPEC §5.2): context URLs, {@code @odata.count}, flat lookup
 * ids, empty values, seven-digit UTC timestamps, the model's property order, and the
 * status rows with their fixed ids and English names.
 */
@StandTest
class ODataWireFormatTests {

	@LocalServerPort
	int port;

	DataService odata;

	@Autowired
	ElmaClient elma;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void collectionContextIsTheAbsoluteMetadataUrlOfTheSet(String root) {
		DataService service = new DataService(this.port, root);
		JsonNode body = json(service.get("Contact?$top=1"));
		assertThat(body.get("@odata.context").asString())
			.isEqualTo("http://localhost:" + this.port + root + "/$metadata#Contact");
		assertThat(names(body)).containsExactly("@odata.context", "value");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void singleRowContextEndsInEntity(String root) {
		DataService service = new DataService(this.port, root);
		String tag = DataService.tag();
		String id = service.createContact(tag, DataService.email(tag));
		JsonNode body = json(service.get("Contact(" + id + ")"));
		assertThat(body.get("@odata.context").asString())
			.isEqualTo("http://localhost:" + this.port + root + "/$metadata#Contact/$entity");
		assertThat(names(body).get(0)).isEqualTo("@odata.context");
	}

	@Test
	void selectListIsPartOfTheContextInTheOrderAsked() {
		String tag = DataService.tag();
		this.odata.createContact(tag, DataService.email(tag));
		JsonNode body = json(this.odata.get("Contact?$select=Id,Name&$filter=Name eq '" + tag + "'"));
		assertThat(body.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Contact(Id,Name)");
		assertThat(names(body.get("value").get(0))).containsExactly("Id", "Name");
	}

	@Test
	void selectListOfASingleRowIsPartOfItsContext() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag, DataService.email(tag));
		JsonNode body = json(this.odata.get("Contact(" + id + ")?$select=Name,Email"));
		assertThat(body.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Contact(Name,Email)/$entity");
		assertThat(names(body)).containsExactly("@odata.context", "Name", "Email");
	}

	@Test
	void countComesRightAfterTheContext() {
		String tag = DataService.tag();
		this.odata.createContact(tag + " A", DataService.email(tag));
		this.odata.createContact(tag + " B", DataService.email(tag));
		JsonNode body = json(this.odata.get("Contact?$count=true&$filter=startswith(Name,'" + tag + "')"));
		assertThat(names(body)).containsExactly("@odata.context", "@odata.count", "value");
		assertThat(body.get("@odata.count").isIntegralNumber()).isTrue();
		assertThat(body.get("@odata.count").intValue()).isEqualTo(2);
	}

	@Test
	void countFalseWritesNoCount() {
		JsonNode body = json(this.odata.get("VisaStatus?$count=false"));
		assertThat(names(body)).containsExactly("@odata.context", "value");
	}

	@Test
	void lookupsAreFlatIdsAndNavigationsAppearOnlyWhenExpanded() {
		String tag = DataService.tag();
		String approval = this.odata.createApproval(tag);
		JsonNode row = json(this.odata.get("Approval(" + approval + ")"));
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.NEW);
		assertThat(row.has("Status")).isFalse();
		assertThat(row.has("ApprovalVisaCollectionByApproval")).isFalse();
		assertThat(names(row)).noneMatch((name) -> name.contains("@odata.") && !name.equals("@odata.context"));
	}

	@Test
	void emptyValuesAreTheEmptyGuidTheEmptyStringAndTheEmptyDate() {
		String tag = DataService.tag();
		String approval = this.odata.createApproval(tag);
		String email = DataService.email(tag);
		this.odata.createContact(tag, email);
		this.elma.createChain(approval, email).spec(success());
		JsonNode visa = this.odata.rows("ApprovalVisa?$filter=ApprovalId eq " + approval).get(0);
		assertThat(visa.get("SetById").isString()).isTrue();
		assertThat(visa.get("SetById").asString()).isEqualTo(EMPTY_GUID);
		assertThat(visa.get("SetDate").asString()).isEqualTo(EMPTY_DATE);
		assertThat(visa.get("Comment").isString()).isTrue();
		assertThat(visa.get("Comment").asString()).isEmpty();
		assertThat(visa.get("IsCanceled").isBoolean()).isTrue();
		assertThat(visa.get("IsCanceled").booleanValue()).isFalse();
		assertThat(visa.get("ProcessListeners").isIntegralNumber()).isTrue();
		assertThat(visa.get("ProcessListeners").intValue()).isZero();
		assertThat(visa.properties()).noneMatch((property) -> property.getValue().isNull());
	}

	@Test
	void emptyTextColumnsAreEmptyStringsNeverNull() {
		String tag = DataService.tag();
		// An empty GivenName given keeps the name from filling it and the Surname.
		Response created = this.odata.post("Contact", ElmaClient.json("Name", tag, "GivenName", ""));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode row = this.odata.entity("Contact", json(created).get("Id").asString());
		for (String column : List.of("Surname", "GivenName", "Email", "JobTitle", "Phone", "MobilePhone")) {
			assertThat(row.get(column).isString()).as(column).isTrue();
			assertThat(row.get(column).asString()).as(column).isEmpty();
		}
		assertThat(row.get("CreatedById").asString()).matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
		assertThat(row.properties()).noneMatch((property) -> property.getValue().isNull());
	}

	@Test
	void timestampsAreUtcWithExactlySevenFractionalDigits() {
		String tag = DataService.tag();
		Response created = this.odata.post("Contact", ElmaClient.json("Name", tag));
		JsonNode echoed = json(created);
		JsonNode read = this.odata.entity("Contact", echoed.get("Id").asString());
		for (JsonNode row : List.of(echoed, read)) {
			assertThat(row.get("CreatedOn").asString()).matches(TIMESTAMP);
			assertThat(row.get("ModifiedOn").asString()).matches(TIMESTAMP);
			assertThat(Instant.parse(row.get("CreatedOn").asString())).isBetween(Instant.now().minusSeconds(300),
					Instant.now().plusSeconds(1));
		}
	}

	@Test
	void timestampsWithFewerDigitsAreZeroPadded() {
		JsonNode status = this.odata.entity("VisaStatus", DataService.WAITING);
		assertThat(status.get("CreatedOn").asString()).isEqualTo("2024-01-01T00:00:00.0000000Z");
		assertThat(status.get("ModifiedOn").asString()).isEqualTo("2024-01-01T00:00:00.0000000Z");
	}

	@Test
	void setDateOfADecidedVisaIsASevenDigitTimestamp() {
		String tag = DataService.tag();
		String approval = this.odata.createApproval(tag);
		String email = DataService.email(tag);
		this.odata.createContact(tag, email);
		this.elma.createChain(approval, email).spec(success());
		this.elma.resolve(approval, email, "Согласовано").spec(success());
		JsonNode visa = this.odata.rows("ApprovalVisa?$filter=ApprovalId eq " + approval).get(0);
		assertThat(visa.get("SetDate").asString()).matches(TIMESTAMP).isNotEqualTo(EMPTY_DATE);
		for (String column : List.of("CreatedOn", "ModifiedOn")) {
			assertThat(visa.get(column).asString()).as(column).matches(TIMESTAMP);
		}
	}

	@ParameterizedTest
	@MethodSource("everySet")
	void propertiesComeInTheOrderOfTheMetadata(String set, String resource) throws Exception {
		if (set.equals("ApprovalVisa")) {
			String tag = DataService.tag();
			String approval = this.odata.createApproval(tag);
			String email = DataService.email(tag);
			this.odata.createContact(tag, email);
			this.elma.createChain(approval, email).spec(success());
			resource = "ApprovalVisa?$filter=ApprovalId eq " + approval;
		}
		else if (set.equals("Contact") || set.equals("Approval")) {
			String tag = DataService.tag();
			String id = set.equals("Contact") ? this.odata.createContact(tag, DataService.email(tag))
					: this.odata.createApproval(tag);
			resource = set + "?$filter=Id eq " + id;
		}
		Map<String, Map<String, String>> types = ODataAddressingTests
			.entityTypes(ODataAddressingTests.metadata(this.odata));
		List<String> declared = List.copyOf(types.get(set).keySet());
		List<JsonNode> rows = this.odata.rows(resource);
		assertThat(rows).isNotEmpty();
		assertThat(rows).allSatisfy((row) -> assertThat(names(row)).containsExactlyElementsOf(declared));
	}

	static Stream<Arguments> everySet() {
		return Stream.of(Arguments.of("Contact", null), Arguments.of("Approval", null),
				Arguments.of("ApprovalVisa", null), Arguments.of("VisaStatus", "VisaStatus"),
				Arguments.of("ApprovalStatus", "ApprovalStatus"));
	}

	@Test
	void contactPropertiesAreCreatiosInCreatiosOrder() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag, DataService.email(tag));
		assertThat(names(this.odata.entity("Contact", id))).containsExactly("@odata.context", "Id", "Name", "Surname",
				"GivenName", "Email", "JobTitle", "Phone", "MobilePhone", "CreatedOn", "CreatedById", "ModifiedOn",
				"ModifiedById", "ProcessListeners");
	}

	@Test
	void visaStatusHasCreatiosFourRowsWithTheirIdsAndEnglishNames() {
		List<JsonNode> rows = this.odata.rows("VisaStatus?$select=Id,Name");
		assertThat(rows).extracting((row) -> row.get("Id").asString() + " " + row.get("Name").asString())
			.containsExactlyInAnyOrder(DataService.WAITING + " Waiting", DataService.POSITIVE + " Positive",
					DataService.NEGATIVE + " Negative", DataService.CANCELED + " Canceled");
	}

	@Test
	void approvalStatusHasFourRowsWithTheirIdsAndEnglishNames() {
		List<JsonNode> rows = this.odata.rows("ApprovalStatus?$select=Id,Name");
		assertThat(rows).extracting((row) -> row.get("Id").asString() + " " + row.get("Name").asString())
			.containsExactlyInAnyOrder(DataService.NEW + " New", DataService.IN_PROGRESS + " InProgress",
					DataService.APPROVED + " Approved", DataService.REJECTED + " Rejected");
	}

	@ParameterizedTest
	@ValueSource(strings = { "VisaStatus(3462594d-77a7-4b0a-874a-6d8b54b293bc) Waiting",
			"VisaStatus(e79facb3-3c32-43e7-a59e-12ba125e6132) Positive",
			"VisaStatus(a93ab0b9-ca36-4b95-9b23-e01aa169c338) Negative",
			"VisaStatus(9120fdef-69be-4168-b5f3-517714b7a4e9) Canceled",
			"ApprovalStatus(f5f618ad-5800-4e6d-831f-408312f42d8d) New",
			"ApprovalStatus(cd899364-c6b9-4ca4-8c8d-bd38d6553354) InProgress",
			"ApprovalStatus(dd4eb02a-1ab5-4ca1-b031-b24f7d2518e6) Approved",
			"ApprovalStatus(918774de-b87f-41e8-bf8a-87ed9ce8916d) Rejected" })
	void statusRowIsFoundByItsFixedIdWithItsEnglishName(String rowAndName) {
		String[] parts = rowAndName.split(" ");
		Response response = this.odata.get(parts[0] + "/Name/$value");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.asString()).isEqualTo(parts[1]);
	}

	@Test
	void statusRowsExposeIdAndNameWithTheSystemColumns() {
		JsonNode status = this.odata.entity("ApprovalStatus", DataService.APPROVED);
		assertThat(names(status)).containsExactly("@odata.context", "Id", "Name", "CreatedOn", "CreatedById",
				"ModifiedOn", "ModifiedById", "ProcessListeners");
	}

	@Test
	void jsonAnswersAreUtf8WithoutEscapes() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Иван Петров", DataService.email(tag));
		Response response = this.odata.get("Contact(" + id + ")?$select=Name");
		assertThat(response.contentType()).contains("application/json");
		assertThat(new String(response.asByteArray(), java.nio.charset.StandardCharsets.UTF_8)).contains("Иван Петров")
			.doesNotContain("\\u");
	}

}
