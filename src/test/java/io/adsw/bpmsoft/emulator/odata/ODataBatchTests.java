package io.adsw.bpmsoft.emulator.odata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.json;
import static io.adsw.bpmsoft.emulator.odata.DataService.JSON;
import static io.adsw.bpmsoft.emulator.odata.DataService.names;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code $batch} (SPEC §5.2): the JSON format Creatio's clients send
 * ({@code {"requests":[...]}} → {@code {"responses":[...]}}), atomicity groups that
 * change all or nothing, the limit of 100 requests, and multipart/mixed with change sets
 * built by hand.
 */
@StandTest
class ODataBatchTests {

	private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.1 (\\d{3})", Pattern.MULTILINE);

	@LocalServerPort
	int port;

	DataService odata;

	String tag;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
		this.tag = DataService.tag();
	}

	private Response batch(ArrayNode requests, String... prefer) {
		ObjectNode batch = JSON.createObjectNode();
		batch.set("requests", requests);
		var request = this.odata.request().contentType("application/json").accept("application/json");
		for (String preference : prefer) {
			request = request.header("Prefer", preference);
		}
		return request.body(JSON.writeValueAsString(batch)).post(this.odata.url("$batch"));
	}

	private static ObjectNode item(ArrayNode requests, String id, String method, String url) {
		ObjectNode item = requests.addObject();
		item.put("id", id);
		item.put("method", method);
		item.put("url", url);
		return item;
	}

	private static ObjectNode item(ArrayNode requests, String id, String method, String url, String body) {
		ObjectNode item = item(requests, id, method, url);
		item.set("body", JSON.readTree(body));
		item.putObject("headers").put("Content-Type", "application/json;odata.metadata=minimal");
		return item;
	}

	private static List<JsonNode> responses(Response response) {
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode body = DataService.json(response);
		assertThat(names(body)).containsExactly("responses");
		return List.copyOf(body.get("responses").values());
	}

	private int countNamed(String name) {
		return this.odata.rows("Contact?$filter=Name eq '" + name + "'").size();
	}

	@Test
	void jsonBatchAnswersEveryRequestWithItsIdStatusHeadersAndBody() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "read", "GET", "Contact(" + id + ")?$select=Name");
		item(requests, "create", "POST", "Contact", json("Name", this.tag + " created"));
		item(requests, "change", "PATCH", "Contact(" + id + ")", json("JobTitle", "Batched"));
		item(requests, "value", "GET", "Contact(" + id + ")/JobTitle/$value");
		item(requests, "count", "GET", "Contact/$count?$filter=startswith(Name,'" + this.tag + "')");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("id").asString())
			.containsExactly("read", "create", "change", "value", "count");
		assertThat(responses).extracting((answer) -> answer.get("status").intValue())
			.containsExactly(200, 201, 204, 200, 200);
		assertThat(responses).allSatisfy((answer) -> {
			assertThat(names(answer)).startsWith("id", "status", "headers").doesNotContain("atomicityGroup");
			assertThat(answer.get("headers").propertyNames()).allSatisfy((header) -> assertThat(header).isLowerCase());
		});
		JsonNode read = responses.get(0);
		assertThat(read.get("headers").get("content-type").asString()).startsWith("application/json");
		assertThat(read.get("body").get("@odata.context").asString())
			.isEqualTo(this.odata.serviceRoot() + "/$metadata#Contact(Name)/$entity");
		assertThat(read.get("body").get("Name").asString()).isEqualTo(this.tag);
		JsonNode created = responses.get(1);
		String createdId = created.get("body").get("Id").asString();
		assertThat(created.get("headers").get("location").asString())
			.isEqualTo(this.odata.serviceRoot() + "/Contact(" + createdId + ")");
		assertThat(created.get("body").get("Name").asString()).isEqualTo(this.tag + " created");
		assertThat(responses.get(2).has("body")).isFalse();
		assertThat(responses.get(3).get("body").asString()).isEqualTo("Batched");
		assertThat(responses.get(4).get("body").asString()).isEqualTo("2");
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Batched");
		assertThat(this.odata.entity("Contact", createdId).get("Name").asString()).isEqualTo(this.tag + " created");
	}

	@Test
	void urlsMayBeRelativeOrAbsoluteWithTheKeyInParentheses() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "1", "GET", "Contact(" + id + ")");
		item(requests, "2", "GET", "/0/odata/Contact(" + id + ")");
		item(requests, "3", "GET", this.odata.serviceRoot() + "/Contact(" + id + ")");
		item(requests, "4", "PATCH", "Contact(" + id + ")", json("Phone", "42"));
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("status").intValue())
			.containsExactly(200, 200, 200, 204);
		assertThat(responses.subList(0, 3))
			.allSatisfy((answer) -> assertThat(answer.get("body").get("Id").asString()).isEqualTo(id));
		assertThat(this.odata.entity("Contact", id).get("Phone").asString()).isEqualTo("42");
	}

	@Test
	void requestsOfTheOtherRootAnswerWithThatRoot() {
		DataService core = new DataService(this.port, "/odata");
		ObjectNode batch = JSON.createObjectNode();
		item(batch.putArray("requests"), "1", "POST", "Contact", json("Name", this.tag));
		Response response = core.request()
			.contentType("application/json")
			.body(JSON.writeValueAsString(batch))
			.post(core.url("$batch"));
		JsonNode created = responses(response).get(0);
		assertThat(created.get("status").intValue()).isEqualTo(201);
		assertThat(created.get("headers").get("location").asString()).startsWith(core.serviceRoot() + "/Contact(");
		assertThat(created.get("body").get("@odata.context").asString())
			.isEqualTo(core.serviceRoot() + "/$metadata#Contact/$entity");
	}

	@Test
	void batchAsCreatiosAcademyWritesItIsServed() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		String batch = """
				{"requests":[
				 {"method":"POST","url":"Contact","id":"t3","body":{"Name":"%1$s Burbank"},
				  "headers":{"Content-Type":"application/json;odata=verbose","Accept":"application/json;odata=verbose","Prefer":"continue-on-error"}},
				 {"method":"PATCH","atomicityGroup":"g1","url":"Contact(%2$s)","id":"t2","body":{"Name":"%1$s Texas"},
				  "headers":{"Content-Type":"application/json;odata=verbose","Accept":"application/json;odata=verbose","Prefer":"continue-on-error"}}
				]}"""
			.formatted(this.tag, id);
		Response response = this.odata.request()
			.contentType("application/json; odata=verbose; IEEE754Compatible=true")
			.accept("application/json")
			.header("ForceUseSession", "true")
			.body(batch)
			.post(this.odata.url("$batch"));
		List<JsonNode> responses = responses(response);
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("t3 201", "t2 204");
		assertThat(responses.get(1).get("atomicityGroup").asString()).isEqualTo("g1");
		assertThat(countNamed(this.tag + " Burbank")).isEqualTo(1);
		assertThat(this.odata.entity("Contact", id).get("Name").asString()).isEqualTo(this.tag + " Texas");
	}

	@Test
	void atomicityGroupKeepsAllItsChangesWhenEveryRequestSucceeds() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "a", "POST", "Contact", json("Name", this.tag + " grouped")).put("atomicityGroup", "g");
		item(requests, "b", "PATCH", "Contact(" + id + ")", json("JobTitle", "Grouped")).put("atomicityGroup", "g");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("status").intValue()).containsExactly(201, 204);
		assertThat(responses).allSatisfy((answer) -> {
			assertThat(answer.get("atomicityGroup").asString()).isEqualTo("g");
			assertThat(names(answer)).startsWith("id", "atomicityGroup", "status", "headers");
		});
		assertThat(countNamed(this.tag + " grouped")).isEqualTo(1);
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Grouped");
	}

	@Test
	void failingRequestUndoesItsAtomicityGroupAndItsSiblingsReport424() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "a", "POST", "Contact", json("Name", this.tag + " undone")).put("atomicityGroup", "g");
		item(requests, "b", "PATCH", "Contact(" + id + ")", json("JobTitle", "Undone")).put("atomicityGroup", "g");
		item(requests, "c", "PATCH", "Contact(" + id + ")", json("Foo", "x")).put("atomicityGroup", "g");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("a 424", "b 424", "c 400");
		assertThat(responses.get(2).get("body")).isEqualTo(DataService.invalidBody("The property 'Foo' does not exist"
				+ " on type 'BPMSoft.Configuration.OData.Contact'. Make sure to only use property names that are"
				+ " defined by the type."));
		String undone = "Another request of the atomicity group failed, so none of its changes were kept.";
		assertThat(responses.get(0).get("body")).isEqualTo(DataService.error(undone, undone));
		assertThat(responses.subList(0, 2)).allSatisfy((answer) -> {
			assertThat(answer.get("headers").get("odata-version").asString()).isEqualTo("4.0");
			assertThat(answer.get("headers").get("content-type").asString()).startsWith("application/json");
		});
		assertThat(countNamed(this.tag + " undone")).isZero();
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@Test
	void textLongerThanItsColumnUndoesItsAtomicityGroup() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "a", "POST", "Contact", json("Name", this.tag + " undone")).put("atomicityGroup", "g");
		item(requests, "b", "PATCH", "Contact(" + id + ")", json("Email", "x".repeat(251))).put("atomicityGroup", "g");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("a 424", "b 400");
		assertThat(responses.get(1).get("body"))
			.isEqualTo(DataService.invalidBody("The field Email must be a string with a maximum length of 250."));
		assertThat(countNamed(this.tag + " undone")).isZero();
	}

	@Test
	void failureInOneAtomicityGroupLeavesTheRequestsBeforeItDone() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "alone", "POST", "Contact", json("Name", this.tag + " alone"));
		item(requests, "kept", "POST", "Contact", json("Name", this.tag + " kept")).put("atomicityGroup", "g1");
		item(requests, "lost", "POST", "Contact", json("Name", this.tag + " lost")).put("atomicityGroup", "g2");
		item(requests, "bad", "POST", "Contact", json("Name", this.tag + " bad", "Round", 1)).put("atomicityGroup",
				"g2");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("alone 201", "kept 201", "lost 424", "bad 400");
		assertThat(countNamed(this.tag + " alone")).isEqualTo(1);
		assertThat(countNamed(this.tag + " kept")).isEqualTo(1);
		assertThat(countNamed(this.tag + " lost")).isZero();
		assertThat(countNamed(this.tag + " bad")).isZero();
	}

	@Test
	void failureStopsTheBatchUnlessTheClientPrefersToContinue() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "1", "POST", "Contact", json("Name", this.tag + " one"));
		item(requests, "2", "PATCH", "Contact(" + java.util.UUID.randomUUID() + ")", json("Name", "x"));
		item(requests, "3", "POST", "Contact", json("Name", this.tag + " three"));
		List<JsonNode> stopped = responses(batch(requests));
		assertThat(stopped).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("1 201", "2 404");
		assertThat(countNamed(this.tag + " three")).isZero();
		List<JsonNode> continued = responses(batch(requests, "odata.continue-on-error"));
		assertThat(continued).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("1 201", "2 404", "3 201");
		assertThat(countNamed(this.tag + " three")).isEqualTo(1);
	}

	/** As ASP.NET OData reads the preference: present, and not written {@code =false}. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			continue-on-error=false                 | 1 404
			odata.continue-on-error=false           | 1 404
			respond-async, continue-on-error=false  | 1 404
			continue-on-error=true                  | 1 404, 2 200
			odata.continue-on-error                 | 1 404, 2 200
			Continue-On-Error                       | 1 404, 2 200
			""")
	void preferenceToContinueWrittenFalseStopsTheBatch(String prefer, String answered) {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "1", "GET", "Contact(" + java.util.UUID.randomUUID() + ")");
		item(requests, "2", "GET", "VisaStatus/$count");
		List<JsonNode> answers = responses(batch(requests, prefer));
		assertThat(answers).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactlyElementsOf(List.of(answered.split(", ")));
	}

	@Test
	void filterNestedTooDeeplyInAJsonBatchIsRefusedInItsRequest() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "deep", "GET", "Contact?$filter=" + "(".repeat(1500) + "Name%20eq%20'x'" + ")".repeat(1500));
		item(requests, "plain", "GET", "Contact?$top=1");
		List<JsonNode> answers = responses(batch(requests, "odata.continue-on-error"));
		assertThat(answers).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("deep 400", "plain 200");
		assertThat(answers.get(0).get("body").get("error").get("message").asString())
			.isEqualTo("The query specified in the URI is not valid. The recursion limit has been exceeded.");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"1\", \"method\": \"GET\", \"url\": \"Contact/$count\"}]|The id '1' is given to"
					+ " more than one request of the batch: ids must be unique.",
			"[{\"id\": \"1\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}}]|The request '1' of the batch"
					+ " has no \"method\".",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"method\": \"GET\", \"url\": \"Contact/$count\"}]|The request at position 2 of the batch has"
					+ " no \"id\": every request needs one, unique in the batch.",
			"[{\"id\": \"\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}}]|The"
					+ " request at position 1 of the batch has no \"id\": every request needs one, unique in the batch.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"body\": {\"Name\": \"TAG\"}}]|The request '1' of the batch"
					+ " has no \"url\".",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}}, 5]|The"
					+ " request at position 2 of the batch is not a JSON object.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"2\", \"method\": \"GET\", \"url\": \"$9/Name\"}]|The url '$9/Name' of the request '2'"
					+ " refers to '9', which is not an earlier request of the batch.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"2\", \"method\": \"GET\", \"url\": \"$2\"}]|The url '$2' of the request '2' refers"
					+ " to '2', which is not an earlier request of the batch.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"headers\": {\"Content-Type\":"
					+ " \"application/json\", \"content-type\": \"text/plain\"}, \"body\": {\"Name\": \"TAG\"}}]|The request"
					+ " '1' of the batch gives the header 'Content-Type' more than once ('Content-Type' and"
					+ " 'content-type'): header names are the same whatever their case, so each is given once.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"headers\": \"application/json\","
					+ " \"body\": {\"Name\": \"TAG\"}}]|The request '1' of the batch has \"headers\" that are not a JSON"
					+ " object: write them as {\"Content-Type\": \"application/json\"}.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"headers\": {\"Content-Type\":"
					+ " {}}, \"body\": {\"Name\": \"TAG\"}}]|The request '1' of the batch gives the header"
					+ " 'Content-Type' a value that is not text.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"},"
					+ " \"dependsOn\": [\"2\"]}, {\"id\": \"2\", \"method\": \"GET\", \"url\": \"Contact/$count\"}]|The"
					+ " request '1' of the batch depends on '2', which is neither an earlier request nor an earlier"
					+ " atomicity group of the batch: \"dependsOn\" names only those that come before it.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"2\", \"method\": \"GET\", \"url\": \"Contact/$count\", \"dependsOn\": [\"2\"]}]|The"
					+ " request '2' of the batch depends on '2', which is neither an earlier request nor an earlier"
					+ " atomicity group of the batch: \"dependsOn\" names only those that come before it.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"2\", \"method\": \"GET\", \"url\": \"Contact/$count\", \"dependsOn\": [\"x\"]}]|The"
					+ " request '2' of the batch depends on 'x', which is neither an earlier request nor an earlier"
					+ " atomicity group of the batch: \"dependsOn\" names only those that come before it.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"2\", \"method\": \"GET\", \"url\": \"Contact/$count\", \"dependsOn\": \"1\"}]|The"
					+ " request '2' of the batch has a \"dependsOn\" that is not an array: it lists the ids of the"
					+ " earlier requests it needs.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"},"
					+ " \"extra\": 1}]|The request '1' of the batch has the member 'extra', which a request of a batch"
					+ " does not have: its members are id, method, url, headers, body, atomicityGroup and dependsOn.",
			"[{\"id\": \"1\", \"method\": \"PATCH\", \"url\": \"Contact(TAG)\", \"body\": {\"Name\": \"TAG\"},"
					+ " \"if\": \"$0\"}]|The request '1' of the batch has the member 'if', OData 4.01's condition on a"
					+ " request, which the stand does not support: its requests take id, method, url, headers, body,"
					+ " atomicityGroup and dependsOn.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"2\", \"method\": \"POST\", \"url\": \"$batch\", \"body\": {\"requests\": []}}]|The"
					+ " url '$batch' of the request '2' is a batch: a batch cannot hold another one; send its requests"
					+ " in this batch.",
			"[{\"id\": \"1\", \"method\": \"POST\", \"url\": \"Contact\", \"body\": {\"Name\": \"TAG\"}},"
					+ " {\"id\": \"2\", \"method\": \"POST\", \"url\": \"/0/odata/$batch\"}]|The url"
					+ " '/0/odata/$batch' of the request '2' is a batch: a batch cannot hold another one; send its"
					+ " requests in this batch." })
	void batchWithARequestItCannotRunIsRefusedAndNothingRuns(String requests, String message) {
		Response response = this.odata.request()
			.contentType("application/json")
			.body("{\"requests\": " + requests.replace("TAG", this.tag) + "}")
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService.invalidBody(message));
		assertThat(countNamed(this.tag)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/odata/Contact", "/emulator/api/reset", "/0/odataContact", "/Contact",
			"http://localhost:PORT/odata/Contact", "http://elsewhere.example/0/odata/Contact",
			"http://localhost:PORT0/0/odata/Contact" })
	void urlOutsideTheServiceRootIsRefusedAndNothingRuns(String url) {
		String sent = url.replace("PORT", String.valueOf(this.port));
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "1", "POST", "Contact", json("Name", this.tag));
		item(requests, "2", "GET", sent);
		Response response = batch(requests);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService.invalidBody("The url '" + sent
				+ "' of the request '2' is outside the service root /0/odata/ the batch was sent to: a url is"
				+ " relative to the service root (Contact), an absolute path under it (/0/odata/Contact) or an"
				+ " absolute URL under it (http://localhost:" + this.port + "/0/odata/Contact)."));
		assertThat(countNamed(this.tag)).isZero();
	}

	@Test
	void absolutePathIsResolvedAgainstTheHostUnderEitherRoot() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		DataService core = new DataService(this.port, "/odata");
		ObjectNode batch = JSON.createObjectNode();
		ArrayNode requests = batch.putArray("requests");
		item(requests, "1", "GET", "/odata/Contact(" + id + ")?$select=Name");
		item(requests, "2", "GET", "HTTP://LOCALHOST:" + this.port + "/odata/Contact(" + id + ")?$select=Name");
		item(requests, "3", "GET", "/odata");
		Response response = core.request()
			.contentType("application/json")
			.body(JSON.writeValueAsString(batch))
			.post(core.url("$batch"));
		List<JsonNode> responses = responses(response);
		assertThat(responses).extracting((answer) -> answer.get("status").intValue()).containsExactly(200, 200, 200);
		assertThat(responses.subList(0, 2))
			.allSatisfy((answer) -> assertThat(answer.get("body").get("@odata.context").asString())
				.isEqualTo(core.serviceRoot() + "/$metadata#Contact(Name)/$entity"));
		assertThat(responses.get(2).get("body").get("@odata.context").asString())
			.isEqualTo(core.serviceRoot() + "/$metadata");
	}

	@Test
	void batchWithAMemberOtherThanItsRequestsIsRefused() {
		Response response = this.odata.request()
			.contentType("application/json")
			.body("{\"requests\": [], \"continueOnError\": true}")
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService.invalidBody("The batch has the member"
				+ " 'continueOnError', which a JSON batch does not have: it is an object with a \"requests\" array."));
	}

	@Test
	void requestThatDependsOnOneThatFailedIsNotRun() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "bad", "POST", "Contact", json("Name", this.tag, "Round", 1));
		item(requests, "needs", "POST", "Contact", json("Name", this.tag + " needs")).putArray("dependsOn").add("bad");
		item(requests, "free", "POST", "Contact", json("Name", this.tag + " free"));
		item(requests, "group", "POST", "Contact", json("Name", this.tag + " grouped")).put("atomicityGroup", "g")
			.putArray("dependsOn")
			.add("needs");
		item(requests, "after", "GET", "Contact/$count").putArray("dependsOn").add("free");
		List<JsonNode> responses = responses(batch(requests, "odata.continue-on-error"));
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("bad 400", "needs 424", "free 201", "group 424", "after 200");
		String message = "The request 'needs' depends on 'bad', which failed, so it was not run.";
		assertThat(responses.get(1).get("body")).isEqualTo(DataService.error(message, message));
		assertThat(countNamed(this.tag + " needs")).isZero();
		assertThat(countNamed(this.tag + " grouped")).isZero();
		assertThat(countNamed(this.tag + " free")).isEqualTo(1);
	}

	@Test
	void urlMayStartFromTheRowAnEarlierRequestCreated() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "new", "POST", "Contact", json("Name", this.tag));
		item(requests, "change", "PATCH", "$new", json("JobTitle", "Referred"));
		item(requests, "name", "GET", "$new/JobTitle/$value");
		item(requests, "row", "GET", "$new?$select=Name,JobTitle");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("new 201", "change 204", "name 200", "row 200");
		assertThat(responses.get(2).get("body").asString()).isEqualTo("Referred");
		assertThat(responses.get(3).get("body").get("Name").asString()).isEqualTo(this.tag);
		String id = responses.get(0).get("body").get("Id").asString();
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Referred");
	}

	@Test
	void urlStartsFromTheRowCreatedEarlierInItsAtomicityGroup() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "1", "POST", "Approval", json("Name", this.tag)).put("atomicityGroup", "g");
		item(requests, "2", "PATCH", "$1", json("Name", this.tag + " renamed")).put("atomicityGroup", "g");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("1 201", "2 204");
		assertThat(this.odata.rows("Approval?$filter=Name eq '" + this.tag + " renamed'")).hasSize(1);
	}

	@Test
	void urlStartingFromARequestThatCreatedNoRowIsRefusedInItsRequest() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "1", "GET", "Contact(" + id + ")");
		item(requests, "2", "GET", "$1/Name");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).extracting((answer) -> answer.get("id").asString() + " " + answer.get("status"))
			.containsExactly("1 200", "2 400");
		String message = "The url '$1/Name' of the request '2' refers to the request '1', which created no row.";
		assertThat(responses.get(1).get("body")).isEqualTo(DataService.error(message, message));
		assertThat(responses.get(1).get("headers").get("odata-version").asString()).isEqualTo("4.0");
	}

	@Test
	void urlOfTheServicesOwnResourcesIsNoReference() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "metadata", "GET", "$metadata");
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses.get(0).get("status").intValue()).isEqualTo(200);
	}

	@Test
	void hundredRequestsAreServed() {
		ArrayNode requests = JSON.createArrayNode();
		for (int i = 0; i < 100; i++) {
			item(requests, String.valueOf(i), "GET", "VisaStatus/$count");
		}
		List<JsonNode> responses = responses(batch(requests));
		assertThat(responses).hasSize(100)
			.allSatisfy((answer) -> assertThat(answer.get("body").asString()).isEqualTo("4"));
	}

	@Test
	void moreThanHundredRequestsAreRefusedAndNothingRuns() {
		ArrayNode requests = JSON.createArrayNode();
		for (int i = 0; i < 101; i++) {
			item(requests, String.valueOf(i), "POST", "Contact", json("Name", this.tag));
		}
		Response response = batch(requests);
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode envelope = DataService.json(response);
		assertThat(envelope.get("error").get("code").asString()).isEmpty();
		assertThat(envelope.get("error").get("message").asString()).contains("100");
		assertThat(countNamed(this.tag)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml" })
	void batchSentNeitherAsJsonNorAsMultipartIsRefusedWith415(String type) {
		Response response = this.odata.request()
			.contentType(type)
			.body("{\"requests\": []}".getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.contentType()).startsWith("application/json");
		assertThat(DataService.json(response)).isEqualTo(DataService.error(
				"The request entity's media type '" + type + "' is not supported for this resource.",
				"A batch is sent with Content-Type: application/json (Creatio's JSON batch) or multipart/mixed."));
	}

	@Test
	void requestOfAJsonBatchWithABodyThatIsNotJsonIsRefusedWith415() {
		ArrayNode requests = JSON.createArrayNode();
		ObjectNode post = item(requests, "1", "POST", "Contact", json("Name", this.tag));
		post.putObject("headers").put("Content-Type", "text/plain");
		JsonNode answer = responses(batch(requests)).get(0);
		assertThat(answer.get("status").intValue()).isEqualTo(415);
		assertThat(answer.get("body")).isEqualTo(DataService.error(
				"The request entity's media type 'text/plain' is not supported for this resource.",
				"The data service reads request bodies in JSON: send them with Content-Type: application/json."));
		assertThat(countNamed(this.tag)).isZero();
	}

	@Test
	void requestOfAJsonBatchWithABodyButNoContentTypeIsRefusedWith415() {
		ArrayNode requests = JSON.createArrayNode();
		item(requests, "1", "POST", "Contact").set("body", JSON.readTree(json("Name", this.tag)));
		JsonNode answer = responses(batch(requests)).get(0);
		assertThat(answer.get("status").intValue()).isEqualTo(415);
		assertThat(answer.get("body")).isEqualTo(DataService.error(
				"The request entity's media type is not given: the request has no Content-Type header.",
				"The data service reads request bodies in JSON: send them with Content-Type: application/json."));
		assertThat(countNamed(this.tag)).isZero();
	}

	@Test
	void requestOfAMultipartChangeSetWithABodyThatIsNotJsonIsRefusedWith415() {
		String part = "Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
				+ "POST Contact HTTP/1.1\r\nAccept: application/json\r\nContent-Type: text/plain\r\n\r\n"
				+ json("Name", this.tag) + "\r\n";
		String body = multipart("batch_6", changeSet("changeset_6", part));
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_6")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(statuses(response.asString())).containsExactly(415);
		assertThat(response.asString())
			.contains("The request entity's media type 'text/plain' is not supported for this resource.");
		assertThat(countNamed(this.tag)).isZero();
	}

	@Test
	void batchThatIsNotJsonIsRefusedWithWhereItGoesWrong() {
		Response response = this.odata.request()
			.contentType("application/json")
			.body("{\"requests\": [")
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService
			.invalidBody("The batch is not valid JSON: the text ends before the JSON value does (line 1, column 15)."));
	}

	@Test
	void batchNamingAPropertyTwiceIsRefusedWhole() {
		Response response = this.odata.request()
			.contentType("application/json")
			.body("{\"requests\": [{\"id\": \"1\", \"id\": \"2\", \"method\": \"GET\", \"url\": \"Contact\"}]}")
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(DataService.json(response)).isEqualTo(DataService.invalidBody("The batch names the property 'id'"
				+ " more than once (line 1, column 27): in OData, duplicate property names are not allowed."));
	}

	@Test
	void multipartBatchAnswersAGetAndAChangeSet() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		String body = multipart("batch_1", request("GET", "Contact(" + id + ")?$select=Name", null, null),
				changeSet("changeset_1", request("POST", "Contact", json("Name", this.tag + " multipart"), "1"),
						request("PATCH", "Contact(" + id + ")", json("JobTitle", "Multipart"), "2")));
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_1")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("multipart/mixed");
		String answer = response.asString();
		assertThat(statuses(answer)).containsExactly(200, 201, 204);
		assertThat(answer).contains("\"Name\":\"" + this.tag + "\"")
			.contains("Location: " + this.odata.serviceRoot() + "/Contact(")
			.contains("Content-ID: 1")
			.contains("Content-ID: 2");
		assertThat(countNamed(this.tag + " multipart")).isEqualTo(1);
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Multipart");
	}

	/**
	 * OData's examples name a {@code Host} without the port in each request of a batch,
	 * and a stand behind a proxy is reached by another name: neither is refused.
	 */
	@Test
	void multipartRequestsTakeAHostHeaderOfAnyAddress() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		String get = request("GET", "Contact(" + id + ")?$select=Name", null, null);
		String body = multipart("batch_h", get.replace("Accept:", "Host: localhost\r\nAccept:"),
				changeSet("changeset_h", request("PATCH", "Contact(" + id + ")", json("JobTitle", "Host"), "1")
					.replace("Accept:", "host: stand.example.org:443\r\nAccept:")));
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_h")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(statuses(response.asString())).containsExactly(200, 204);
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEqualTo("Host");
	}

	/**
	 * OData's own examples end a request without a body with one blank line before the
	 * boundary, which ASP.NET OData reads.
	 */
	@Test
	void multipartRequestWithoutABodyTakesOneBlankLineBeforeTheBoundary() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		String body = "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
				+ "GET Contact(" + id + ")?$select=Name HTTP/1.1\r\nHost: localhost\r\n\r\n"
				+ "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n"
				+ "--c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\n"
				+ "DELETE Contact(" + id + ") HTTP/1.1\r\n\r\n--c--\r\n"
				+ "--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n"
				+ "GET VisaStatus/$count HTTP/1.1\r\n\r\n--b--\r\n";
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=b")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		assertThat(statuses(response.asString())).containsExactly(200, 204, 200);
		assertThat(response.asString()).contains("\"Name\":\"" + this.tag + "\"");
		assertThat(this.odata.get("Contact(" + id + ")").statusCode()).isEqualTo(404);
	}

	@Test
	void multipartChangeSetRefersToTheRowAnEarlierRequestCreated() {
		String body = multipart("batch_7",
				changeSet("changeset_7", request("POST", "Contact", json("Name", this.tag), "1"),
						request("PATCH", "$1", json("JobTitle", "Referred"), "2")));
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_7")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(statuses(response.asString())).containsExactly(201, 204);
		assertThat(this.odata.column("Contact?$filter=Name eq '" + this.tag + "'", "JobTitle"))
			.containsExactly("Referred");
	}

	@Test
	void multipartChangeSetIsUndoneWhenOneOfItsRequestsFails() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		String body = multipart("batch_2",
				changeSet("changeset_2", request("POST", "Contact", json("Name", this.tag + " undone"), "1"),
						request("PATCH", "Contact(" + id + ")", json("JobTitle", "Undone"), "2"),
						request("PATCH", "Contact(" + id + ")", json("Foo", "x"), "3")),
				request("GET", "Contact(" + id + ")/JobTitle/$value", null, null));
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_2")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(200);
		String answer = response.asString();
		assertThat(statuses(answer)).startsWith(400).doesNotContain(201, 204);
		assertThat(answer).contains("item : The property 'Foo' does not exist on type");
		assertThat(countNamed(this.tag + " undone")).isZero();
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@Test
	void filterNestedTooDeeplyInAMultipartBatchIsRefusedInItsPart() {
		String deep = "(".repeat(1500) + "Name%20eq%20'x'" + ")".repeat(1500);
		String body = multipart("batch_4", request("GET", "Contact?$filter=" + deep, null, null),
				request("GET", "Contact?$top=1", null, null));
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_4")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		assertThat(statuses(response.asString())).containsExactly(400, 200);
		assertThat(response.asString()).contains("The recursion limit has been exceeded.");
	}

	@Test
	void changeSetHoldingAQueryNestedTooDeeplyIsUndone() {
		String id = this.odata.createContact(this.tag, DataService.email(this.tag));
		String deep = "(".repeat(150) + ")".repeat(150);
		String body = multipart("batch_5",
				changeSet("changeset_5", request("POST", "Contact", json("Name", this.tag + " undone"), "1"),
						request("PATCH", "Contact(" + id + ")?$select=" + deep, json("JobTitle", "Undone"), "2")));
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_5")
			.body(body.getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		assertThat(statuses(response.asString())).containsExactly(400);
		assertThat(response.asString()).contains("The recursion limit has been exceeded.");
		assertThat(countNamed(this.tag + " undone")).isZero();
		assertThat(this.odata.entity("Contact", id).get("JobTitle").asString()).isEmpty();
	}

	@Test
	void multipartBatchOfMoreThanHundredRequestsIsRefused() {
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			parts.add(request("POST", "Contact", json("Name", this.tag), null));
		}
		Response response = this.odata.request()
			.contentType("multipart/mixed; boundary=batch_3")
			.body(multipart("batch_3", parts.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8))
			.post(this.odata.url("$batch"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(countNamed(this.tag)).isZero();
	}

	private static List<Integer> statuses(String multipart) {
		List<Integer> statuses = new ArrayList<>();
		Matcher matcher = STATUS_LINE.matcher(multipart);
		while (matcher.find()) {
			statuses.add(Integer.parseInt(matcher.group(1)));
		}
		return statuses;
	}

	/** One request of a multipart batch, as an {@code application/http} part. */
	private static String request(String method, String url, String json, String contentId) {
		StringBuilder part = new StringBuilder("Content-Type: application/http\r\n")
			.append("Content-Transfer-Encoding: binary\r\n");
		if (contentId != null) {
			part.append("Content-ID: ").append(contentId).append("\r\n");
		}
		part.append("\r\n").append(method).append(' ').append(url).append(" HTTP/1.1\r\n");
		part.append("Accept: application/json\r\n");
		if (json != null) {
			part.append("Content-Type: application/json\r\n\r\n").append(json).append("\r\n");
		}
		else {
			part.append("\r\n");
		}
		return part.toString();
	}

	/** A change set: its requests in a multipart of their own. */
	private static String changeSet(String boundary, String... requests) {
		return "Content-Type: multipart/mixed; boundary=" + boundary + "\r\n\r\n" + multipart(boundary, requests);
	}

	private static String multipart(String boundary, String... parts) {
		StringBuilder body = new StringBuilder();
		for (String part : parts) {
			body.append("--").append(boundary).append("\r\n").append(part).append("\r\n");
		}
		return body.append("--").append(boundary).append("--\r\n").toString();
	}

}
