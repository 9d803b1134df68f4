package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import io.restassured.response.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.adsw.bpmsoft.emulator.odata.DataService.json;
import static io.adsw.bpmsoft.emulator.odata.DataService.webApiNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Where things are in the data service (SPEC §5.1): both roots, {@code $metadata}, rows
 * by unquoted GUID keys, properties and raw values, also through a navigation,
 * {@code /$count}, the 404s of ASP.NET Web API routing for what is not there, and the 204
 * of a navigation whose lookup is empty.
 */
@StandTest
class ODataAddressingTests {

	/** A key no row has. */
	private static final String KEY = "8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11";

	private static final String EDM = "http://docs.oasis-open.org/odata/ns/edm";

	@LocalServerPort
	int port;

	DataService odata;

	@Autowired
	ContactRepository contacts;

	@Autowired
	ElmaClient elma;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
	}

	/** The service root with or without its slash, as the guide writes it. */
	@ParameterizedTest
	@CsvSource({ "/0/odata, /", "/odata, /", "/0/odata, ''", "/odata, ''" })
	void serviceDocumentListsTheEntitySetsWithAnAbsoluteContextOnTheRootUsed(String root, String slash) {
		DataService service = new DataService(this.port, root);
		Response response = service.request().redirects().follow(false).get(root + slash);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode document = json(response);
		assertThat(document.get("@odata.context").asString())
			.isEqualTo("http://localhost:" + this.port + root + "/$metadata");
		assertThat(document.get("value").values()).extracting((set) -> set.get("name").asString())
			.containsExactlyInAnyOrder("Contact", "Approval", "ApprovalVisa", "VisaStatus", "ApprovalStatus");
		assertThat(document.get("value").values())
			.allSatisfy((set) -> assertThat(set.get("url").asString()).isEqualTo(set.get("name").asString()));
	}

	@Test
	void metadataIsXmlCsdlInTheBpmSoftNamespace() throws Exception {
		Response response = this.odata.get("$metadata");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/xml");
		Element schema = (Element) metadata(response).getElementsByTagNameNS(EDM, "Schema").item(0);
		assertThat(schema.getAttribute("Namespace")).isEqualTo("BPMSoft.Configuration.OData");
	}

	@Test
	void metadataDeclaresTheFiveEntityTypesWithTheContractsProperties() throws Exception {
		Map<String, Map<String, String>> types = entityTypes(metadata(this.odata.get("$metadata")));
		List<String> system = List.of("CreatedOn", "CreatedById", "ModifiedOn", "ModifiedById", "ProcessListeners");
		assertThat(types).containsOnlyKeys("Contact", "Approval", "ApprovalVisa", "VisaStatus", "ApprovalStatus");
		assertThat(types.get("Contact")).containsKeys("Id", "Name", "Surname", "GivenName", "Email", "JobTitle",
				"Phone", "MobilePhone");
		assertThat(types.get("Approval")).containsKeys("Id", "Name", "StatusId", "Round");
		assertThat(types.get("ApprovalVisa")).containsKeys("Id", "ApprovalId", "Round", "Position", "Objective",
				"VisaOwnerId", "StatusId", "SetById", "SetDate", "IsCanceled", "Comment");
		assertThat(types.get("VisaStatus")).containsKeys("Id", "Name");
		assertThat(types.get("ApprovalStatus")).containsKeys("Id", "Name");
		assertThat(types.values()).allSatisfy((properties) -> {
			assertThat(properties).containsKeys(system.toArray(String[]::new));
			assertThat(properties).contains(entry("Id", "Edm.Guid"), entry("CreatedById", "Edm.Guid"),
					entry("ModifiedById", "Edm.Guid"), entry("ProcessListeners", "Edm.Int32"));
		});
		assertThat(types.get("Approval")).contains(entry("StatusId", "Edm.Guid"), entry("Round", "Edm.Int32"));
		assertThat(types.get("ApprovalVisa")).contains(entry("ApprovalId", "Edm.Guid"),
				entry("VisaOwnerId", "Edm.Guid"), entry("StatusId", "Edm.Guid"), entry("SetById", "Edm.Guid"),
				entry("IsCanceled", "Edm.Boolean"), entry("Position", "Edm.Int32"));
		assertThat(types.get("Contact")).contains(entry("Email", "Edm.String"), entry("Name", "Edm.String"));
	}

	@Test
	void textPropertiesAdvertiseTheLengthOfTheirColumns() throws Exception {
		Map<String, String> lengths = new LinkedHashMap<>();
		NodeList properties = metadata(this.odata).getElementsByTagNameNS(EDM, "Property");
		for (int i = 0; i < properties.getLength(); i++) {
			Element property = (Element) properties.item(i);
			if (property.getAttribute("Type").equals("Edm.String")) {
				lengths.put(
						((Element) property.getParentNode()).getAttribute("Name") + "." + property.getAttribute("Name"),
						property.getAttribute("MaxLength"));
			}
		}
		assertThat(lengths).containsExactly(entry("Contact.Name", "250"), entry("Contact.Surname", "250"),
				entry("Contact.GivenName", "250"), entry("Contact.Email", "250"), entry("Contact.JobTitle", "250"),
				entry("Contact.Phone", "250"), entry("Contact.MobilePhone", "250"), entry("Approval.Name", "500"),
				entry("ApprovalVisa.Objective", "500"), entry("ApprovalVisa.Comment", "2000"),
				entry("VisaStatus.Name", "50"), entry("ApprovalStatus.Name", "50"));
	}

	@Test
	void everyTemporalColumnIsADateTimeOffset() throws Exception {
		Map<String, Map<String, String>> types = entityTypes(metadata(this.odata.get("$metadata")));
		List<String> temporal = new ArrayList<>();
		types.forEach((type, properties) -> properties.forEach((name, edm) -> {
			if (name.endsWith("On") || name.endsWith("Date")) {
				temporal.add(type + "." + name + " " + edm);
			}
		}));
		assertThat(temporal).hasSize(11)
			.allSatisfy((column) -> assertThat(column).endsWith(" Edm.DateTimeOffset"))
			.contains("ApprovalVisa.SetDate Edm.DateTimeOffset");
		assertThat(types.values().stream().flatMap((properties) -> properties.values().stream()))
			.doesNotContain("Edm.DateTime", "Edm.Date", "Edm.TimeOfDay");
	}

	@Test
	void approvalNavigatesToItsVisasByApprovalVisaCollectionByApproval() throws Exception {
		Document metadata = metadata(this.odata.get("$metadata"));
		Map<String, String> navigations = new LinkedHashMap<>();
		NodeList types = metadata.getElementsByTagNameNS(EDM, "EntityType");
		for (int i = 0; i < types.getLength(); i++) {
			Element type = (Element) types.item(i);
			NodeList properties = type.getElementsByTagNameNS(EDM, "NavigationProperty");
			for (int j = 0; j < properties.getLength(); j++) {
				Element property = (Element) properties.item(j);
				navigations.put(type.getAttribute("Name") + "." + property.getAttribute("Name"),
						property.getAttribute("Type"));
			}
		}
		assertThat(navigations).contains(
				entry("Approval.ApprovalVisaCollectionByApproval",
						"Collection(BPMSoft.Configuration.OData.ApprovalVisa)"),
				entry("Approval.Status", "BPMSoft.Configuration.OData.ApprovalStatus"),
				entry("ApprovalVisa.VisaOwner", "BPMSoft.Configuration.OData.Contact"),
				entry("ApprovalVisa.Status", "BPMSoft.Configuration.OData.VisaStatus"),
				entry("ApprovalVisa.SetBy", "BPMSoft.Configuration.OData.Contact"));
	}

	@Test
	void everyLookupColumnHasANavigationNamedWithoutItsId() throws Exception {
		Document metadata = metadata(this.odata.get("$metadata"));
		List<String> missing = new ArrayList<>();
		NodeList types = metadata.getElementsByTagNameNS(EDM, "EntityType");
		for (int i = 0; i < types.getLength(); i++) {
			Element type = (Element) types.item(i);
			List<String> navigations = new ArrayList<>();
			NodeList children = type.getElementsByTagNameNS(EDM, "NavigationProperty");
			for (int j = 0; j < children.getLength(); j++) {
				navigations.add(((Element) children.item(j)).getAttribute("Name"));
			}
			NodeList properties = type.getElementsByTagNameNS(EDM, "Property");
			for (int j = 0; j < properties.getLength(); j++) {
				String name = ((Element) properties.item(j)).getAttribute("Name");
				if (name.endsWith("Id") && !name.equals("Id")
						&& !navigations.contains(name.substring(0, name.length() - 2))) {
					missing.add(type.getAttribute("Name") + "." + name.substring(0, name.length() - 2));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void collectionListsItsRows() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Listed", DataService.email(tag));
		Response response = this.odata.get("Contact?$filter=startswith(Name,'" + tag + "')");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("value").values()).extracting((row) -> row.get("Id").asString())
			.containsExactly(id);
	}

	@Test
	void rowIsAddressedByItsGuidUnquoted() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Keyed", DataService.email(tag));
		Response response = this.odata.get("Contact(" + id + ")");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode row = json(response);
		assertThat(row.get("Id").asString()).isEqualTo(id);
		assertThat(row.get("Name").asString()).isEqualTo(tag + " Keyed");
		assertThat(row.has("value")).isFalse();
	}

	/** Creatio's URI parser skips a trailing slash: the address is the one without it. */
	@Test
	void trailingSlashAddressesTheSameResource() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Slashed", DataService.email(tag));
		Response collection = this.odata.get("Contact/?$filter=startswith(Name,'" + tag + "')");
		assertThat(collection.statusCode()).isEqualTo(200);
		assertThat(json(collection).get("value").values()).extracting((row) -> row.get("Id").asString())
			.containsExactly(id);
		assertThat(json(collection).get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Contact");
		for (String address : List.of("Contact(" + id + ")/", "Contact/" + id + "/")) {
			Response row = this.odata.get(address);
			assertThat(row.statusCode()).as(address).isEqualTo(200);
			assertThat(json(row).get("Name").asString()).isEqualTo(tag + " Slashed");
		}
		Response name = this.odata.get("Contact(" + id + ")/Name/");
		assertThat(json(name).get("value").asString()).isEqualTo(tag + " Slashed");
		Response count = this.odata.get("Contact/$count/?$filter=Name eq '" + tag + " Slashed'");
		assertThat(count.asString()).isEqualTo("1");
		Response metadata = this.odata.get("$metadata/");
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(metadata.contentType()).isEqualTo("application/xml");
	}

	@Test
	void rowIsAddressedByItsGuidInAnyCase() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Upper", DataService.email(tag));
		Response response = this.odata.get("Contact(" + id.toUpperCase() + ")");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("Id").asString()).isEqualTo(id);
	}

	@Test
	void propertyOfARowIsItsValueInJson() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Property", DataService.email(tag));
		Response response = this.odata.get("Contact(" + id + ")/Name");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(json(response).get("value").asString()).isEqualTo(tag + " Property");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "text/plain", "*/*", "application/xml" })
	void rawValueIsPlainTextWhateverTheAcceptHeader(String accept) {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Кириллица", DataService.email(tag));
		Response response = this.odata.request().accept(accept).get(this.odata.url("Contact(" + id + ")/Name/$value"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.asByteArray())
			.isEqualTo((tag + " Кириллица").getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void rawValueOfAGuidIsTheBareGuid() {
		String tag = DataService.tag();
		String id = this.odata.createContact(tag + " Guid", DataService.email(tag));
		Response response = this.odata.get("Contact(" + id + ")/Id/$value");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.asString()).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "text/plain", "*/*" })
	void countIsAPlainTextNumberWhateverTheAcceptHeader(String accept) {
		String tag = DataService.tag();
		for (int i = 0; i < 3; i++) {
			this.odata.createContact(tag + " Counted " + i, DataService.email(tag));
		}
		Response response = this.odata.request()
			.accept(accept)
			.get(this.odata.url("Contact/$count?$filter=startswith(Name,'" + tag + "')"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.asString()).isEqualTo("3");
	}

	@Test
	void countWithoutAFilterCountsEveryRow() {
		Response response = this.odata.get("VisaStatus/$count");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.asString()).isEqualTo("4");
	}

	@Test
	void countFollowsTheFilter() {
		String tag = DataService.tag();
		this.odata.createContact(tag + " Kept", DataService.email(tag));
		this.odata.createContact(tag + " Dropped", DataService.email(tag));
		Response response = this.odata.get("Contact/$count?$filter=Name eq '" + tag + " Kept'");
		assertThat(response.asString()).isEqualTo("1");
	}

	/**
	 * A version header that is no version is the client's mistake, named, not a failure
	 * of the stand; one that names another version is refused as Olingo refuses it.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					OData-Version    | abc   | The value 'abc' of the OData-Version HTTP header is invalid. Only '4.0' and '4.01' are supported as values for the OData-Version header.
					OData-Version    | 4.0.1 | The value '4.0.1' of the OData-Version HTTP header is invalid. Only '4.0' and '4.01' are supported as values for the OData-Version header.
					OData-MaxVersion | abc   | The value 'abc' of the OData-MaxVersion HTTP header is invalid. Only '4.0' and '4.01' are supported as values for the OData-MaxVersion header.
					OData-Version    | 3.0   | OData version '3.0' is not supported.
					""")
	void versionHeaderThatIsNoVersionIsRefusedNamingIt(String header, String value, String message) {
		for (Response response : List.of(
				this.odata.request().header(header, value).get(this.odata.url("VisaStatus/$count")),
				this.odata.request()
					.header(header, value)
					.contentType("application/json")
					.body(Map.of("Name", "Version " + value))
					.post(this.odata.url("Contact")))) {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(DataService.json(response)).isEqualTo(DataService.error(message, message));
		}
		assertThat(this.odata.get("Contact/$count?$filter=startswith(Name,'Version ')").asString()).isEqualTo("0");
	}

	@Test
	void unknownKeyIsA404WithAnEmptyBody() {
		Response response = this.odata.get("Contact(" + UUID.randomUUID() + ")");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.asByteArray()).isEmpty();
	}

	@Test
	void propertyOfAnUnknownKeyIsA404WithAnEmptyBody() {
		Response response = this.odata.get("Contact(" + UUID.randomUUID() + ")/Name/$value");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.asByteArray()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/0/odata", "/odata" })
	void unknownEntitySetIsWebApisNoControllerNotFound(String root) {
		DataService service = new DataService(this.port, root);
		Response response = service.get("Foo");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(json(response)).isEqualTo(webApiNotFound(service.serviceRoot() + "/Foo",
				"No type was found that matches the controller named 'Foo'."));
	}

	@Test
	void notFoundNamesTheWholeRequestUriWithItsQuery() {
		Response response = this.odata.get("Foo?$top=1");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response)).isEqualTo(webApiNotFound(this.odata.serviceRoot() + "/Foo?$top=1",
				"No type was found that matches the controller named 'Foo'."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "contact", "CONTACT", "visaStatus", "Approvalvisa" })
	void entitySetNamesAreCaseSensitive(String name) {
		Response response = this.odata.get(name);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response)).isEqualTo(webApiNotFound(this.odata.serviceRoot() + "/" + name,
				"No type was found that matches the controller named '" + name + "'."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "'8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11'",
			"guid'8f7c54c4-3a5f-4b47-9d3c-5a0f0a3a4a11'", "8f7c54c4-3a5f-4b47-9d3c", "42" })
	void keyThatIsNotAGuidFindsNoRoute(String key) {
		Response response = this.odata.get("Contact(" + key + ")");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(json(response)).isEqualTo(webApiNotFound(this.odata.serviceRoot() + "/Contact(" + key + ")",
				"No route data was found for this request."));
	}

	@Test
	void unknownPropertyOfARowFindsNoRoute() {
		String id = UUID.randomUUID().toString();
		Response response = this.odata.get("Contact(" + id + ")/Foo");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(json(response)).isEqualTo(webApiNotFound(this.odata.serviceRoot() + "/Contact(" + id + ")/Foo",
				"No route data was found for this request."));
	}

	@Test
	void visasOfAnApprovalAreReachedThroughItsNavigation() {
		String tag = DataService.tag();
		String approval = this.odata.createApproval(tag);
		Response response = this.odata.get("Approval(" + approval + ")/ApprovalVisaCollectionByApproval");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = json(response);
		assertThat(body.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#ApprovalVisa");
		assertThat(body.get("value").values()).isEmpty();
	}

	/**
	 * A path that follows a second navigation, or names a row by its key after a
	 * navigation, is not implemented: the answer says how to reach the row instead.
	 */
	@Test
	void pathsBeyondOneNavigationAreNotImplementedSayingWhatToWriteInstead() {
		String approval = this.odata.createApproval(DataService.tag());
		String visa = UUID.randomUUID().toString();
		Response keyed = this.odata.get("Approval(" + approval + ")/ApprovalVisaCollectionByApproval(" + visa + ")");
		assertThat(keyed.statusCode()).isEqualTo(501);
		assertThat(json(keyed).get("error").get("message").asString())
			.isEqualTo("A key after the navigation 'ApprovalVisaCollectionByApproval' is not supported: address the"
					+ " row in its own entity set, ApprovalVisa(<key>).");
		Response twice = this.odata.get("ApprovalVisa(" + visa + ")/Approval/Status/Name");
		assertThat(twice.statusCode()).isEqualTo(501);
		assertThat(json(twice).get("error").get("message").asString())
			.isEqualTo("A path follows one navigation at most: read 'Approval' and follow 'Status' from its row, or"
					+ " use $expand.");
	}

	@Test
	void visasOfAnUnknownApprovalAreA404WithAnEmptyBody() {
		Response response = this.odata.get("Approval(" + UUID.randomUUID() + ")/ApprovalVisaCollectionByApproval");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.asByteArray()).isEmpty();
	}

	@Test
	void navigationLeadsToTheRowItsLookupNames() {
		String tag = DataService.tag();
		String creator = this.odata.createContact(tag + " Creator", DataService.email(tag));
		String id = contactCreatedBy(tag + " Created", UUID.fromString(creator));
		Response response = this.odata.get("Contact(" + id + ")/CreatedBy");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode row = json(response);
		assertThat(row.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Contact/$entity");
		assertThat(row.get("Id").asString()).isEqualTo(creator);
		assertThat(row.get("Name").asString()).isEqualTo(tag + " Creator");
	}

	@Test
	void propertyThroughANavigationIsTheTargetRowsProperty() {
		String tag = DataService.tag();
		String creator = this.odata.createContact(tag + " Creator", DataService.email(tag));
		String id = contactCreatedBy(tag + " Created", UUID.fromString(creator));
		Response response = this.odata.get("Contact(" + id + ")/CreatedBy/Name");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode property = json(response);
		assertThat(property.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Contact(" + creator + ")/Name");
		assertThat(property.get("value").asString()).isEqualTo(tag + " Creator");
	}

	@Test
	void rawValueThroughANavigationIsTheTargetRowsValue() {
		String tag = DataService.tag();
		String creator = this.odata.createContact(tag + " Creator", DataService.email(tag));
		String id = contactCreatedBy(tag + " Created", UUID.fromString(creator));
		Response response = this.odata.get("Contact(" + id + ")/CreatedBy/Name/$value");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/plain");
		assertThat(response.asString()).isEqualTo(tag + " Creator");
	}

	@Test
	void propertyOfAnApprovalsStatusIsTheStatusName() {
		String approval = this.odata.createApproval(DataService.tag());
		Response response = this.odata.get("Approval(" + approval + ")/Status/Name");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode property = json(response);
		assertThat(property.get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#ApprovalStatus(" + DataService.NEW + ")/Name");
		assertThat(property.get("value").asString()).isEqualTo("New");
		Response raw = this.odata.get("Approval(" + approval + ")/Status/Name/$value");
		assertThat(raw.statusCode()).isEqualTo(200);
		assertThat(raw.asString()).isEqualTo("New");
	}

	@Test
	void propertyOfAVisasOwnerIsTheOwnersProperty() {
		String tag = DataService.tag();
		String email = DataService.email(tag);
		this.odata.createContact(tag + " Owner", email);
		String approval = this.odata.createApproval(tag);
		this.elma.createChain(approval, email).spec(success());
		String visa = this.odata.column("ApprovalVisa?$filter=ApprovalId eq " + approval, "Id").get(0);
		Response response = this.odata.get("ApprovalVisa(" + visa + ")/VisaOwner/Email");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("value").asString()).isEqualTo(email);
		assertThat(this.odata.get("ApprovalVisa(" + visa + ")/Status/Name/$value").asString()).isEqualTo("Waiting");
	}

	@ParameterizedTest
	@ValueSource(strings = { "CreatedBy", "CreatedBy/Name", "CreatedBy/Name/$value", "ModifiedBy/Id" })
	void pathThroughAnEmptyLookupIsNoContent(String resource) {
		String id = contactCreatedBy(DataService.tag(), null);
		Response response = this.odata.get("Contact(" + id + ")/" + resource);
		assertThat(response.statusCode()).isEqualTo(204);
		assertThat(response.asByteArray()).isEmpty();
	}

	@Test
	void pathThroughALookupNamingNoRowIsNoContent() {
		String id = contactCreatedBy(DataService.tag(), UUID.randomUUID());
		assertThat(this.odata.get("Contact(" + id + ")/CreatedBy").statusCode()).isEqualTo(204);
		assertThat(this.odata.get("Contact(" + id + ")/CreatedBy/Name").statusCode()).isEqualTo(204);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CreatedBy", "CreatedBy/Name", "CreatedBy/Name/$value" })
	void pathFromAnUnknownKeyIsA404WithAnEmptyBody(String resource) {
		Response response = this.odata.get("Contact(" + UUID.randomUUID() + ")/" + resource);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.asByteArray()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "GET|Contact/$ref|$ref", "GET|Contact(" + KEY + ")/CreatedBy/$ref|$ref",
					"PUT|Contact(" + KEY + ")/CreatedBy/$ref|$ref", "DELETE|Contact(" + KEY + ")/CreatedBy/$ref|$ref",
					"POST|Approval(" + KEY + ")/ApprovalVisaCollectionByApproval/$ref|$ref", "GET|$all|$all",
					"GET|$crossjoin(Contact,Approval)|$crossjoin" })
	void pathSegmentsTheServiceDoesNotImplementAreRefusedWith501(String method, String resource, String segment) {
		Response response = this.odata.request()
			.contentType("application/json")
			.body(method.equals("GET") || method.equals("DELETE") ? "" : "{}")
			.request(method, this.odata.url(resource));
		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.contentType()).startsWith("application/json");
		String message = "The path segment '" + segment + "' is not supported.";
		assertThat(json(response)).isEqualTo(DataService.error(message, message));
	}

	@Test
	void secondNavigationOfAPathIsRefusedNamingBoth() {
		Response response = this.odata.get("Contact(" + KEY + ")/CreatedBy/CreatedBy/Name");
		assertThat(response.statusCode()).isEqualTo(501);
		String message = "A path follows one navigation at most: read 'CreatedBy' and follow 'CreatedBy' from its row, "
				+ "or use $expand.";
		assertThat(json(response)).isEqualTo(DataService.error(message, message));
	}

	/** A contact stored directly, with that creator (or none); its id. */
	private String contactCreatedBy(String name, @Nullable UUID creator) {
		Contact contact = new Contact(UUID.randomUUID(), name, null, Instant.now());
		contact.createdBy(creator);
		this.contacts.save(contact);
		return contact.getId().toString();
	}

	private static Document metadata(Response response) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.asByteArray()));
	}

	/** Each entity type's properties and their EDM types, in declaration order. */
	static Map<String, Map<String, String>> entityTypes(Document metadata) {
		Map<String, Map<String, String>> types = new LinkedHashMap<>();
		NodeList elements = metadata.getElementsByTagNameNS(EDM, "EntityType");
		for (int i = 0; i < elements.getLength(); i++) {
			Element type = (Element) elements.item(i);
			Map<String, String> properties = new LinkedHashMap<>();
			NodeList children = type.getElementsByTagNameNS(EDM, "Property");
			for (int j = 0; j < children.getLength(); j++) {
				Element property = (Element) children.item(j);
				properties.put(property.getAttribute("Name"), property.getAttribute("Type"));
			}
			types.put(type.getAttribute("Name"), properties);
		}
		return types;
	}

	/** The metadata document of the stand, parsed. */
	static Document metadata(DataService odata) throws Exception {
		return metadata(odata.get("$metadata"));
	}

}
