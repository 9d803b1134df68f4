package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.RawResponses;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.json;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.adsw.bpmsoft.emulator.odata.DataService.error;
import static io.adsw.bpmsoft.emulator.odata.DataService.invalidBody;
import static io.adsw.bpmsoft.emulator.odata.DataService.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes through the data service (SPEC §5.2): POST, PATCH and DELETE with Creatio's
 * statuses, bodies refused in ASP.NET's words with nothing written, the stand's rules
 * (unique emails, visas that keep their contacts, read-only sets), and ElmaService seeing
 * every change at once.
 */
@StandTest
class ODataWriteTests {

	private static final String JSON_BODIES = "The data service reads request bodies in JSON: send them with"
			+ " Content-Type: application/json.";

	/** A key no row has. */
	private static final String KEY = "8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11";

	@LocalServerPort
	int port;

	DataService odata;

	@Autowired
	ElmaClient elma;

	String tag;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
		this.tag = DataService.tag();
	}

	private int countNamed(String name) {
		return this.odata.rows("Contact?$filter=Name eq '" + name + "'").size();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void postAnswers201WithTheLocationAndTheFullRow(String root) {
		DataService service = new DataService(this.port, root);
		String email = DataService.email(this.tag);
		Response response = service.post("Contact",
				json("Name", this.tag, "Surname", "Petrov", "GivenName", "Ivan", "Email", email, "JobTitle", "Engineer",
						"Phone", "+7 495 000-00-00", "MobilePhone", "+7 900 000-00-00"));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode row = DataService.json(response);
		String id = row.get("Id").asString();
		assertThat(UUID.fromString(id).toString()).isEqualTo(id);
		assertThat(response.header("Location")).isEqualTo(service.serviceRoot() + "/Contact(" + id + ")");
		assertThat(row.get("@odata.context").asString())
			.isEqualTo(service.serviceRoot() + "/$metadata#Contact/$entity");
		assertThat(names(row)).containsExactly("@odata.context", "Id", "Name", "Surname", "GivenName", "Email",
				"JobTitle", "Phone", "MobilePhone", "CreatedOn", "CreatedById", "ModifiedOn", "ModifiedById",
				"ProcessListeners");
		assertThat(row.get("Name").asString()).isEqualTo(this.tag);
		assertThat(row.get("Surname").asString()).isEqualTo("Petrov");
		assertThat(row.get("GivenName").asString()).isEqualTo("Ivan");
		assertThat(row.get("Email").asString()).isEqualTo(email);
		assertThat(row.get("JobTitle").asString()).isEqualTo("Engineer");
		assertThat(row.get("Phone").asString()).isEqualTo("+7 495 000-00-00");
		assertThat(row.get("MobilePhone").asString()).isEqualTo("+7 900 000-00-00");
		assertThat(row.get("CreatedOn").asString()).matches(DataService.TIMESTAMP);
		assertThat(row.get("ModifiedOn").asString()).isEqualTo(row.get("CreatedOn").asString());
		JsonNode read = this.odata.entity("Contact", id);
		assertThat(read.get("Email").asString()).isEqualTo(email);
		assertThat(read.get("Phone").asString()).isEqualTo("+7 495 000-00-00");
	}

	@Test
	void postOfTheGuidesExampleSplitsTheNameAsCreatioDoes() {
		Response response = this.odata.post("Contact", json("Name", "New User", "JobTitle", "Customer manager"));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode row = DataService.json(response);
		assertThat(row.get("Name").asString()).isEqualTo("New User");
		assertThat(row.get("GivenName").asString()).isEqualTo("New");
		assertThat(row.get("Surname").asString()).isEqualTo("User");
		assertThat(row.get("JobTitle").asString()).isEqualTo("Customer manager");
		JsonNode read = this.odata.entity("Contact", row.get("Id").asString());
		assertThat(read.get("GivenName").asString()).isEqualTo("New");
		assertThat(read.get("Surname").asString()).isEqualTo("User");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "Supervisor|Supervisor|\"\"", "Anna Maria Schmidt|Anna|Maria Schmidt",
					"\"  Иван   Петров \"|Иван|Петров", "Иван Иванович Петров|Иван|Иванович Петров" })
	void newContactsGivenNameIsTheFirstWordOfItsNameAndItsSurnameTheRest(String name, String givenName,
			String surname) {
		Response response = this.odata.post("Contact", json("Name", name));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode row = DataService.json(response);
		assertThat(row.get("Name").asString()).isEqualTo(name);
		assertThat(row.get("GivenName").asString()).isEqualTo(givenName);
		assertThat(row.get("Surname").asString()).isEqualTo(surname);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "Surname|Petrov|\"\"|Petrov", "GivenName|Ivan|Ivan|\"\"", "Surname|\"\"|\"\"|\"\"" })
	void givenNameOrSurnameTheClientGivesIsKept(String property, String value, String givenName, String surname) {
		Response response = this.odata.post("Contact", json("Name", "New User", property, value));
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode row = DataService.json(response);
		assertThat(row.get("GivenName").asString()).isEqualTo(givenName);
		assertThat(row.get("Surname").asString()).isEqualTo(surname);
	}

	@Test
	void renamingAContactLeavesItsGivenNameAndSurname() {
		String id = this.odata.createContact("New User", DataService.email(this.tag));
		assertThat(this.odata.patch("Contact(" + id + ")", json("Name", "Other Person")).statusCode()).isEqualTo(204);
		JsonNode row = this.odata.entity("Contact", id);
		assertThat(row.get("Name").asString()).isEqualTo("Other Person");
		assertThat(row.get("GivenName").asString()).isEqualTo("New");
		assertThat(row.get("Surname").asString()).isEqualTo("User");
	}

	@Test
	void postKeepsTheIdTheClientGives() {
		String id = UUID.randomUUID().toString();
		Response response = this.odata.post("Contact", json("Id", id, "Name", this.tag));
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(DataService.json(response).get("Id").asString()).isEqualTo(id);
		assertThat(response.header("Location")).isEqualTo(this.odata.serviceRoot() + "/Contact(" + id + ")");
		assertThat(this.odata.entity("Contact", id).get("Name").asString()).isEqualTo(this.tag);
	}

	/**
	 * The empty GUID stands for "no row" in every lookup: a row with it as its Id would
	 * be found through lookups that name none. A GUID in a shortened form is not one.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					Contact  | 00000000-0000-0000-0000-000000000000 | The Id '00000000-0000-0000-0000-000000000000' is the empty GUID, which stands for no row: give another Id, or none for a new one.
					Approval | 00000000-0000-0000-0000-000000000000 | The Id '00000000-0000-0000-0000-000000000000' is the empty GUID, which stands for no row: give another Id, or none for a new one.
					Contact  | 1-2-3-4-5                            | Cannot convert the literal '1-2-3-4-5' to the expected type 'Edm.Guid'.
					Approval | {8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11} | Cannot convert the literal '{8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11}' to the expected type 'Edm.Guid'.
					""")
	void postWithAnIdThatNamesNoRowIsRefusedAndNothingIsWritten(String set, String id, String message) {
		Response response = this.odata.post(set, json("Id", id, "Name", this.tag));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody(message));
		assertThat(this.odata.get(set + "/$count?$filter=Name eq '" + this.tag + "'").asString()).isEqualTo("0");
	}

	/** The body is read in the charset its Content-Type names, as ASP.NET reads it. */
	@Test
	void bodyIsReadInTheCharsetItsContentTypeNames() {
		Charset cp1251 = Charset.forName("windows-1251");
		Response created = this.odata.request()
			.contentType("application/json; charset=windows-1251")
			.body(("{\"Name\":\"" + this.tag + " Пётр\"}").getBytes(cp1251))
			.post(this.odata.url("Contact"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(DataService.json(created).get("Name").asString()).isEqualTo(this.tag + " Пётр");
		Response unknown = this.odata.request()
			.contentType("application/json; charset=nonsense")
			.body(("{\"Name\":\"" + this.tag + "\"}").getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("Contact"));
		assertThat(unknown.statusCode()).isEqualTo(415);
		assertThat(DataService.json(unknown))
			.isEqualTo(DataService.error("The charset 'nonsense' the Content-Type names is not supported.",
					"The charset 'nonsense' the Content-Type names is not supported."));
		Response undecodable = this.odata.request()
			.contentType("application/json; charset=windows-1251")
			.body(new byte[] { '{', '"', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0x98, '"', '}' })
			.post(this.odata.url("Contact"));
		assertThat(undecodable.statusCode()).isEqualTo(400);
		assertThat(DataService.json(undecodable))
			.isEqualTo(invalidBody("The request body is not text in the charset windows-1251 its Content-Type names."));
		assertThat(this.odata.get("Contact/$count?$filter=startswith(Name,'" + this.tag + "')").asString())
			.isEqualTo("1");
	}

	@Test
	void postWithTheIdOfAnExistingRowIsRefusedAndChangesNothing() {
		String id = this.odata.createContact(this.tag + " first", DataService.email(this.tag));
		Response response = this.odata.post("Contact", json("Id", id, "Name", this.tag + " second"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response).get("error").get("code").asString()).isEmpty();
		assertThat(this.odata.entity("Contact", id).get("Name").asString()).isEqualTo(this.tag + " first");
	}

	@Test
	void postTakesItsOwnTypeAndAnnotationsThatDescribeTheRow() {
		Response response = this.odata.post("Contact", "{\"@odata.context\": \"" + this.odata.serviceRoot()
				+ "/$metadata#Contact/$entity\", \"@odata.type\": \"#BPMSoft.Configuration.OData.Contact\","
				+ " \"Name@odata.type\": \"String\", \"Name\": \"" + this.tag + "\", \"Id@odata.type\": \"#Guid\","
				+ " \"JobTitle@odata.type\": \"Edm.String\", \"JobTitle\": \"Lead\", \"@Custom.Note\": 1}");
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
		assertThat(DataService.json(response).get("JobTitle").asString()).isEqualTo("Lead");
		assertThat(countNamed(this.tag)).isEqualTo(1);
	}

	@Test
	void patchWithTheContextOfTheRowReadIsAccepted() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.patch("Contact(" + id + ")", "{\"@odata.context\": \"" + this.odata.serviceRoot()
				+ "/$metadata#Contact/$entity\", \"JobTitle\": \"Lead\"}");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Lead");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"Approval|\"Status@odata.bind\": \"ApprovalStatus(dd4eb02a-1ab5-4ca1-b031-b24f7d2518e6)\"|The navigation"
					+ " property 'Status' of type 'BPMSoft.Configuration.OData.Approval' is read-only: the stand"
					+ " maintains its column 'StatusId'.",
			"Approval|\"Status\": {\"Id\": \"dd4eb02a-1ab5-4ca1-b031-b24f7d2518e6\"}|The navigation property"
					+ " 'Status' of type 'BPMSoft.Configuration.OData.Approval' is read-only: the stand maintains its"
					+ " column 'StatusId'.",
			"Contact|\"CreatedBy@odata.bind\": \"Contact(8a4c1f6e-2b7d-4c1e-9f3a-5d6e7f8a9b0c)\"|The navigation"
					+ " property 'CreatedBy' of type 'BPMSoft.Configuration.OData.Contact' is read-only: the stand"
					+ " maintains its column 'CreatedById'.",
			"Approval|\"ApprovalVisaCollectionByApproval@odata.bind\": [\"ApprovalVisa(8a4c1f6e-2b7d-4c1e-9f3a-5d6e7f8a9b0c)\"]"
					+ "|The navigation property 'ApprovalVisaCollectionByApproval' of type"
					+ " 'BPMSoft.Configuration.OData.Approval' cannot be set: the rows it leads to change at their own"
					+ " address.",
			"Contact|\"Foo@odata.bind\": \"garbage\"|The property 'Foo' does not exist on type"
					+ " 'BPMSoft.Configuration.OData.Contact'. Make sure to only use property names that are defined by"
					+ " the type.",
			"Contact|\"Foo@odata.type\": \"String\"|The property 'Foo' does not exist on type"
					+ " 'BPMSoft.Configuration.OData.Contact'. Make sure to only use property names that are defined by"
					+ " the type.",
			"Contact|\"@odata.type\": \"#BPMSoft.Configuration.OData.Approval\"|A resource with type"
					+ " 'BPMSoft.Configuration.OData.Approval' was found, but it is not assignable to the expected type"
					+ " 'BPMSoft.Configuration.OData.Contact'. The type specified in the resource must be equal to"
					+ " either the expected type or a derived type.",
			"Contact|\"@odata.type\": \"#Foo.Bar\"|A type named 'Foo.Bar' could not be resolved by the model."
					+ " When a model is available, each type name must resolve to a valid type.",
			"Contact|\"Name@odata.type\": \"#Int32\"|The property 'Name' is of type 'Edm.String', not 'Int32' as"
					+ " its @odata.type says.",
			"Contact|\"@odata.count\": 1|The annotation 'odata.count' was found. This annotation is either not"
					+ " recognized or not expected at the current position.",
			"Contact|\"Name@odata.bind\": \"Contact(8a4c1f6e-2b7d-4c1e-9f3a-5d6e7f8a9b0c)\"|The annotation"
					+ " 'odata.bind' was found. This annotation is either not recognized or not expected at the current"
					+ " position." })
	void annotationsABodyMayNotCarryAreRefusedAndNothingIsWritten(String set, String field, String message) {
		Response response = this.odata.post(set, "{\"Name\": \"" + this.tag + "\", " + field + "}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody(message));
		assertThat(this.odata.rows(set + "?$filter=Name eq '" + this.tag + "'")).isEmpty();
	}

	@Test
	void bindInAPatchIsRefusedAndNothingChanges() {
		String id = this.odata.createApproval(this.tag);
		Response response = this.odata.patch("Approval(" + id + ")", "{\"Name\": \"" + this.tag
				+ " renamed\", \"Status@odata.bind\": \"ApprovalStatus(" + DataService.APPROVED + ")\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody("The navigation property 'Status' of type"
				+ " 'BPMSoft.Configuration.OData.Approval' is read-only: the stand maintains its column 'StatusId'."));
		JsonNode row = this.odata.entity("Approval", id);
		assertThat(row.get("Name").asString()).isEqualTo(this.tag);
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.NEW);
	}

	@Test
	void patchAnswers204AndTheChangeIsVisibleAtOnce() {
		String email = DataService.email(this.tag);
		String id = this.odata.createContact(this.tag, email);
		JsonNode before = this.odata.entity("Contact", id);
		Response response = this.odata.patch("Contact(" + id + ")", json("JobTitle", "Architect", "Phone", "123"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.asByteArray()).isEmpty();
		JsonNode after = this.odata.entity("Contact", id);
		assertThat(after.get("JobTitle").asString()).isEqualTo("Architect");
		assertThat(after.get("Phone").asString()).isEqualTo("123");
		assertThat(after.get("Name").asString()).isEqualTo(this.tag);
		assertThat(after.get("Email").asString()).isEqualTo(email);
		assertThat(after.get("CreatedOn").asString()).isEqualTo(before.get("CreatedOn").asString());
		assertThat(Instant.parse(after.get("ModifiedOn").asString()))
			.isAfter(Instant.parse(before.get("ModifiedOn").asString()));
	}

	@Test
	void patchWithTheRowsOwnIdIsAccepted() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.patch("Contact(" + id + ")", json("Id", id, "JobTitle", "Lead"));
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Lead");
	}

	@Test
	void patchWithAnotherIdIsRefusedAsReadOnlyAndNothingChanges() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.patch("Contact(" + id + ")",
				json("Id", java.util.UUID.randomUUID().toString(), "JobTitle", "Lead"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody(
				"The property 'Id' of type 'BPMSoft.Configuration.OData.Contact' is read-only: the stand maintains it."));
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	/**
	 * A row read, edited and sent back carries its read-only properties unchanged: they
	 * are taken; one changed is refused, and so is one in a new row.
	 */
	@Test
	void readOnlyPropertiesAreTakenUnchangedAndRefusedChanged() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		tools.jackson.databind.node.ObjectNode row = (tools.jackson.databind.node.ObjectNode) this.odata
			.entity("Contact", id);
		row.put("JobTitle", "Lead");
		assertThat(this.odata.patch("Contact(" + id + ")", row.toString()).statusCode()).isEqualTo(204);
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Lead");
		String readOnly = "The property 'CreatedOn' of type 'BPMSoft.Configuration.OData.Contact' is read-only:"
				+ " the stand maintains it.";
		Response changed = this.odata.patch("Contact(" + id + ")",
				json("CreatedOn", "2020-01-01T00:00:00Z", "JobTitle", "Changed"));
		assertThat(changed.statusCode()).isEqualTo(400);
		assertThat(DataService.json(changed))
			.isEqualTo(invalidBody(readOnly.substring(0, readOnly.length() - 1) + ", and the row's value is now '"
					+ row.get("CreatedOn").asString() + "'. Read the row again, or leave the property out."));
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Lead");
		Response created = this.odata.post("Contact",
				json("Name", this.tag + " new", "CreatedOn", row.get("CreatedOn").asString()));
		assertThat(created.statusCode()).isEqualTo(400);
		assertThat(DataService.json(created)).isEqualTo(invalidBody(readOnly));
	}

	@Test
	void patchCanEmptyATextColumn() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		assertThat(this.odata.patch("Contact(" + id + ")", json("Email", "")).statusCode()).isEqualTo(204);
		assertThat(this.odata.entity("Contact", id).get("Email").asString()).isEmpty();
	}

	@Test
	void deleteAnswers204AndTheRowIsGone() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.delete("Contact(" + id + ")");
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.asByteArray()).isEmpty();
		Response read = this.odata.get("Contact(" + id + ")");
		assertThat(read.statusCode()).isEqualTo(404);
		assertThat(read.asByteArray()).isEmpty();
		assertThat(this.odata.delete("Contact(" + id + ")").statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Contact", "Approval" })
	void patchOfAnUnknownKeyIs404(String set) {
		String id = UUID.randomUUID().toString();
		Response response = this.odata.patch(set + "(" + id + ")", json("Name", this.tag));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.asByteArray()).isEmpty();
		assertThat(this.odata.get(set + "(" + id + ")").statusCode()).isEqualTo(404);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Contact", "Approval" })
	void deleteOfAnUnknownKeyIs404(String set) {
		Response response = this.odata.delete(set + "(" + UUID.randomUUID() + ")");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.asByteArray()).isEmpty();
	}

	@Test
	void unknownPropertyInAPostIsRefusedAndNothingIsWritten() {
		Response response = this.odata.post("Contact", json("Name", this.tag, "Foo", "bar"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(DataService.json(response)).isEqualTo(invalidBody("The property 'Foo' does not exist on type"
				+ " 'BPMSoft.Configuration.OData.Contact'. Make sure to only use property names that are defined by"
				+ " the type."));
		assertThat(countNamed(this.tag)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "garbage" })
	void postOfABodyThatIsNotJsonIsRefusedWith415AndNothingIsWritten(String type) {
		Response response = this.odata.request()
			.contentType(type)
			.body(json("Name", this.tag).getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("Contact"));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(DataService.json(response)).isEqualTo(error(
				"The request entity's media type '" + type + "' is not supported for this resource.", JSON_BODIES));
		assertThat(countNamed(this.tag)).isZero();
	}

	/**
	 * A form body is the data service's to refuse, a broken one too: Spring's reading of
	 * forms sent with PATCH or PUT answered it with a 500 before.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "PATCH", "PUT" })
	void formBodyIsRefusedWith415AndNothingChanges(String method) {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.request()
			.contentType("application/x-www-form-urlencoded")
			.body("JobTitle=Lead&broken=%")
			.request(method, this.odata.url("Contact(" + id + ")"));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(DataService.json(response)).isEqualTo(
				error("The request entity's media type 'application/x-www-form-urlencoded' is not supported for this"
						+ " resource.", JSON_BODIES));
		assertThat(countNamed(this.tag)).isOne();
	}

	@Test
	void patchOfABodyThatIsNotJsonIsRefusedWith415AndNothingChanges() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.request()
			.contentType("text/plain")
			.body(json("JobTitle", "Lead").getBytes(StandardCharsets.UTF_8))
			.patch(this.odata.url("Contact(" + id + ")"));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(DataService.json(response)).isEqualTo(
				error("The request entity's media type 'text/plain' is not supported for this resource.", JSON_BODIES));
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@Test
	void patchWithoutAContentTypeIsRefusedWith415() throws Exception {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + this.odata.url("Contact(" + id + ")")))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((DataService.USER + ":" + DataService.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json("JobTitle", "Lead")))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(DataService.JSON.readTree(response.body())).isEqualTo(error(
				"The request entity's media type is not given: the request has no Content-Type header.", JSON_BODIES));
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@Test
	void postSentInChunksWithoutAContentTypeIsRefusedWith415() throws Exception {
		byte[] body = json("Name", this.tag).getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + this.odata.url("Contact")))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((DataService.USER + ":" + DataService.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			// No length known beforehand: the body goes in chunks.
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(DataService.JSON.readTree(response.body())).isEqualTo(error(
				"The request entity's media type is not given: the request has no Content-Type header.", JSON_BODIES));
		assertThat(this.odata.rows("Contact?$filter=Name eq '" + this.tag + "'")).isEmpty();
	}

	/**
	 * .NET's HttpWebRequest asks before sending a body ({@code Expect: 100-continue}): a
	 * body without a Content-Type is refused before it is asked for, as one sent at once
	 * is, and a body with one is asked for and written.
	 */
	@Test
	void clientAskingBeforeSendingItsBodyIsRefusedWithoutAContentTypeAndServedWithOne() throws IOException {
		String credentials = Base64.getEncoder()
			.encodeToString((DataService.USER + ":" + DataService.PASSWORD).getBytes(StandardCharsets.UTF_8));
		byte[] body = json("Name", this.tag).getBytes(StandardCharsets.UTF_8);
		String head = "POST " + this.odata.url("Contact") + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
				+ credentials + "\r\nExpect: 100-continue\r\nContent-Length: " + body.length + "\r\n";
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.US_ASCII));
			// Tomcat closes the connection of a client never asked for its body.
			assertThat(RawResponses.read(socket)).startsWith("HTTP/1.1 415 ")
				.doesNotContain("HTTP/1.1 100")
				.contains("The request entity's media type is not given: the request has no Content-Type header.");
		}
		try (Socket socket = new Socket("localhost", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write((head + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			assertThat(RawResponses.read(socket, "\r\n\r\n")).startsWith("HTTP/1.1 100");
			out.write(body);
			assertThat(RawResponses.read(socket, "}")).startsWith("HTTP/1.1 201 ");
		}
		assertThat(this.odata.rows("Contact?$filter=Name eq '" + this.tag + "'")).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"{\"Name\":\"x\"|the text ends before the JSON value does (line 1, column 12)",
			"{\"Name\" \"x\"}|unexpected character '\"' (line 1, column 9)",
			"{\"Name\":\"x\"} {}|more follows the JSON value (line 1, column 14)",
			"`{\n  \"Name\": tru\n}`|unrecognized token 'tru': a value is a string in double quotes, a number, an"
					+ " object, an array, true, false or null (line 2, column 11)",
			"{\"Name\":\"x\"} x|unrecognized token 'x': a value is a string in double quotes, a number, an"
					+ " object, an array, true, false or null (line 1, column 14)",
			"{\"Name\":\"x\"}}|more follows the JSON value (line 1, column 13)",
			"{\"Name\":\"x\"]|unexpected ']' where '}' closes the object (line 1, column 12)",
			"{\"Name\":[\"x\"}|unexpected '}' where ']' closes the array (line 1, column 13)",
			"{\"Name\":\"\\q\"}|unknown escape '\\q' in a string (line 1, column 11)",
			"`{\"Name\":\"a\tb\"}`|the control character U+0009 must be escaped in a string (line 1, column 11)",
			"{\"Position\": 01}|invalid number: leading zeroes not allowed (line 1, column 15)",
			"{\"Position\": 1e}|invalid number: exponent indicator not followed by a digit (line 1, column 15)",
			"{\"Position\": +1}|invalid number: JSON spec does not allow numbers to have plus signs (line 1, column 15)" })
	void bodyThatIsNotJsonIsRefusedWithWhereItGoesWrong(String body, String problem) {
		Response response = this.odata.post("Contact", body);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response))
			.isEqualTo(invalidBody("The request body is not valid JSON: " + problem + "."));
	}

	@Test
	void bodyNamingAPropertyTwiceIsRefusedAndNothingIsWritten() {
		Response created = this.odata.post("Contact",
				"{\"Name\": \"" + this.tag + "\",\n \"Name\": \"" + this.tag + "\"}");
		assertThat(created.statusCode()).isEqualTo(400);
		assertThat(DataService.json(created)).isEqualTo(invalidBody("The request body names the property 'Name' more"
				+ " than once (line 2, column 2): in OData, duplicate property names are not allowed."));
		assertThat(countNamed(this.tag)).isZero();
		for (String lineEnd : new String[] { "\r\n", "\r" }) {
			Response refused = this.odata.post("Contact",
					"{\"Name\": \"" + this.tag + "\"," + lineEnd + " \"Name\": \"" + this.tag + "\"}");
			assertThat(DataService.json(refused)).isEqualTo(invalidBody("The request body names the property 'Name'"
					+ " more than once (line 2, column 2): in OData, duplicate property names are not allowed."));
		}
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response patched = this.odata.patch("Contact(" + id + ")", "{\"JobTitle\": \"a\", \"JobTitle\": \"b\"}");
		assertThat(patched.statusCode()).isEqualTo(400);
		assertThat(DataService.json(patched)).isEqualTo(invalidBody("The request body names the property 'JobTitle'"
				+ " more than once (line 1, column 19): in OData, duplicate property names are not allowed."));
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@Test
	void bodyOverTheParsersLimitsIsRefusedWithoutItsSettings() {
		Response response = this.odata.post("Contact", "{\"Position\": " + "1".repeat(1200) + "}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody(
				"The request body is not valid JSON: a number of 1200 characters is too long to read (at most 1000)."));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "POST|Contact?$select=Name|$select", "POST|Contact?$expand=CreatedBy|$expand",
			"POST|Contact?$top=1|$top", "POST|Contact?$format=json|$format" })
	void queryOptionsOfAPostAreRefusedAndNothingIsWritten(String method, String resource, String option) {
		Response response = this.odata.post(resource, json("Name", this.tag));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService
			.invalidQuery("The system query option '" + option + "' is not allowed for HTTP method 'POST'."));
		assertThat(countNamed(this.tag)).isZero();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "PATCH|?$select=Name|$select", "PUT|?$expand=CreatedBy|$expand",
			"PATCH|?$filter=Name eq 'x'|$filter" })
	void queryOptionsOfAPatchAreRefusedAndNothingChanges(String method, String query, String option) {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.request()
			.contentType("application/json")
			.body(json("JobTitle", "Lead"))
			.request(method, this.odata.url("Contact(" + id + ")" + query));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService
			.invalidQuery("The system query option '" + option + "' is not allowed for HTTP method '" + method + "'."));
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "$select=Name", "$expand=CreatedBy" })
	void queryOptionsOfADeleteAreRefusedAndTheRowStays(String query) {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.delete("Contact(" + id + ")?" + query);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService.invalidQuery("The system query option '"
				+ query.substring(0, query.indexOf('=')) + "' is not allowed for HTTP method 'DELETE'."));
		assertThat(this.odata.get("Contact(" + id + ")").statusCode()).isEqualTo(200);
	}

	@Test
	void severalQueryOptionsOfAChangeAreNamedTogether() {
		Response response = this.odata.post("Contact?$top=1&$skip=1", json("Name", this.tag));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService
			.invalidQuery("The system query options '$skip', '$top' are not allowed for HTTP method 'POST'."));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\\ud800|D800", "x\\ude00|DE00", "\\ude00\\ud83d|DE00" })
	void halfOfASurrogatePairAloneIsRefusedAndNothingIsWritten(String escaped, String codePoint) {
		Response response = this.odata.post("Contact", "{\"Name\": \"" + this.tag + escaped + "\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response))
			.isEqualTo(invalidBody("A string value cannot hold half of a surrogate" + " pair alone (U+" + codePoint
					+ "): a character beyond U+FFFF is written whole, or as both halves" + " (\\ud83d\\ude00)."));
		assertThat(countNamed(this.tag)).isZero();
		assertThat(this.odata.post("Contact", "{\"Name\": \"" + this.tag + "\\ud83d\\ude00\"}").statusCode())
			.isEqualTo(201);
	}

	@Test
	void nulCharacterInATextIsRefusedAndNothingIsWritten() {
		Response response = this.odata.post("Contact", json("Name", this.tag + "\u0000"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response))
			.isEqualTo(invalidBody("A string value cannot hold the character U+0000."));
		assertThat(countNamed(this.tag)).isZero();
	}

	@Test
	void unknownPropertyInAPatchIsRefusedAndNothingChanges() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.patch("Contact(" + id + ")", json("Name", this.tag + " renamed", "Foo", 1));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody("The property 'Foo' does not exist on type"
				+ " 'BPMSoft.Configuration.OData.Contact'. Make sure to only use property names that are defined by"
				+ " the type."));
		assertThat(this.odata.entity("Contact", id).get("Name").asString()).isEqualTo(this.tag);
	}

	@Test
	void unknownPropertyOfAnApprovalNamesTheApprovalType() {
		Response response = this.odata.post("Approval", json("Name", this.tag, "Amount", 5));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody("The property 'Amount' does not exist on type"
				+ " 'BPMSoft.Configuration.OData.Approval'. Make sure to only use property names that are defined"
				+ " by the type."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Name", "Surname", "GivenName", "Email", "JobTitle", "Phone", "MobilePhone" })
	void textLongerThanItsColumnInAPostIsRefusedWithItsLimitAndNothingIsWritten(String property) {
		Response response = this.odata.post("Contact",
				json("Name", this.tag, property, this.tag + "x".repeat(251 - this.tag.length())));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response))
			.isEqualTo(invalidBody("The field " + property + " must be a string with a maximum length of 250."));
		assertThat(this.odata.rows("Contact?$filter=startswith(Name,'" + this.tag + "')")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Name", "Surname", "GivenName", "Email", "JobTitle", "Phone", "MobilePhone" })
	void textAsLongAsItsColumnIsStoredWhole(String property) {
		// Cyrillic letters take two bytes each in UTF-8: the limit counts characters.
		String value = this.tag + "ж".repeat(250 - this.tag.length());
		Response response = this.odata.post("Contact", json("Name", this.tag, property, value));
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
		String id = DataService.json(response).get("Id").asString();
		assertThat(this.odata.entity("Contact", id).get(property).asString()).isEqualTo(value);
	}

	@Test
	void textLongerThanItsColumnInAPatchIsRefusedAndNothingChanges() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.patch("Contact(" + id + ")", json("JobTitle", "Lead", "Phone", "1".repeat(251)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response))
			.isEqualTo(invalidBody("The field Phone must be a string with a maximum length of 250."));
		JsonNode row = this.odata.entity("Contact", id);
		assertThat(row.get("JobTitle").asString()).isEmpty();
		assertThat(row.get("Phone").asString()).isEmpty();
	}

	@Test
	void charactersBeyondTheBasicPlaneCountTwiceAsTheColumnsCountThem() {
		String emoji = "\uD83D\uDE00";
		Response refused = this.odata.post("Contact", json("Name", this.tag, "JobTitle", emoji.repeat(126)));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(DataService.json(refused))
			.isEqualTo(invalidBody("The field JobTitle must be a string with a maximum length of 250."));
		Response stored = this.odata.post("Contact", json("Name", this.tag, "JobTitle", emoji.repeat(125)));
		assertThat(stored.statusCode()).as(stored.asString()).isEqualTo(201);
		assertThat(DataService.json(stored).get("JobTitle").asString()).isEqualTo(emoji.repeat(125));
	}

	@Test
	void approvalNameLongerThan500CharactersIsRefusedInAPostAndAPatch() {
		Response created = this.odata.post("Approval", json("Name", this.tag + "x".repeat(501 - this.tag.length())));
		assertThat(created.statusCode()).isEqualTo(400);
		assertThat(DataService.json(created))
			.isEqualTo(invalidBody("The field Name must be a string with a maximum length of 500."));
		assertThat(this.odata.rows("Approval?$filter=startswith(Name,'" + this.tag + "')")).isEmpty();
		String id = this.odata.createApproval(this.tag + "x".repeat(500 - this.tag.length()));
		Response renamed = this.odata.patch("Approval(" + id + ")", json("Name", "y".repeat(501)));
		assertThat(renamed.statusCode()).isEqualTo(400);
		assertThat(DataService.json(renamed))
			.isEqualTo(invalidBody("The field Name must be a string with a maximum length of 500."));
		assertThat(this.odata.entity("Approval", id).get("Name").asString())
			.isEqualTo(this.tag + "x".repeat(500 - this.tag.length()));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "Contact|\"Id\": \"Canada\"|Canada|Edm.Guid",
					"Contact|\"CreatedById\": \"Canada\"|Canada|Edm.Guid", "Contact|\"Surname\": 5|5|Edm.String",
					"Contact|\"Email\": true|True|Edm.String", "Approval|\"Round\": \"x\"|x|Edm.Int32",
					"Approval|\"Round\": 1.0|1.0|Edm.Int32", "Approval|\"Round\": 2.50|2.50|Edm.Int32",
					"Approval|\"Round\": 1e3|1000|Edm.Int32", "Approval|\"Round\": 1e999999999|1E+999999999|Edm.Int32",
					"Approval|\"Round\": 1e-999999999|1E-999999999|Edm.Int32",
					"Approval|\"StatusId\": \"Canada\"|Canada|Edm.Guid" })
	void valueOfTheWrongTypeInAPostIsRefusedAndNothingIsWritten(String set, String property, String literal,
			String type) {
		Response response = this.odata.post(set, "{\"Name\": \"" + this.tag + "\", " + property + "}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(
				invalidBody("Cannot convert the literal '" + literal + "' to the expected type '" + type + "'."));
		assertThat(this.odata.rows(set + "?$filter=startswith(Name,'" + this.tag + "')")).isEmpty();
	}

	@Test
	void valueOfTheWrongTypeInAPatchIsRefusedAndNothingChanges() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		Response response = this.odata.patch("Contact(" + id + ")", "{\"JobTitle\": \"Lead\", \"Phone\": 5}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response))
			.isEqualTo(invalidBody("Cannot convert the literal '5' to the expected type 'Edm.String'."));
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@Test
	void duplicateEmailInAnyCaseIsRefusedAndNothingIsWritten() {
		String email = DataService.email(this.tag);
		this.odata.createContact(this.tag + " first", email);
		Response response = this.odata.post("Contact",
				json("Name", this.tag + " second", "Email", "  " + email.toUpperCase() + " "));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode envelope = DataService.json(response);
		assertThat(envelope.get("error").get("code").asString()).isEmpty();
		assertThat(envelope.get("error").get("message").asString()).isEqualTo("The request is invalid.");
		assertThat(names(envelope.get("error").get("innererror"))).containsExactly("message", "type", "stacktrace");
		assertThat(countNamed(this.tag + " second")).isZero();
		assertThat(this.odata.rows("Contact?$filter=tolower(Email) eq '" + email + "'")).hasSize(1);
	}

	@Test
	void anEmailIsStoredWithoutTheNoBreakSpacesOfAPastedAddressAsElmaMatchesIt() {
		String email = DataService.email(this.tag);
		Response created = this.odata.post("Contact",
				json("Name", this.tag, "Email", "\u00A0" + email + "\u00A0\u2003"));
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(DataService.json(created).get("Email").asString()).isEqualTo(email);
		String id = DataService.json(created).get("Id").asString();
		Response blank = this.odata.patch("Contact(" + id + ")", json("Email", "\u00A0 "));
		assertThat(blank.statusCode()).isEqualTo(204);
		assertThat(this.odata.entity("Contact", id).get("Email").asString()).isEmpty();
	}

	@Test
	void changingAnEmailToAnotherContactsIsRefusedAndNothingChanges() {
		String taken = DataService.email(this.tag);
		String own = DataService.email(this.tag);
		this.odata.createContact(this.tag + " first", taken);
		String id = this.odata.createContact(this.tag + " second", own);
		Response response = this.odata.patch("Contact(" + id + ")",
				json("Email", taken.toUpperCase(), "JobTitle", "Lead"));
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode envelope = DataService.json(response);
		assertThat(envelope.get("error").get("code").asString()).isEmpty();
		assertThat(envelope.get("error").get("message").asString()).isEqualTo("The request is invalid.");
		JsonNode row = this.odata.entity("Contact", id);
		assertThat(row.get("Email").asString()).isEqualTo(own);
		assertThat(row.get("JobTitle").asString()).isEmpty();
	}

	@Test
	void changingTheCaseOfOnesOwnEmailIsAllowed() {
		String email = DataService.email(this.tag);
		String id = this.odata.createContact(this.tag, email);
		assertThat(this.odata.patch("Contact(" + id + ")", json("Email", email.toUpperCase())).statusCode())
			.isEqualTo(204);
		assertThat(this.odata.entity("Contact", id).get("Email").asString()).isEqualTo(email.toUpperCase());
	}

	@Test
	void contactsWithoutEmailDoNotCollide() {
		assertThat(this.odata.post("Contact", json("Name", this.tag)).statusCode()).isEqualTo(201);
		assertThat(this.odata.post("Contact", json("Name", this.tag, "Email", "")).statusCode()).isEqualTo(201);
		assertThat(countNamed(this.tag)).isEqualTo(2);
	}

	@Test
	void deletingAContactAVisaRefersToIsRefusedAndNothingChanges() {
		String email = DataService.email(this.tag);
		String contact = this.odata.createContact(this.tag, email);
		String approval = this.odata.createApproval(this.tag);
		this.elma.createChain(approval, email).spec(success());
		Response response = this.odata.delete("Contact(" + contact + ")");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode envelope = DataService.json(response);
		assertThat(envelope.get("error").get("code").asString()).isEmpty();
		assertThat(names(envelope.get("error").get("innererror"))).containsExactly("message", "type", "stacktrace");
		assertThat(this.odata.entity("Contact", contact).get("Email").asString()).isEqualTo(email);
		assertThat(this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + approval, "VisaOwnerId"))
			.containsExactly(contact);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "POST|ApprovalVisa", "PATCH|ApprovalVisa(8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11)",
					"DELETE|ApprovalVisa(8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11)", "POST|VisaStatus",
					"PATCH|VisaStatus(3462594d-77a7-4b0a-874a-6d8b54b293bc)",
					"DELETE|VisaStatus(3462594d-77a7-4b0a-874a-6d8b54b293bc)", "POST|ApprovalStatus",
					"PATCH|ApprovalStatus(f5f618ad-5800-4e6d-831f-408312f42d8d)",
					"DELETE|ApprovalStatus(f5f618ad-5800-4e6d-831f-408312f42d8d)" })
	void readOnlySetsRefuseChangesWith405AllowGet(String method, String resource) {
		Response response = this.odata.request()
			.contentType("application/json")
			.body(method.equals("DELETE") ? "" : json("Name", "Changed"))
			.request(method, this.odata.url(resource));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.header("Allow")).isEqualTo("GET");
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode envelope = DataService.json(response);
		assertThat(envelope.get("error").get("code").asString()).isEmpty();
		assertThat(envelope.get("error").get("message").asString())
			.isEqualTo("The requested resource does not support http method '" + method + "'.");
		assertThat(names(envelope.get("error").get("innererror"))).containsExactly("message", "type", "stacktrace");
	}

	/**
	 * A method the resource does not take is refused whatever the body, as ASP.NET finds
	 * no action for it before it looks at what was sent.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "POST|ApprovalVisa|GET|text/plain", "PATCH|ApprovalStatus(" + KEY + ")|GET|text/plain",
					"PUT|VisaStatus(" + KEY + ")|GET|application/xml", "DELETE|Contact|GET, POST|text/plain",
					"POST|Contact(" + KEY + ")/Name|GET|text/csv",
					"PATCH|Contact/$count|GET|application/octet-stream" })
	void methodNotAllowedComesBeforeTheMediaTypeOfTheBody(String method, String resource, String allow,
			String contentType) {
		Response response = this.odata.request()
			.contentType(contentType)
			.body("zzz".getBytes(StandardCharsets.UTF_8))
			.request(method, this.odata.url(resource));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.header("Allow")).isEqualTo(allow);
		assertThat(DataService.json(response).get("error").get("message").asString())
			.isEqualTo("The requested resource does not support http method '" + method + "'.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PROPFIND", "BREW" })
	void methodsTheServiceDoesNotKnowAreRefusedWith405(String method) {
		Response response = this.odata.request().request(method, this.odata.url("Contact"));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.header("Allow")).isEqualTo("GET, POST");
		JsonNode envelope = DataService.json(response);
		assertThat(envelope.get("error").get("message").asString())
			.isEqualTo("The requested resource does not support http method '" + method + "'.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"DELETE|ApprovalVisa|GET|The entity set 'ApprovalVisa' is read-only: visas change only as ELMA drives"
					+ " their approval, so that its lifecycle rules always hold.",
			"POST|ApprovalVisa(" + KEY + ")|GET|The entity set 'ApprovalVisa' is read-only: visas change only as"
					+ " ELMA drives their approval, so that its lifecycle rules always hold.",
			"PUT|VisaStatus|GET|The entity set 'VisaStatus' is read-only: its rows are the stand's fixed lookup"
					+ " values.",
			"PATCH|Contact|GET, POST|The collection 'Contact' is read with GET and takes new rows with POST; a row"
					+ " is changed or deleted at its own address, Contact(<id>).",
			"DELETE|Contact|GET, POST|The collection 'Contact' is read with GET and takes new rows with POST; a row"
					+ " is changed or deleted at its own address, Contact(<id>).",
			"PUT|Approval|GET, POST|The collection 'Approval' is read with GET and takes new rows with POST; a row"
					+ " is changed or deleted at its own address, Approval(<id>).",
			"POST|Contact(" + KEY + ")|GET, PATCH, PUT, DELETE|A row of 'Contact' is read with GET, changed with"
					+ " PATCH (or PUT) and deleted with DELETE; new rows are posted to the collection, Contact.",
			"OPTIONS|Approval(" + KEY + ")|GET, PATCH, PUT, DELETE|A row of 'Approval' is read with GET, changed"
					+ " with PATCH (or PUT) and deleted with DELETE; new rows are posted to the collection, Approval.",
			"PROPFIND|Contact/" + KEY + "|GET, PATCH, PUT, DELETE|A row of 'Contact' is read with GET, changed"
					+ " with PATCH (or PUT) and deleted with DELETE; new rows are posted to the collection, Contact.",
			"POST|Contact(" + KEY + ")/Name|GET|Properties are only read here: they change with a PATCH of their"
					+ " row, Contact(" + KEY + ").",
			"PATCH|Contact(" + KEY + ")/Name|GET|Properties are only read here: they change with a PATCH of their"
					+ " row, Contact(" + KEY + ").",
			"DELETE|Contact(" + KEY + ")/Name/$value|GET|Properties are only read here: they change with a PATCH"
					+ " of their row, Contact(" + KEY + ").",
			"PATCH|Contact(" + KEY + ")/CreatedBy|GET|What the navigation 'CreatedBy' leads to is only read here:"
					+ " a row changes at its own address, and a lookup with a PATCH of its <Name>Id column.",
			"POST|Approval(" + KEY + ")/ApprovalVisaCollectionByApproval|GET|What the navigation"
					+ " 'ApprovalVisaCollectionByApproval' leads to is only read here: a row changes at its own"
					+ " address, and a lookup with a PATCH of its <Name>Id column.",
			"DELETE|Contact/$count|GET|/$count is only read, with GET.",
			"POST|$metadata|GET, HEAD|The metadata document is only read, with GET.",
			"DELETE||GET, HEAD|The service document is only read, with GET.",
			"GET|$batch|POST|A batch is sent with POST." })
	void everyMethodNotAllowedNamesTheMethodsTheResourceTakes(String method, String resource, String allow,
			String inner) {
		Response response = this.odata.request()
			.contentType("application/json")
			.body(method.equals("GET") || method.equals("DELETE") ? "" : "{}")
			.request(method, this.odata.url((resource != null) ? resource : ""));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.header("Allow")).isEqualTo(allow);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(DataService.json(response))
			.isEqualTo(error("The requested resource does not support http method '" + method + "'.", inner));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Contact|GET, POST", "Contact(" + KEY + ")|GET, PATCH, PUT, DELETE",
			"ApprovalVisa|GET", "Contact(" + KEY + ")/CreatedBy|GET" })
	void headIsRefusedWithTheMethodsTheResourceTakes(String resource, String allow) {
		Response response = this.odata.request().head(this.odata.url(resource));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.header("Allow")).isEqualTo(allow);
	}

	@Test
	void methodTheServiceDoesNotKnowOnAnUnknownSetFindsNoRoute() {
		Response response = this.odata.request().request("PROPFIND", this.odata.url("Nothing"));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(DataService.json(response))
			.isEqualTo(DataService.webApiNotFound(this.odata.serviceRoot() + "/Nothing",
					"No type was found that matches the controller named 'Nothing'."));
	}

	@Test
	void statusRowsStayAsTheyWereAfterRefusedChanges() {
		this.odata.patch("VisaStatus(" + DataService.WAITING + ")", json("Name", "Changed"));
		this.odata.delete("ApprovalStatus(" + DataService.NEW + ")");
		assertThat(this.odata.entity("VisaStatus", DataService.WAITING).get("Name").asString()).isEqualTo("Waiting");
		assertThat(this.odata.entity("ApprovalStatus", DataService.NEW).get("Name").asString()).isEqualTo("New");
	}

	@Test
	void visaStaysAsItWasAfterRefusedChanges() {
		String email = DataService.email(this.tag);
		this.odata.createContact(this.tag, email);
		String approval = this.odata.createApproval(this.tag);
		this.elma.createChain(approval, email).spec(success());
		String visa = this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + approval, "Id").get(0);
		assertThat(this.odata.patch("ApprovalVisa(" + visa + ")", json("StatusId", DataService.POSITIVE)).statusCode())
			.isEqualTo(405);
		assertThat(this.odata.delete("ApprovalVisa(" + visa + ")").statusCode()).isEqualTo(405);
		assertThat(this.odata.entity("ApprovalVisa", visa).get("StatusId").asString()).isEqualTo(DataService.WAITING);
	}

	@Test
	void approvalIsCreatedNewAndRenamed() {
		Response created = this.odata.post("Approval", json("Name", this.tag + " Договор поставки № 17"));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode row = DataService.json(created);
		String id = row.get("Id").asString();
		assertThat(created.header("Location")).isEqualTo(this.odata.serviceRoot() + "/Approval(" + id + ")");
		assertThat(row.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Approval/$entity");
		assertThat(names(row)).containsExactly("@odata.context", "Id", "Name", "StatusId", "Round", "CreatedOn",
				"CreatedById", "ModifiedOn", "ModifiedById", "ProcessListeners");
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.NEW);
		assertThat(row.get("Round").intValue()).isZero();
		assertThat(this.odata.patch("Approval(" + id + ")", json("Name", this.tag + " renamed")).statusCode())
			.isEqualTo(204);
		assertThat(this.odata.entity("Approval", id).get("Name").asString()).isEqualTo(this.tag + " renamed");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "StatusId|\"dd4eb02a-1ab5-4ca1-b031-b24f7d2518e6\"", "Round|3" })
	void approvalStatusAndRoundCannotBeSetInAPost(String property, String value) {
		Response response = this.odata.post("Approval",
				"{\"Name\": \"" + this.tag + "\", \"" + property + "\": " + value + "}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode envelope = DataService.json(response);
		assertThat(envelope.get("error").get("message").asString()).isEqualTo("The request is invalid.");
		assertThat(envelope.get("error").get("innererror").get("message").asString()).startsWith("item : ")
			.contains("'" + property + "'")
			.endsWith("\r\n");
		assertThat(this.odata.rows("Approval?$filter=Name eq '" + this.tag + "'")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "StatusId|\"dd4eb02a-1ab5-4ca1-b031-b24f7d2518e6\"", "Round|3" })
	void approvalStatusAndRoundCannotBeChangedInAPatch(String property, String value) {
		String id = this.odata.createApproval(this.tag);
		Response response = this.odata.patch("Approval(" + id + ")",
				"{\"Name\": \"" + this.tag + " renamed\", \"" + property + "\": " + value + "}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response).get("error").get("innererror").get("message").asString())
			.startsWith("item : ")
			.contains("'" + property + "'");
		JsonNode row = this.odata.entity("Approval", id);
		assertThat(row.get("Name").asString()).isEqualTo(this.tag);
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.NEW);
		assertThat(row.get("Round").intValue()).isZero();
	}

	@Test
	void rowReadBeforeElmaChangedItAndSentBackIsRefusedNamingTheRowsValue() {
		String email = DataService.email(this.tag);
		this.odata.createContact(this.tag, email);
		String id = this.odata.createApproval(this.tag);
		JsonNode read = this.odata.entity("Approval", id);
		this.elma.createChain(id, email).spec(success());
		Response response = this.odata.patch("Approval(" + id + ")", json("Name", this.tag + " renamed", "StatusId",
				read.get("StatusId").asString(), "Round", read.get("Round").intValue()));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(invalidBody("The property 'StatusId' of type"
				+ " 'BPMSoft.Configuration.OData.Approval' is read-only: the stand maintains it, and the row's value is"
				+ " now '" + DataService.IN_PROGRESS + "'. Read the row again, or leave the property out."));
		assertThat(this.odata.entity("Approval", id).get("Name").asString()).isEqualTo(this.tag);
	}

	@Test
	void contactAndApprovalCreatedThroughODataAreUsableByElmaAtOnce() {
		String email = DataService.email(this.tag);
		String contact = this.odata.createContact(this.tag, email);
		String approval = this.odata.createApproval(this.tag);
		this.elma.createChain(approval, " " + email.toUpperCase() + " ").spec(success());
		JsonNode row = this.odata.entity("Approval", approval);
		assertThat(row.get("StatusId").asString()).isEqualTo(DataService.IN_PROGRESS);
		assertThat(row.get("Round").intValue()).isEqualTo(1);
		assertThat(this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + approval, "VisaOwnerId"))
			.containsExactly(contact);
	}

	@Test
	void emailChangedThroughODataIsWhatElmaMatchesAtOnce() {
		String old = DataService.email(this.tag);
		String changed = DataService.email(this.tag + "new");
		String contact = this.odata.createContact(this.tag, old);
		String approval = this.odata.createApproval(this.tag);
		assertThat(this.odata.patch("Contact(" + contact + ")", json("Email", changed)).statusCode()).isEqualTo(204);
		this.elma.createChain(approval, old).spec(answer(400, Contract.contactNotFound(old)));
		this.elma.createChain(approval, changed).spec(success());
	}

	@Test
	void contactDeletedThroughODataIsUnknownToElmaAtOnce() {
		String email = DataService.email(this.tag);
		String contact = this.odata.createContact(this.tag, email);
		String approval = this.odata.createApproval(this.tag);
		assertThat(this.odata.delete("Contact(" + contact + ")").statusCode()).isEqualTo(204);
		this.elma.createChain(approval, email).spec(answer(400, Contract.contactNotFound(email)));
	}

	@Test
	void approvalDeletedThroughODataIsUnknownToElmaAtOnce() {
		String email = DataService.email(this.tag);
		this.odata.createContact(this.tag, email);
		String approval = this.odata.createApproval(this.tag);
		assertThat(this.odata.delete("Approval(" + approval + ")").statusCode()).isEqualTo(204);
		this.elma.createChain(approval, email).spec(answer(400, Contract.approvalNotFound(approval)));
	}

	@Test
	void elmaDecisionsAreVisibleThroughODataAtOnce() {
		String email = DataService.email(this.tag);
		String contact = this.odata.createContact(this.tag, email);
		String approval = this.odata.createApproval(this.tag);
		this.elma.createChain(approval, email).spec(success());
		assertThat(this.odata.entity("Approval", approval).get("StatusId").asString())
			.isEqualTo(DataService.IN_PROGRESS);
		this.elma.resolve(approval, email, "Согласовано").spec(success());
		assertThat(this.odata.entity("Approval", approval).get("StatusId").asString()).isEqualTo(DataService.APPROVED);
		JsonNode visa = this.odata.rows("ApprovalVisa?$filter=ApprovalId eq " + approval).get(0);
		assertThat(visa.get("StatusId").asString()).isEqualTo(DataService.POSITIVE);
		assertThat(visa.get("SetById").asString()).isEqualTo(contact);
	}

	@Test
	void refusalEnvelopeIsCompactJson() {
		Response response = this.odata.post("Contact", json("Foo", 1));
		assertThat(response.asString()).startsWith("{\"error\":{\"code\":\"\",\"message\":\"The request is invalid.\","
				+ "\"innererror\":{\"message\":\"item : ");
		assertThat(DataService.json(response))
			.isEqualTo(error("The request is invalid.", "item : The property 'Foo' does not exist on type"
					+ " 'BPMSoft.Configuration.OData.Contact'. Make sure to only use property names that are defined"
					+ " by the type.\r\n"));
	}

}
