package io.adsw.bpmsoft.emulator.odata;

import io.adsw.bpmsoft.emulator.CreatioClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static io.adsw.bpmsoft.emulator.ElmaClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code CreatedById} and {@code ModifiedById} of rows written through the data service:
 * the contact of the user who wrote them ({@code emulator.security.users[N].contact-id}),
 * as a Creatio stand names the user's {@code SysAdminUnit.ContactId}; empty for a user
 * without one. A contact that rows name so cannot be deleted, as Creatio's foreign keys
 * keep it.
 */
@StandTest
@TestPropertySource(properties = { "emulator.security.users[0].name=Supervisor",
		"emulator.security.users[0].password=" + ODataAuthorTests.HASH,
		"emulator.security.users[0].contact-id=" + ODataAuthorTests.SUPERVISOR, "emulator.security.users[1].name=Clerk",
		"emulator.security.users[1].password=" + ODataAuthorTests.HASH, "emulator.security.users[1].roles=USER",
		"emulator.security.users[1].contact-id=" + ODataAuthorTests.CLERK, "emulator.security.users[2].name=Guest",
		"emulator.security.users[2].password=" + ODataAuthorTests.HASH, "emulator.security.users[2].roles=USER",
		"emulator.security.users[3].name=Author", "emulator.security.users[3].password=" + ODataAuthorTests.HASH,
		"emulator.security.users[3].roles=USER", "emulator.security.users[3].contact-id=" + ODataAuthorTests.AUTHOR,
		"emulator.security.users[4].name=Editor", "emulator.security.users[4].password=" + ODataAuthorTests.HASH,
		"emulator.security.users[4].roles=USER", "emulator.security.users[4].contact-id=" + ODataAuthorTests.EDITOR })
class ODataAuthorTests {

	/** The password {@code Supervisor}, at the lowest BCrypt cost. */
	static final String HASH = "{bcrypt}$2a$04$H4C1KF7JG5tcRL.2ysrBKuyJ8NGXtsO.f/B.Nvjon0TKZOvZMoUvm";

	static final String SUPERVISOR = "410006e1-ca4e-4502-a9ec-e54d922d2c00";

	static final String CLERK = "7f3e9a1c-52d4-4b8e-9c0f-1a2b3c4d5e6f";

	/** The contact of a user who writes only in the deletion tests. */
	static final String AUTHOR = "b7d0c5e2-6a1f-4c3b-9e8d-2f4a6b8c0d1e";

	static final String EDITOR = "c4e2a9f7-3b5d-4e1c-8a6f-0d2b4c6e8a1f";

	private static final String EMPTY = "00000000-0000-0000-0000-000000000000";

	@LocalServerPort
	int port;

	DataService odata;

