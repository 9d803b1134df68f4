package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client of the stand's OData 4 service in tests, as QA uses it: HTTP Basic as
 * {@code Supervisor}, URLs written as people write them ({@code Contact?$filter=Name eq
 * 'x'}) and percent-encoded here, JSON read in the order the stand wrote it.
 */
final class DataService {

	static final String USER = "Supervisor";

	static final String PASSWORD = "Supervisor";

	static final String NAMESPACE = "BPMSoft.Configuration.OData";

	static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

	static final String EMPTY_DATE = "0001-01-01T00:00:00Z";

	/** UTC with exactly seven fractional digits, as Creatio writes timestamps. */
	static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{7}Z";

	static final String WAITING = "3462594d-77a7-4b0a-874a-6d8b54b293bc";

	static final String POSITIVE = "e79facb3-3c32-43e7-a59e-12ba125e6132";

	static final String NEGATIVE = "a93ab0b9-ca36-4b95-9b23-e01aa169c338";

	static final String CANCELED = "9120fdef-69be-4168-b5f3-517714b7a4e9";

	static final String NEW = "f5f618ad-5800-4e6d-831f-408312f42d8d";

	static final String IN_PROGRESS = "cd899364-c6b9-4ca4-8c8d-bd38d6553354";

	static final String APPROVED = "dd4eb02a-1ab5-4ca1-b031-b24f7d2518e6";

	static final String REJECTED = "918774de-b87f-41e8-bf8a-87ed9ce8916d";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String UNRESERVED_IN_QUERY = "-._~!$'()*,;=:@/?";

	private final int port;

	private final String root;

	DataService(int port) {
		this(port, "/0/odata");
	}

	/** A client of the other root, {@code /odata} (.NET Core stands). */
	DataService(int port, String root) {
		this.port = port;
		this.root = root;
	}

	/** The absolute service root, as the stand writes it in context URLs. */
	String serviceRoot() {
		return "http://localhost:" + this.port + this.root;
	}

	String root() {
		return this.root;
	}

	/** A request as Supervisor, URL to be given already encoded. */
	RequestSpecification request() {
		return given().port(this.port).auth().preemptive().basic(USER, PASSWORD).urlEncodingEnabled(false);
	}

	/**
	 * The path of a resource under the service root, its query percent-encoded:
	 * {@code Contact?$filter=Name eq 'a+b'} becomes
	 * {@code /0/odata/Contact?$filter=Name%20eq%20'a%2Bb'}.
	 */
	String url(String resource) {
		int question = resource.indexOf('?');
		if (question < 0) {
			return this.root + "/" + resource;
		}
		return this.root + "/" + resource.substring(0, question + 1) + encodeQuery(resource.substring(question + 1));
	}

	Response get(String resource) {
		return request().get(url(resource));
	}

	Response post(String resource, String body) {
		return request().contentType("application/json; charset=utf-8").body(body).post(url(resource));
	}

	Response patch(String resource, String body) {
		return request().contentType("application/json; charset=utf-8").body(body).patch(url(resource));
	}

	Response delete(String resource) {
		return request().delete(url(resource));
	}

	/** A new contact through the service; its id. */
	String createContact(String name, String email) {
		Response response = post("Contact", ElmaClient.json("Name", name, "Email", email));
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
		return json(response).get("Id").asString();
	}

	/** A new approval through the service; its id. */
	String createApproval(String name) {
		Response response = post("Approval", ElmaClient.json("Name", name));
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
		return json(response).get("Id").asString();
	}

	/** The row with that id, as {@code Collection(<id>)} answers it. */
	JsonNode entity(String set, String id) {
		return read(set + "(" + id + ")");
	}

	/** What a resource that exists answers, e.g. one row with its expansions. */
	JsonNode read(String resource) {
		Response response = get(resource);
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		return json(response);
	}

	/** The rows of a query's {@code value}. */
	List<JsonNode> rows(String resource) {
		Response response = get(resource);
		assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
		return List.copyOf(json(response).get("value").values());
	}

	/** One property of every row of a query, in the order the rows came. */
	List<String> column(String resource, String property) {
		return rows(resource).stream().map((row) -> row.get(property).asString()).toList();
	}

	static JsonNode json(Response response) {
		return JSON.readTree(response.asByteArray());
	}

	static List<String> names(JsonNode object) {
		return List.copyOf(object.propertyNames());
	}

	/** Creatio's OData error envelope, for comparing a whole answer. */
	static JsonNode error(String message, String innerMessage) {
		ObjectNode envelope = JSON.createObjectNode();
		ObjectNode error = envelope.putObject("error");
		error.put("code", "");
		error.put("message", message);
		ObjectNode inner = error.putObject("innererror");
		inner.put("message", innerMessage);
		inner.put("type", "");
		inner.put("stacktrace", "");
		return envelope;
	}

	/**
	 * The envelope of a query ASP.NET OData refuses: the message with its prefix, the
	 * inner message without.
	 */
	static JsonNode invalidQuery(String detail) {
		return error("The query specified in the URI is not valid. " + detail, detail);
	}

	/** The envelope of a body ASP.NET refuses: the model state error of {@code item}. */
	static JsonNode invalidBody(String detail) {
		return error("The request is invalid.", "item : " + detail + "\r\n");
	}

	/** ASP.NET Web API's own 404 body. */
	static JsonNode webApiNotFound(String uri, String detail) {
		return JSON.valueToTree(Map.of("Message",
				"No HTTP resource was found that matches the request URI '" + uri + "'.", "MessageDetail", detail));
	}

	/** A short unique tag, so that tests sharing a stand never see each other's rows. */
	static String tag() {
		return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	/** A unique email for a new contact. */
	static String email(String name) {
		return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private static String encodeQuery(String query) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte b : query.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&'
					|| UNRESERVED_IN_QUERY.indexOf(c) >= 0) {
				out.write(c);
			}
			else {
				out.writeBytes(String.format("%%%02X", c).getBytes(StandardCharsets.US_ASCII));
			}
		}
		return out.toString(StandardCharsets.US_ASCII);
	}

}
