package io.adsw.bpmsoft.emulator.admin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.Burst;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The stand's state: reset, export as a seed document, import, named snapshots. These
 * tests replace the whole state, so they have a stand of their own.
 */
@StandTest
@DirtiesContext
@TestPropertySource(properties = { "emulator.security.users[0].name=Supervisor",
		"emulator.security.users[0].password={bcrypt}$2a$04$H4C1KF7JG5tcRL.2ysrBKuyJ8NGXtsO.f/B.Nvjon0TKZOvZMoUvm",
		"emulator.security.users[0].contact-id=" + StateControlTests.SUPERVISOR })
class StateControlTests {

	/**
	 * The contact that stands for the user Supervisor, the author of data service writes.
	 */
	static final String SUPERVISOR = "410006e1-ca4e-4502-a9ec-e54d922d2c00";

	/**
	 * Bursts go through the JDK's client: REST Assured spends more time per request on
	 * the client than the stand takes to answer, which would spread the burst out.
	 */
	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@Autowired
	AdminClient admin;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	ContactRepository contacts;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@BeforeEach
	void setUp() {
		this.admin.given().post("/emulator/api/reset").then().statusCode(200);
	}

	@Test
	void exportedStateImportsBackExactly() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String maria = this.data.contact("maria");
		this.elma.createChain(approval, ivan + ";" + maria).spec(success());
		this.elma.createChain(approval, maria + ";" + ivan).spec(success());
		this.elma.resolve(approval, maria, "Согласовано").spec(success());
		StandData.ApprovalView before = this.data.approvalView(approval);
		String state = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		this.admin.given().post("/emulator/api/reset?scope=data").then().statusCode(200);
		assertThat(this.contacts.count()).isZero();
		this.admin.given().body(state).put("/emulator/api/state").then().statusCode(200);
		StandData.ApprovalView after = this.data.approvalView(approval);
		assertThat(after.status()).isEqualTo(before.status());
		assertThat(after.round()).isEqualTo(2);
		assertThat(after.steps())
			.extracting(StepView::id, StepView::round, StepView::position, StepView::email, StepView::status)
			.containsExactlyElementsOf(before.steps()
				.stream()
				.map((step) -> org.assertj.core.groups.Tuple.tuple(step.id(), step.round(), step.position(),
						step.email(), step.status()))
				.toList());
		this.elma.resolve(approval, ivan, "Согласовано").spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	/**
	 * A round past any a test reaches, moved on by ELMA, still exports and imports back.
	 */
	@Test
	void exportOfARoundPastAMillionImportsBack() {
		String contact = UUID.randomUUID().toString();
		String approval = UUID.randomUUID().toString();
		String state = "{\"contacts\":[{\"id\":\"" + contact + "\",\"email\":\"far@example.com\",\"name\":\"Far\"}],"
				+ "\"approvals\":[{\"id\":\"" + approval
				+ "\",\"name\":\"A\",\"status\":\"InProgress\",\"round\":1000000,"
				+ "\"steps\":[{\"round\":1000000,\"position\":1,\"approverId\":\"" + contact
				+ "\",\"status\":\"Pending\"}]}]}";
		this.admin.given().body(state).put("/emulator/api/state").then().statusCode(200);
		this.elma.createChain(approval, "Согласовано").spec(success());
		String exported = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		this.admin.given().body(exported).put("/emulator/api/state").then().statusCode(200);
		assertThat(this.data.approvalView(approval).round()).isEqualTo(1_000_001);
	}