	@Autowired
	CreatioClient creatio;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
	}

	@Test
	void theCreatorsContactIsCreatedByAndModifiedBy() {
		Response created = post(basic("Supervisor"), "Contact", json("Name", DataService.tag()));

		assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
		JsonNode answered = DataService.json(created);
		assertAuthors(answered, SUPERVISOR, SUPERVISOR);
		assertAuthors(this.odata.entity("Contact", answered.get("Id").asString()), SUPERVISOR, SUPERVISOR);
	}

	@Test
	void aChangeNamesWhoChangedAndKeepsWhoCreated() {
		String id = this.odata.createApproval(DataService.tag());

		Response changed = basic("Clerk").contentType("application/json; charset=utf-8")
			.body(json("Name", DataService.tag()))
			.patch(this.odata.url("Approval(" + id + ")"));

		assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(204);
		assertAuthors(this.odata.entity("Approval", id), SUPERVISOR, CLERK);
	}

	@Test
	void aSessionsUserIsTheAuthorToo() {
		Response created = post(this.creatio.logIn("Clerk", CreatioClient.PASSWORD).request(), "Contact",
				json("Name", DataService.tag()));

		assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
		assertAuthors(DataService.json(created), CLERK, CLERK);
	}

	@Test
	void aBatchsRequestsAreTheUsersToo() {
		String batch = "{\"requests\": [{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", "
				+ "\"headers\": {\"Content-Type\": \"application/json\"}, \"body\": " + json("Name", DataService.tag())
				+ "}]}";

		Response answered = basic("Clerk").contentType("application/json").body(batch).post(this.odata.url("$batch"));

		assertThat(answered.statusCode()).as(answered.asString()).isEqualTo(200);
		JsonNode response = DataService.json(answered).get("responses").get(0);
		assertThat(response.get("status").asInt()).as(response.toString()).isEqualTo(201);
		assertAuthors(response.get("body"), CLERK, CLERK);
	}

	@Test
	void aUserWithoutContactLeavesThemEmpty() {
		Response created = post(basic("Guest"), "Contact", json("Name", DataService.tag()));

		assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
		assertAuthors(DataService.json(created), EMPTY, EMPTY);
	}

	@Test
	void aContactThatRowsNameAsTheirCreatorCannotBeDeleted() {
		created(basic("Supervisor"), "Contact", json("Id", AUTHOR, "Name", DataService.tag()));
		String approval = created(basic("Author"), "Approval", json("Name", DataService.tag()));
		created(basic("Author"), "Contact", json("Name", DataService.tag()));

		Response deleted = this.odata.delete("Contact(" + AUTHOR + ")");

		assertThat(deleted.statusCode()).isEqualTo(400);
		String message = "The contact " + AUTHOR + " cannot be deleted: contacts and approvals name it as their"
				+ " creator or last modifier (CreatedById, ModifiedById).";
		assertThat(DataService.json(deleted)).isEqualTo(DataService.error(message, message));
		assertThat(this.odata.read("Approval(" + approval + ")?$expand=CreatedBy($select=Id)")
			.get("CreatedBy")
			.get("Id")
			.asString()).isEqualTo(AUTHOR);
	}

	@Test
	void aContactThatRowsNameAsTheirLastModifierCannotBeDeletedUntilTheyAreGone() {
		created(basic("Supervisor"), "Contact", json("Id", EDITOR, "Name", DataService.tag()));
		String edited = created(basic("Supervisor"), "Contact", json("Name", DataService.tag()));
		for (String id : new String[] { edited, EDITOR }) {
			Response changed = basic("Editor").contentType("application/json; charset=utf-8")
				.body(json("JobTitle", "Edited"))
				.patch(this.odata.url("Contact(" + id + ")"));
			assertThat(changed.statusCode()).as(changed.asString()).isEqualTo(204);
		}

		Response refused = this.odata.delete("Contact(" + EDITOR + ")");

		assertThat(refused.statusCode()).isEqualTo(400);
		String message = "The contact " + EDITOR + " cannot be deleted: contacts name it as their creator or last"
				+ " modifier (CreatedById, ModifiedById).";
		assertThat(DataService.json(refused)).isEqualTo(DataService.error(message, message));
		assertThat(this.odata.entity("Contact", EDITOR).get("JobTitle").asString()).isEqualTo("Edited");
		// Its own row names it too, but goes with it.
		assertThat(this.odata.delete("Contact(" + edited + ")").statusCode()).isEqualTo(204);
		assertThat(this.odata.delete("Contact(" + EDITOR + ")").statusCode()).isEqualTo(204);
	}

	private String created(RequestSpecification request, String set, String body) {
		Response response = post(request, set, body);
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
		return DataService.json(response).get("Id").asString();
	}

	private RequestSpecification basic(String user) {
		return this.creatio.basic(user, CreatioClient.PASSWORD).urlEncodingEnabled(false);
	}

	private Response post(RequestSpecification request, String set, String body) {
		return request.contentType("application/json; charset=utf-8").body(body).post(this.odata.url(set));
	}

	private static void assertAuthors(JsonNode row, String createdBy, String modifiedBy) {
		assertThat(row.get("CreatedById").asString()).as("CreatedById").isEqualTo(createdBy);
		assertThat(row.get("ModifiedById").asString()).as("ModifiedById").isEqualTo(modifiedBy);
	}

}