	/**
	 * SPEC 2.3, whatever the load: an import replaces the data while ELMA goes on posting
	 * chains. ELMA's requests wait for the import and find the approval it put back; no
	 * request of either side is refused for the other's sake.
	 */
	@Test
	void importWhileElmaPostsChainsAnswersEveryRequest() throws Exception {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		String maria = this.data.contact("maria");
		String state = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		List<String> answers = Burst.atOnce(48, (i) -> {
			HttpRequest request = (i % 6 == 0)
					? asAdmin("/emulator/api/state").PUT(BodyPublishers.ofString(state)).build()
					: HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + ElmaClient.CREATE))
						.header("X-Elma-Service", ElmaClient.KEY)
						.header("Content-Type", "application/json")
						.POST(BodyPublishers.ofString(ElmaClient.json("id_crm", approval, "chain_of_approval",
								(i % 2 == 0) ? ivan : maria + ";" + ivan), StandardCharsets.UTF_8))
						.build();
			HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
			return ((i % 6 == 0) ? "import " : "chain ") + response.statusCode() + " " + response.body();
		});
		assertThat(answers).hasSize(48)
			.allSatisfy((answer) -> assertThat(answer)
				.matches("import 200 .*|chain 200 \\{\"status\":200,\"error_message\":\"\"}"));
	}

	/**
	 * An export read while ELMA's chains start round after round, and while changesets
	 * change a contact and then an approval, holds each approval as it stood at one
	 * moment, its round and its steps together: every one of them imports back, and no
	 * request of any side fails for the others' sake.
	 */
	@Test
	void exportsReadWhileElmaPostsChainsAndChangesetsWriteAllImportBack() throws Exception {
		List<String> approvals = List.of(this.data.approval(), this.data.approval(), this.data.approval());
		String ivan = this.data.contact("ivan");
		String maria = this.data.contact("maria");
		UUID ivanId = this.contacts.findByEmailKey(ivan).orElseThrow().getId();
		List<String> answers = Burst.atOnce(96, (i) -> {
			String approval = approvals.get((i / 4) % 3);
			HttpRequest request = switch (i % 4) {
				case 0 -> asAdmin("/emulator/api/state").GET().build();
				case 1 -> asAdmin("/0/odata/$batch").POST(BodyPublishers.ofString("""
						{"requests":[
						 {"id":"1","atomicityGroup":"g","method":"PATCH","url":"Contact(%s)",
						  "headers":{"Content-Type":"application/json"},"body":{"JobTitle":"Job %d"}},
						 {"id":"2","atomicityGroup":"g","method":"PATCH","url":"Approval(%s)",
						  "headers":{"Content-Type":"application/json"},"body":{"Name":"Approval %d"}}]}"""
					.formatted(ivanId, i, approval, i), StandardCharsets.UTF_8)).build();
				default -> HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + ElmaClient.CREATE))
					.header("X-Elma-Service", ElmaClient.KEY)
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofString(ElmaClient.json("id_crm", approval, "chain_of_approval",
							(i % 2 == 0) ? ivan + ";" + maria : maria + ";" + ivan), StandardCharsets.UTF_8))
					.build();
			};
			HttpResponse<String> response = HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			if (i % 4 == 1) {
				assertThat(response.body()).contains("\"id\":\"1\"", "\"id\":\"2\"")
					.doesNotContain("\"status\":4", "\"status\":5");
			}
			return (i % 4 == 0) ? response.body() : null;
		});
		List<String> exports = answers.stream().filter((body) -> body != null).toList();
		assertThat(exports).hasSize(24);
		for (String export : exports) {
			this.admin.given().body(export).put("/emulator/api/state").then().statusCode(200);
		}
	}

	@Test
	void newContactGivenItsNameAloneGetsItsPartsAndAnExportKeepsPartsLeftEmpty() {
		String olga = "6e1d0b1a-8c7e-4d2f-9a3b-1c2d3e4f5a61";
		String petr = "6e1d0b1a-8c7e-4d2f-9a3b-1c2d3e4f5a62";
		String anna = "6e1d0b1a-8c7e-4d2f-9a3b-1c2d3e4f5a63";
		String noName = "6e1d0b1a-8c7e-4d2f-9a3b-1c2d3e4f5a64";
		this.admin.given()
			.body(Map.of("contacts",
					List.of(Map.of("id", olga, "email", "olga@example.com", "name", "Ольга Анна Орлова"),
							Map.of("id", petr, "email", "petr@example.com", "name", "Пётр Петров", "givenName", "Петя"),
							Map.of("id", anna, "email", "anna@example.com", "name", "Анна Смирнова", "surname", "",
									"givenName", ""),
							Map.of("id", noName, "email", "nobody@example.com")),
					"approvals", List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		assertNameParts(olga, "Ольга", "Анна Орлова");
		assertNameParts(petr, "Петя", "");
		assertNameParts(anna, "", "");
		assertNameParts(noName, "", "");
		String state = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		this.admin.given().post("/emulator/api/reset?scope=data").then().statusCode(200);
		this.admin.given().body(state).put("/emulator/api/state").then().statusCode(200);
		assertNameParts(olga, "Ольга", "Анна Орлова");
		assertNameParts(petr, "Петя", "");
		assertNameParts(anna, "", "");
		assertNameParts(noName, "", "");
	}

	/**
	 * The data service keeps a name as given, and leaves it empty when none is given: an
	 * export and a snapshot bring both back so, where an import gave the email as the
	 * name and stripped the spaces.
	 */
	@Test
	void contactsWithoutANameOrWithSpacesAroundItComeBackAsTheyWere() {
		String nameless = odataCreated("Contact", Map.of("Email", "nameless@example.com"));
		String padded = odataCreated("Contact", Map.of("Name", "  Padded  ", "Email", "padded@example.com"));
		String before = odata("Contact?$filter=Email eq 'nameless@example.com' or Email eq 'padded@example.com'"
				+ "&$orderby=Email&$select=Id,Name,GivenName,Surname");
		assertThat(before).contains("\"Name\":\"\"", "\"Name\":\"  Padded  \"");
		String state = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		this.admin.given().body(Map.of("name", "names")).post("/emulator/api/snapshots").then().statusCode(201);
		this.admin.given().post("/emulator/api/reset?scope=data").then().statusCode(200);
		this.admin.given().body(state).put("/emulator/api/state").then().statusCode(200);
		assertThat(odata("Contact?$filter=Email eq 'nameless@example.com' or Email eq 'padded@example.com'"
				+ "&$orderby=Email&$select=Id,Name,GivenName,Surname"))
			.isEqualTo(before);
		this.admin.given().post("/emulator/api/reset?scope=data").then().statusCode(200);
		this.admin.given().post("/emulator/api/snapshots/names/restore").then().statusCode(200);
		assertThat(odata("Contact?$filter=Email eq 'nameless@example.com' or Email eq 'padded@example.com'"
				+ "&$orderby=Email&$select=Id,Name,GivenName,Surname"))
			.isEqualTo(before)
			.contains(nameless, padded);
	}

	/**
	 * A decided step given without its time was decided at the import, as the data
	 * service tells decided visas by their SetDate.
	 */
	@Test
	void decidedStepWithoutItsTimeIsDecidedAtTheImport() {
		String ivan = this.data.contact("ivan");
		String approval = "5e0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4";
		this.admin.given()
			.body("{\"contacts\":[{\"email\":\"" + ivan + "\"}],\"approvals\":[{\"id\":\"" + approval
					+ "\",\"status\":\"Approved\",\"round\":1,\"steps\":[{\"approver\":\"" + ivan
					+ "\",\"status\":\"Approved\",\"round\":1,\"position\":1}]}]}")
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		assertThat(odata("ApprovalVisa?$filter=ApprovalId eq " + approval + " and SetDate lt 2000-01-01T00:00:00Z"
				+ "&$select=Id"))
			.isEqualTo("{\"value\":[]}");
		assertThat(this.data.approvalView(approval).steps()).singleElement()
			.satisfies((step) -> assertThat(step.decidedOn()).isNotNull());
	}

	/**
	 * A visa keeps the name its approval had when the chain came (its Objective), also
	 * after the approval is renamed: an export and a snapshot bring it back so.
	 */
	@Test
	void visaObjectiveComesBackAsItWasAfterTheApprovalWasRenamed() {
		String approval = odataCreated("Approval", Map.of("Name", "Old name"));
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, ivan).spec(success());
		this.admin.given()
			.body(Map.of("Name", "New name"))
			.patch("/0/odata/Approval(" + approval + ")")
			.then()
			.statusCode(204);
		String visas = "ApprovalVisa?$filter=ApprovalId eq " + approval + "&$select=Id,Objective,ModifiedOn";
		String before = odata(visas);
		assertThat(before).contains("\"Objective\":\"Old name\"");
		String state = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		this.admin.given().body(Map.of("name", "objective")).post("/emulator/api/snapshots").then().statusCode(201);
		this.admin.given().body(state).put("/emulator/api/state").then().statusCode(200);
		assertThat(odata(visas)).isEqualTo(before);
		this.admin.given().post("/emulator/api/snapshots/objective/restore").then().statusCode(200);
		assertThat(odata(visas)).isEqualTo(before);
	}

	private void assertNameParts(String contact, String givenName, String surname) {
		this.admin.given()
			.get("/0/odata/Contact(" + contact + ")?$select=GivenName,Surname")
			.then()
			.statusCode(200)
			.body("GivenName", equalTo(givenName))
			.body("Surname", equalTo(surname));
	}

	@Test
	void exportedStateBringsBackWhoCreatedAndChangedEachRowAndWhen() {
		String contact = odataCreated("Contact", Map.of("Name", "Ольга Орлова", "Email", "olga.system@example.com"));
		String approval = odataCreated("Approval", Map.of("Name", "Договор с системными колонками"));
		String maria = this.data.contact("maria");
		this.elma.createChain(approval, "olga.system@example.com;" + maria).spec(success());
		this.elma.resolve(approval, "olga.system@example.com", "Согласовано").spec(success());
		this.admin.given()
			.body(Map.of("JobTitle", "Юрист"))
			.patch("/0/odata/Contact(" + contact + ")")
			.then()
			.statusCode(204);
		String columns = "$select=CreatedOn,CreatedById,ModifiedOn,ModifiedById";
		String visas = "ApprovalVisa?$filter=ApprovalId eq " + approval
				+ "&$orderby=Position&$select=Id,CreatedOn,ModifiedOn";
		List<String> before = List.of(odata("Contact(" + contact + ")?" + columns),
				odata("Approval(" + approval + ")?" + columns), odata(visas));
		assertThat(before.get(0)).contains("\"CreatedById\":\"" + SUPERVISOR + "\"");
		String state = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		this.admin.given().post("/emulator/api/reset?scope=data").then().statusCode(200);
		this.admin.given().body(state).put("/emulator/api/state").then().statusCode(200);
		assertThat(List.of(odata("Contact(" + contact + ")?" + columns), odata("Approval(" + approval + ")?" + columns),
				odata(visas)))
			.isEqualTo(before);
	}

	@Test
	void stateGivingAnAuthorThatIsNotAGuidIsRefused() {
		this.admin.given()
			.body(Map.of("contacts",
					List.of(Map.of("email", "olga@example.com", "createdOn", "2026-01-31T09:30:00Z", "createdById",
							"Supervisor")),
					"approvals", List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: contacts[0].createdById Supervisor is not a GUID"));
		this.admin.given()
			.body("{\"approvals\": [{\"id\": \"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\", \"modifiedOn\": \"yesterday\"}]}")
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo(
					"the state sent: approvals[0].modifiedOn: \"yesterday\" is not a time such as 2026-01-31T09:30:00Z"
							+ " (line 1, column 77)"));
		assertThat(this.contacts.count()).isZero();
	}

	private String odataCreated(String set, Map<String, String> row) {
		return this.admin.given().body(row).post("/0/odata/" + set).then().statusCode(201).extract().path("Id");
	}

	private String odata(String resource) {
		String answer = this.admin.given()
			.urlEncodingEnabled(false)
			.get("/0/odata/" + resource.replace(" ", "%20"))
			.then()
			.statusCode(200)
			.extract()
			.asString();
		return answer.replaceAll("\"@odata.context\":\"[^\"]*\",", "");
	}

	@Test
	void stateNamingAKeyTwiceIsRefusedAndChangesNothing() {
		this.admin.given()
			.body(Map.of("contacts", List.of(Map.of("email", "kept@example.com")), "approvals", List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		this.admin.given()
			.body("{\"contacts\": [{\"email\": \"a@example.com\"}],\n"
					+ " \"contacts\": [{\"email\": \"b@example.com\", \"email\": \"c@example.com\"}]}")
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: \"contacts\" is given more than once (line 2, column 12)"));
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.contentType("application/yaml")
			.body("contacts:\n  - email: a@example.com\n    email: b@example.com\n".getBytes(StandardCharsets.UTF_8))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail",
					equalTo("the state sent: contacts[0]: \"email\" is given more than once (line 3, column 10)"));
		assertThat(this.contacts.findAll()).extracting(Contact::getEmail).containsExactly("kept@example.com");
	}

	@Test
	void stateIsImportedFromYaml() {
		String yaml = """
				contacts:
				  - id: 6e1d0b1a-8c7e-4d2f-9a3b-1c2d3e4f5a6b
				    email: olga@example.com
				    name: Ольга
				approvals:
				  - id: 9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
				    name: Договор
				    status: InProgress
				    round: 1
				    steps:
				      - round: 1
				        position: 1
				        approver: OLGA@example.com
				        status: Pending
				""";
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.contentType("application/yaml")
			.body(yaml.getBytes(StandardCharsets.UTF_8))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		this.elma.resolve("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "olga@example.com", "Отклонено").spec(success());
		assertThat(this.data.approvalView("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d").status()).isEqualTo("REJECTED");
	}

	/**
	 * ELMA's chains are bounded by its body alone, so one approval may hold more visas
	 * than a database statement takes parameters (65 535 on PostgreSQL): its state is
	 * imported, and the export of it imported again.
	 */
	@Test
	void stateHoldingMoreVisasThanAStatementTakesParametersImportsAndRoundTrips() {
		int visas = 65_600;
		StringBuilder steps = new StringBuilder();
		for (int i = 1; i <= visas; i++) {
			steps.append((i > 1) ? "," : "")
				.append(String.format("{\"id\":\"00000000-0000-4000-9000-%012d\",\"round\":1,\"position\":%d,"
						+ "\"approver\":\"long.chain@example.com\",\"status\":\"Pending\"}", i, i));
		}
		String state = "{\"contacts\":[{\"email\":\"long.chain@example.com\"}],\"approvals\":[{\"id\":"
				+ "\"7e1f4c2a-0000-4000-8000-000000000001\",\"status\":\"InProgress\",\"round\":1,\"steps\":[" + steps
				+ "]}]}";
		this.admin.given().body(state).put("/emulator/api/state").then().statusCode(200);
		String exported = this.admin.given().get("/emulator/api/state").then().statusCode(200).extract().asString();
		this.admin.given().body(exported).put("/emulator/api/state").then().statusCode(200);
		assertThat(this.data.approvalView("7e1f4c2a-0000-4000-8000-000000000001").steps()).hasSize(visas);
	}

	@Test
	void largeYamlStateIsImported() {
		StringBuilder yaml = new StringBuilder("approvals: []\ncontacts:\n");
		int contacts = 40_000;
		for (int i = 0; i < contacts; i++) {
			yaml.append(String.format("  - id: 00000000-0000-4000-9000-%012d%n    email: large%05d@example.com%n"
					+ "    name: A contact with a name long enough to make the document large %d%n", i, i, i));
		}
		assertThat(yaml.length()).isGreaterThan(4 * 1024 * 1024);
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.contentType("application/yaml")
			.body(yaml.toString().getBytes(StandardCharsets.UTF_8))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		assertThat(this.contacts.count()).isEqualTo(contacts);
	}

	@Test
	void stateHoldingANulCharacterIsRefusedAndChangesNothing() {
		String ivan = this.data.contact("ivan");
		this.admin.given()
			.body("{\"contacts\":[{\"email\":\"nul@example.com\",\"name\":\"a\\u0000b\"}]}")
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", matchesPattern(
					"the state sent: contacts\\[0\\]\\.name: text cannot hold the character U\\+0000 \\(line 1, column \\d+\\)"));
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
		assertThat(this.contacts.findByEmailKey("nul@example.com")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "true|true", "12|12", "1.5e3|1.5e3" })
	void textGivenAsANumberOrTrueOrFalseIsRefusedAndChangesNothing(String json, String shown) {
		this.admin.given()
			.body("{\"contacts\":[{\"email\":" + json + ",\"name\":\"x\"}]}")
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", matchesPattern("the state sent: contacts\\[0\\]\\.email: expected text, written in"
					+ " quotes \\(\"" + shown.replace(".", "\\.") + "\"\\) \\(line 1, column \\d+\\)"));
		assertThat(this.contacts.findByEmailKey(shown)).isEmpty();
	}

	@Test
	void stateHoldingHalfOfASurrogatePairAloneIsRefusedAndChangesNothing() {
		this.admin.given()
			.body("{\"contacts\":[{\"email\":\"half@example.com\",\"name\":\"a\\ud800b\"}]}")
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", matchesPattern("the state sent: contacts\\[0\\]\\.name: text cannot hold half of a"
					+ " surrogate pair alone \\(U\\+D800\\) \\(line 1, column \\d+\\)"));
		assertThat(this.contacts.findByEmailKey("half@example.com")).isEmpty();
	}

	@Test
	void invalidStateIsRefusedAndChangesNothing() {
		String ivan = this.data.contact("ivan");
		String bad = "{\"contacts\":[],\"approvals\":[{\"id\":\"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d\",\"status\":\"Somewhere\"}]}";
		this.admin.given()
			.body(bad)
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail",
					equalTo("the state sent: approvals[0].status Somewhere is none of New, InProgress, Approved,"
							+ " Rejected"));
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
	}

	/**
	 * A state that names a list's element as null, a step without status or approver, an
	 * approver whose id and email are two contacts, or a round no stand reaches, is
	 * refused naming the place, and changes nothing.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`',
			textBlock = """
											contact null         | {"contacts":[null],"approvals":[]} | contacts[0] is null: give an object for a contact
											approval null        | {"contacts":[],"approvals":[null]} | approvals[0] is null: give an object for an approval
											step null            | {"contacts":[],"approvals":[{"id":"A","status":"InProgress","round":1,"steps":[null]}]} | approvals[0].steps[0] is null: give an object for a step
											step without status  | {"contacts":[I],"approvals":[{"id":"A","status":"InProgress","round":1,"steps":[{"approverId":"C","round":1,"position":1}]}]} | approvals[0].steps[0] has no status: it is one of Pending, Approved, Rejected, Cancelled
											no approver          | {"contacts":[I],"approvals":[{"id":"A","status":"InProgress","round":1,"steps":[{"status":"Pending","round":1,"position":1}]}]} | approvals[0].steps[0] names no approver: give its approver (an email) or approverId
											unknown approverId   | {"contacts":[I],"approvals":[{"id":"A","status":"InProgress","round":1,"steps":[{"approver":"ivan.import@example.com","approverId":"11111111-1111-4111-8111-111111111111","status":"Pending","round":1,"position":1}]}]} | approvals[0].steps[0].approverId 11111111-1111-4111-8111-111111111111 is not the id of any contact
											two approvers        | {"contacts":[I,{"id":"D","email":"anna.import@example.com"}],"approvals":[{"id":"A","status":"InProgress","round":1,"steps":[{"approver":"anna.import@example.com","approverId":"C","status":"Pending","round":1,"position":1}]}]} | approvals[0].steps[0].approverId C is not the contact anna.import@example.com (D): give one of the two, or both of one contact
											round too high       | {"contacts":[],"approvals":[{"id":"A","status":"Approved","round":2147483647,"steps":[]}]} | approvals[0].round 2147483647 is not from 0 to 1000000000
											step round too high  | {"contacts":[I],"approvals":[{"id":"A","status":"InProgress","round":1000000001,"steps":[{"approverId":"C","status":"Pending","round":1000000001,"position":1}]}]} | approvals[0].round 1000000001 is not from 0 to 1000000000
											fraction of a round  | {"contacts":[],"approvals":[{"id":"A","status":"New","round":1.5}]} | approvals[0].round: "1.5" is not a whole number (line 1, column 97)
											round in exponent    | {"contacts":[],"approvals":[{"id":"A","status":"New","round":1e2}]} | approvals[0].round: expected a whole number, written without a decimal point or an exponent (line 1, column 97)
											round past a number  | {"contacts":[],"approvals":[{"id":"A","status":"New","round":99999999999}]} | approvals[0].round: 99999999999 is too large (line 1, column 108)
											step position past   | {"contacts":[I],"approvals":[{"id":"A","status":"InProgress","round":1,"steps":[{"approverId":"C","status":"Pending","round":1,"position":-99999999999}]}]} | approvals[0].steps[0].position: -99999999999 is too small (line 1, column 299)
							round without status | {"contacts":[],"approvals":[{"id":"A","round":1}]} | approvals[0] has no status: it is New, so it has no round and no steps yet (ELMA's chain starts them)
									decided while pending | {"contacts":[I],"approvals":[{"id":"A","status":"InProgress","round":1,"steps":[{"approverId":"C","status":"Pending","round":1,"position":1,"decidedOn":"2026-01-01T00:00:00Z"}]}]} | approvals[0].steps[0] is Pending, so it has no decidedOn (a decision sets it)
					cancelled with time  | {"contacts":[I],"approvals":[{"id":"A","status":"Rejected","round":1,"steps":[{"approverId":"C","status":"Rejected","round":1,"position":1},{"approverId":"C","status":"Cancelled","round":1,"position":2,"decidedOn":"2026-01-01T00:00:00Z"}]}]} | approvals[0].steps[1] is Cancelled, so it has no decidedOn (a new round cancels a step undecided)
					decided before made  | {"contacts":[I],"approvals":[{"id":"A","status":"Approved","round":1,"steps":[{"approverId":"C","status":"Approved","round":1,"position":1,"decidedOn":"2026-01-01T00:00:00Z","createdOn":"2026-05-01T00:00:00Z"}]}]} | approvals[0].steps[0].decidedOn 2026-01-01T00:00:00Z is before its createdOn 2026-05-01T00:00:00Z: a step is decided after it is created
					year zero            | {"contacts":[{"email":"zero.year@example.com","createdOn":"0000-01-01T00:00:00Z"}],"approvals":[]} | contacts[0].createdOn 0000-01-01T00:00:00Z is outside the years 1 to 9999 a stand's dates hold
					year 99999           | {"contacts":[],"approvals":[{"id":"A","modifiedOn":"+99999-01-01T00:00:00Z"}]} | approvals[0].modifiedOn +99999-01-01T00:00:00Z is outside the years 1 to 9999 a stand's dates hold
					empty contact id     | {"contacts":[{"id":"00000000-0000-0000-0000-000000000000","email":"zero@example.com"}],"approvals":[]} | contacts[0]: id 00000000-0000-0000-0000-000000000000 is the empty GUID, which stands for no row: give another, or none for a new one
									empty approval id    | {"contacts":[],"approvals":[{"id":"00000000-0000-0000-0000-000000000000"}]} | approvals[0]: id 00000000-0000-0000-0000-000000000000 is the empty GUID, which stands for no row: give another, or none for a new one
											""")
	void incoherentStateIsRefusedNamingThePlace(String label, String template, String problem) {
		String ivan = this.data.contact("ivan");
		String approval = "5b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
		String contact = "8a4c1f6e-1111-4222-8333-000000000001";
		String other = "8a4c1f6e-1111-4222-8333-000000000002";
		String body = template.replace("[I", "[{\"id\":\"C\",\"email\":\"ivan.import@example.com\"}")
			.replace("\"A\"", "\"" + approval + "\"")
			.replace("\"C\"", "\"" + contact + "\"")
			.replace("\"D\"", "\"" + other + "\"");
		this.admin.given()
			.body(body)
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: "
					+ problem.replace("approverId C", "approverId " + contact).replace("(D)", "(" + other + ")")));
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
	}

	/** The state is read in the charset its Content-Type names. */
	@Test
	void stateIsReadInTheCharsetItsContentTypeNames() {
		String state = "{\"contacts\":[{\"email\":\"cp1251@example.com\",\"name\":\"Пётр Соколов\"}],\"approvals\":[]}";
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.contentType("application/json; charset=windows-1251")
			.body(state.getBytes(java.nio.charset.Charset.forName("windows-1251")))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		assertThat(this.contacts.findByEmailKey("cp1251@example.com")).get()
			.extracting(Contact::getName)
			.isEqualTo("Пётр Соколов");
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.contentType("application/json; charset=foo")
			.body("{}".getBytes(StandardCharsets.UTF_8))
			.put("/emulator/api/state")
			.then()
			.statusCode(415)
			.body("detail", equalTo("the charset 'foo' the Content-Type names is not supported"));
	}

	/**
	 * A YAML state that names no charset is read as UTF-8, and one in another encoding is
	 * refused where its first character that is not UTF-8 stands.
	 */
	@Test
	void yamlStateNotInUtf8IsRefusedNamingWhere() {
		String state = "contacts:\n  - email: yaml1251@example.com\n    name: Иван Соколов\n";
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			// As sent, without the charset REST Assured would add.
			.config(RestAssuredConfig.config()
				.encoderConfig(
						EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
			.contentType("application/yaml")
			.body(state.getBytes(java.nio.charset.Charset.forName("windows-1251")))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: not UTF-8 at line 3, column 11: a seed is read as UTF-8 (a file"
					+ " saved in windows-1251, say, is not)"));
		assertThat(this.contacts.findByEmailKey("yaml1251@example.com")).isEmpty();
	}

	@Test
	void oneApprovalGoesBackToNew() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, ivan).spec(success());
		this.admin.given().queryParam("approval", approval).post("/emulator/api/reset").then().statusCode(200);
		StandData.ApprovalView view = this.data.approvalView(approval);
		assertThat(view.status()).isEqualTo("NEW");
		assertThat(view.round()).isZero();
		assertThat(view.steps()).isEmpty();
	}

	@Test
	void oneApprovalToResetIsNamedByAGuid() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		for (String notAGuid : List.of("xyz", "123-123", "1-2-3-4-5")) {
			this.admin.given()
				.queryParam("approval", notAGuid)
				.post("/emulator/api/reset")
				.then()
				.statusCode(400)
				.body("detail", equalTo("approval: \"" + notAGuid + "\" is not a GUID"));
		}
		// Read as none, an empty approval would reset everything.
		this.admin.given()
			.queryParam("approval", "")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.body("detail", equalTo("approval is empty: give a value or leave it out"));
		this.admin.given()
			.queryParam("approval", "6f0c0f38-2d6a-4d21-9a5c-3e0f2c1d4b5a")
			.post("/emulator/api/reset")
			.then()
			.statusCode(404)
			.body("detail", equalTo("No approval with id 6f0c0f38-2d6a-4d21-9a5c-3e0f2c1d4b5a"));
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void resetOfTheJournalKeepsTheData() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given().queryParam("scope", "journal").post("/emulator/api/reset").then().statusCode(200);
		this.admin.given().get("/emulator/api/journal").then().body("total", equalTo(0));
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
	}

	@Test
	void resetOfTheFaultsKeepsTheJournalAndTheData() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201);
		this.admin.given().queryParam("scope", "faults").post("/emulator/api/reset").then().statusCode(200);
		this.admin.given().get("/emulator/api/faults").then().body("size()", equalTo(0));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
		this.elma.createChain(approval, "Согласовано").spec(success());
	}

	@Test
	void fullResetEmptiesTheStandAndLoadsTheConfiguredSeedAgain() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201);
		this.admin.given().post("/emulator/api/reset").then().statusCode(200).body("reset", equalTo("all"));
		this.admin.given().get("/emulator/api/faults").then().body("size()", equalTo(0));
		this.admin.given().get("/emulator/api/journal").then().body("total", equalTo(0));
		this.admin.given().get("/emulator/api/state").then().body("approvals.size()", equalTo(0));
		this.admin.given()
			.queryParam("scope", "everything")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.body("detail", equalTo("scope: must be all, journal, faults or data"));
		for (String empty : List.of("", " ")) {
			this.admin.given()
				.queryParam("scope", empty)
				.post("/emulator/api/reset")
				.then()
				.statusCode(400)
				.body("detail", equalTo("scope is empty: give a value or leave it out"));
		}
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.formParam("scope", "")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.body("detail", equalTo("scope is empty: give a value or leave it out"));
	}

	@Test
	void fullResetPutsTheSettingsBackAsConfigured() {
		this.admin.given()
			.body(Map.of("enforceOrder", false, "httpStatus", "always-200"))
			.put("/emulator/api/settings")
			.then()
			.statusCode(200);
		this.admin.given().queryParam("scope", "journal").post("/emulator/api/reset").then().statusCode(200);
		this.admin.given().get("/emulator/api/settings").then().body("httpStatus", equalTo("always-200"));
		this.admin.given().post("/emulator/api/reset").then().statusCode(200);
		this.admin.given()
			.get("/emulator/api/settings")
			.then()
			.body("enforceOrder", equalTo(true))
			.body("httpStatus", equalTo("mirror"));
	}

	@Test
	void oneApprovalAndAScopeCannotBeResetTogether() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		this.admin.given()
			.queryParam("approval", approval)
			.queryParam("scope", "journal")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.body("detail", equalTo("approval and scope cannot be combined: reset one approval, or a scope"));
		assertThat(this.data.approvalView(approval).status()).isEqualTo("APPROVED");
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	@Test
	void stateNamingNeitherContactsNorApprovalsIsRefused() {
		String ivan = this.data.contact("ivan");
		for (String body : List.of("null", "{}", "", "  \n")) {
			this.admin.given()
				.body(body)
				.put("/emulator/api/state")
				.then()
				.statusCode(400)
				.body("detail", equalTo("the state sent names neither contacts nor approvals; "
						+ "send {\"contacts\": [], \"approvals\": []} to empty the stand"));
		}
		for (String body : List.of("", "# nothing yet\n")) {
			this.admin.given()
				.contentType("application/yaml")
				.body(body.getBytes(StandardCharsets.UTF_8))
				.put("/emulator/api/state")
				.then()
				.statusCode(400)
				.body("detail", equalTo("the state sent names neither contacts nor approvals; "
						+ "send {\"contacts\": [], \"approvals\": []} to empty the stand"));
		}
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
		this.admin.given().body("{\"contacts\":[],\"approvals\":[]}").put("/emulator/api/state").then().statusCode(200);
		assertThat(this.contacts.count()).isZero();
	}

	@Test
	void stateLeavingAListOutIsRefusedAndChangesNothing() {
		String ivan = this.data.contact("ivan");
		String approval = this.data.approval();
		this.admin.given()
			.body(Map.of("approvals", List.of(Map.of("id", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"))))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent names no contacts; send \"contacts\": [] to empty them"));
		this.admin.given()
			.body("{\"contacts\": [{\"email\": \"olga@example.com\"}], \"approvals\": null}")
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent names no approvals; send \"approvals\": [] to empty them"));
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.contentType("application/yaml")
			.body("contacts:\n  - email: olga@example.com\n".getBytes(StandardCharsets.UTF_8))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent names no approvals; send \"approvals\": [] to empty them"));
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
		assertThat(this.contacts.findByEmailKey("olga@example.com")).isEmpty();
		assertThat(this.data.approvalView(approval).status()).isEqualTo("NEW");
	}

	@Test
	void stateIsRefusedInAContentTypeOtherThanJsonOrYamlAsFaultRulesAre() {
		String ivan = this.data.contact("ivan");
		for (String type : List.of("text/plain;charset=UTF-8", "application/x-www-form-urlencoded;charset=UTF-8",
				"application/octet-stream;charset=UTF-8")) {
			for (String operation : List.of("PUT /emulator/api/state", "POST /emulator/api/faults")) {
				String state = "{\"contacts\": [], \"approvals\": []}";
				RequestSpecification request = this.admin.given().contentType(type);
				// REST Assured sends text as text and forms, bytes otherwise.
				request = type.startsWith("text/") || type.contains("form") ? request.body(state)
						: request.body(state.getBytes(StandardCharsets.UTF_8));
				request.request(operation.split(" ")[0], operation.split(" ")[1])
					.then()
					.statusCode(415)
					.contentType("application/problem+json")
					.body("detail", equalTo("Content-Type '" + type + "' is not supported."));
			}
		}
		for (String operation : List.of("PUT /emulator/api/state", "POST /emulator/api/faults")) {
			this.admin.given()
				.contentType("json")
				.body("{}".getBytes(StandardCharsets.UTF_8))
				.request(operation.split(" ")[0], operation.split(" ")[1])
				.then()
				.statusCode(415)
				.body("detail", equalTo("Could not parse Content-Type."));
		}
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
		for (String type : List.of("application/json", "application/vnd.state+json", "application/x-yaml",
				"text/yaml")) {
			this.admin.given()
				.contentType(type)
				.body("{\"contacts\": [], \"approvals\": []}".getBytes(StandardCharsets.UTF_8))
				.put("/emulator/api/state")
				.then()
				.statusCode(200);
		}
		assertThat(this.contacts.count()).isZero();
	}

	@Test
	void textLongerThanItsColumnIsRefusedAndChangesNothing() {
		String ivan = this.data.contact("ivan");
		this.admin.given()
			.body(Map.of("contacts", List.of(Map.of("email", "long@example.com", "name", "и".repeat(251))), "approvals",
					List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: contacts[0].name is longer than 250 characters"));
		this.admin.given()
			.body(Map.of("contacts", List.of(), "approvals",
					List.of(Map.of("id", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "name", "д".repeat(501)))))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: approvals[0].name is longer than 500 characters"));
		this.admin.given()
			.body(Map.of("contacts", List.of(Map.of("email", "long@example.com", "surname", "и".repeat(248) + "   ")),
					"approvals", List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: contacts[0].surname is longer than 250 characters"));
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
		// A name is stored as given, its spaces counted, as the data service stores it.
		this.admin.given()
			.body(Map.of("contacts", List.of(Map.of("email", "long@example.com", "name", " " + "и".repeat(249) + " ")),
					"approvals", List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: contacts[0].name is longer than 250 characters"));
		this.admin.given()
			.body(Map.of("contacts", List.of(Map.of("email", "long@example.com", "name", " " + "и".repeat(248) + " ")),
					"approvals", List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		assertThat(this.contacts.findByEmailKey("long@example.com")).get()
			.extracting(Contact::getName)
			.isEqualTo(" " + "и".repeat(248) + " ");
	}

	@Test
	void visaIdsAreKeptAndRefusedWhenRepeatedOrNotGuids() {
		String ivan = this.data.contact("ivan");
		Map<String, Object> contact = Map.of("email", ivan, "name", "Иван");
		String visa = "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
		Map<String, Object> step = Map.of("id", visa, "round", 1, "position", 1, "approver", ivan, "status", "Pending");
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "status", "InProgress", "steps",
							List.of(step)),
							Map.of("id", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "status", "InProgress", "steps",
									List.of(step)))))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail",
					equalTo("the state sent: approvals[1].steps[0] repeats the id of approvals[0].steps[0]: " + visa));
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "status", "InProgress", "steps",
							List.of(Map.of("id", "visa-1", "round", 1, "position", 1, "approver", ivan, "status",
									"Pending"))))))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: approvals[0].steps[0]: id visa-1 is not a GUID"));
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "status", "InProgress", "steps",
							List.of(step)))))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		assertThat(this.data.approvalView("9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d").steps()).extracting(StepView::id)
			.containsExactly(java.util.UUID.fromString(visa));
	}

	@Test
	void stateWhoseStatusItsStepsContradictIsRefused() {
		String ivan = this.data.contact("ivan");
		String approval = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
		Map<String, Object> pending = Map.of("round", 1, "position", 1, "approver", ivan, "status", "Pending");
		Map<String, Object> contact = Map.of("email", ivan, "name", "Иван");
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", approval, "status", "Approved", "steps", List.of(pending)))))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail",
					equalTo("the state sent: approvals[0] is Approved, so it has a round from 1 whose steps are all "
							+ "Approved"));
		refusedState(List.of(contact), Map.of("id", approval, "status", "Approved"),
				"approvals[0] is Approved, so it has a round from 1 whose steps are all Approved");
		refusedState(List.of(contact), Map.of("id", approval, "status", "Rejected", "round", 3),
				"approvals[0] is Rejected, so its round 3 has a Rejected step and no Pending one");
		refusedState(List.of(contact),
				Map.of("id", approval, "status", "InProgress", "round", 2, "steps",
						List.of(pending, Map.of("round", 2, "position", 1, "approver", ivan, "status", "Pending"))),
				"approvals[0] has a Pending step in a round before its round 2 (a new round cancels the steps left "
						+ "pending)");
		refusedState(List.of(contact),
				Map.of("id", approval, "status", "InProgress", "steps",
						List.of(pending, Map.of("round", 1, "position", 2, "approver", ivan, "status", "Cancelled"))),
				"approvals[0] is InProgress, so its round 1 needs a Pending step and no Rejected or Cancelled one");
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", approval, "status", "New", "round", 5))))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: approvals[0] is New, so it has no round and no steps yet "
					+ "(ELMA's chain starts them)"));
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", approval, "status", "InProgress"))))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: approvals[0] is InProgress, so its round 0 needs a Pending step "
					+ "and no Rejected or Cancelled one"));
		assertThat(this.contacts.findByEmailKey(ivan)).isPresent();
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", approval, "status", "InProgress", "steps", List.of(pending)))))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		// An empty round approved at once, as ELMA's chain «Согласовано» leaves it.
		this.admin.given()
			.body(Map.of("contacts", List.of(contact), "approvals",
					List.of(Map.of("id", approval, "status", "Approved", "round", 2, "steps",
							List.of(Map.of("round", 1, "position", 1, "approver", ivan, "status", "Cancelled"))))))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
	}

	private void refusedState(List<Map<String, Object>> contacts, Map<String, Object> approval, String detail) {
		this.admin.given()
			.body(Map.of("contacts", contacts, "approvals", List.of(approval)))
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the state sent: " + detail));
	}

	@Test
	void snapshotsAreTakenListedAndRestored() {
		String approval = this.data.approval();
		String ivan = this.data.contact("ivan");
		this.elma.createChain(approval, ivan).spec(success());
		this.admin.given()
			.body(Map.of("name", "before decision"))
			.post("/emulator/api/snapshots")
			.then()
			.statusCode(201)
			.body("name", equalTo("before decision"));
		this.elma.resolve(approval, ivan, "Отклонено").spec(success());
		assertThat(this.data.approvalView(approval).status()).isEqualTo("REJECTED");
		this.admin.given().get("/emulator/api/snapshots").then().body("name", hasItem("before decision"));
		this.admin.given().post("/emulator/api/snapshots/before decision/restore").then().statusCode(200);
		assertThat(this.data.approvalView(approval).status()).isEqualTo("IN_PROGRESS");
		this.elma.resolve(approval, ivan, "Согласовано").spec(success());
		this.admin.given().delete("/emulator/api/snapshots/before decision").then().statusCode(204);
		this.admin.given()
			.post("/emulator/api/snapshots/before decision/restore")
			.then()
			.statusCode(404)
			.body("detail", equalTo("No snapshot named before decision"));
		this.admin.given()
			.delete("/emulator/api/snapshots/before decision")
			.then()
			.statusCode(404)
			.body("detail", equalTo("No snapshot named before decision"));
	}

	/** Snapshots of one name taken at once take turns: each is taken, the last kept. */
	@Test
	void snapshotsOfOneNameTakenAtOnceAreAllTaken() throws Exception {
		List<Integer> statuses = Burst.atOnce(8,
				(i) -> HTTP
					.send(asAdmin("/emulator/api/snapshots").POST(BodyPublishers.ofString("{\"name\":\"at once\"}"))
						.build(), BodyHandlers.discarding())
					.statusCode());
		assertThat(statuses).hasSize(8).containsOnly(201);
		this.admin.given()
			.get("/emulator/api/snapshots")
			.then()
			.body("findAll { it.name == 'at once' }.size()", equalTo(1));
	}

	@Test
	void snapshotNameThatCannotBeTakenIsRefusedWithOneMessage() {
		for (String body : List.of("{\"name\": \"a/b\"}", "{\"name\": \"\"}", "{\"name\": \"   \"}",
				"{\"name\": \".\"}", "{\"name\": \"..\"}", "{\"name\": \" . . \"}",
				"{\"name\": \"" + "n".repeat(201) + "\"}", "{\"name\": null}", "{}", "{\"name\": \"s5 \"}",
				"{\"name\": \" s5\"}")) {
			this.admin.given()
				.body(body)
				.post("/emulator/api/snapshots")
				.then()
				.statusCode(400)
				.body("detail", equalTo("name: must be 1 to 200 letters, digits, spaces, dots, dashes or underscores, "
						+ "not only spaces and dots, and no space at either end"));
		}
		this.admin.given()
			.get("/emulator/api/snapshots")
			.then()
			.statusCode(200)
			.body("name", not(hasItem("a/b")))
			.body("name", not(hasItem("")));
	}

	/** 200 letters, whichever plane of Unicode they come from. */
	@Test
	void snapshotNameOfTwoHundredLettersOutsideTheBasicPlaneIsTaken() {
		String name = "𝒜".repeat(200);
		this.admin.given().body(Map.of("name", name)).post("/emulator/api/snapshots").then().statusCode(201);
		this.admin.given().get("/emulator/api/snapshots").then().body("name", hasItem(name));
		this.admin.given().delete("/emulator/api/snapshots/" + name).then().statusCode(204);
	}

	@Test
	void snapshotSavedWithoutEmptyNamePartsComesBackWithThemEmpty() {
		// As snapshots were written before exports carried empty name parts.
		String contact = "6e1d0b1a-8c7e-4d2f-9a3b-1c2d3e4f5a71";
		this.jdbc.update("INSERT INTO state_snapshot (name, created_on, document) VALUES (?, ?, ?)", "saved earlier",
				java.time.OffsetDateTime.parse("2026-11-01T09:00:00Z"), "{\"contacts\": [{\"id\": \"" + contact
						+ "\", \"email\": \"ivan@example.com\", \"name\": \"Иван Петров\"}], \"approvals\": []}");
		this.admin.given().post("/emulator/api/snapshots/saved earlier/restore").then().statusCode(200);
		assertNameParts(contact, "", "");
		// The same document sent as a state written by hand is filled as the data service
		// fills a new contact.
		this.admin.given()
			.body(Map.of("contacts", List.of(Map.of("id", contact, "email", "ivan@example.com", "name", "Иван Петров")),
					"approvals", List.of()))
			.put("/emulator/api/state")
			.then()
			.statusCode(200);
		assertNameParts(contact, "Иван", "Петров");
	}

	@Test
	void settingsSwitchWithoutRestart() {
		String approval = this.data.approval();
		List<String> approvers = List.of(this.data.contact("a"), this.data.contact("b"));
		this.elma.createChain(approval, String.join(";", approvers)).spec(success());
		this.admin.given()
			.get("/emulator/api/settings")
			.then()
			.body("enforceOrder", equalTo(true))
			.body("httpStatus", equalTo("mirror"));
		this.admin.given()
			.body(Map.of("enforceOrder", false, "httpStatus", "always-200"))
			.put("/emulator/api/settings")
			.then()
			.statusCode(200)
			.body("enforceOrder", equalTo(false))
			.body("httpStatus", equalTo("always-200"));
		this.elma.resolve(approval, approvers.get(1), "Согласовано").spec(success());
		this.elma.resolve(approval, "nobody@example.com", "Согласовано").statusCode(200).body("status", equalTo(400));
		this.admin.given()
			.body(Map.of("enforceOrder", true, "httpStatus", "mirror"))
			.put("/emulator/api/settings")
			.then()
			.statusCode(200);
		this.admin.given().body(Map.of("httpStatus", "sometimes")).put("/emulator/api/settings").then().statusCode(400);
		// A number is not read as true or false.
		for (String value : List.of("0", "2")) {
			this.admin.given()
				.body("{\"enforceOrder\":" + value + "}")
				.put("/emulator/api/settings")
				.then()
				.statusCode(400)
				.body("detail", equalTo("enforceOrder: \"" + value + "\" is not true or false"));
		}
		this.admin.given().get("/emulator/api/settings").then().body("enforceOrder", equalTo(true));
	}

	/** A JSON request to the address, as the administrator (for the JDK's client). */
	private HttpRequest.Builder asAdmin(String address) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + address))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString("Supervisor:Supervisor".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json");
	}

}
