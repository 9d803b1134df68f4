package io.adsw.bpmsoft.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.builder.ResponseSpecBuilder;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.restassured.specification.ResponseSpecification;
import tools.jackson.databind.json.JsonMapper;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.equalToIgnoringCase;

/**
 * ELMA's side of the wire in tests: posts to ElmaService.svc as ELMA does, with the test
 * key.
 */
public final class ElmaClient {

	public static final String KEY = "test-elma-key";

	public static final String CREATE = "/ServiceModel/ElmaService.svc/CreateChainOfApproval";

	public static final String CHANGE = "/ServiceModel/ElmaService.svc/ChangeApproverResolution";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	private final String key;

	public ElmaClient(int port) {
		this(port, KEY);
	}

	/** A client of a stand with another key. */
	public ElmaClient(int port, String key) {
		this.port = port;
		this.key = key;
	}

	/** A request with the client's key and a JSON content type, body still to add. */
	public RequestSpecification request() {
		return given().port(this.port).header("X-Elma-Service", this.key).contentType("application/json");
	}

	/** A request with no key at all. */
	public RequestSpecification anonymous() {
		return given().port(this.port).contentType("application/json");
	}

	public ValidatableResponse createChain(String idCrm, String chain) {
		return post(CREATE, json("id_crm", idCrm, "chain_of_approval", chain));
	}

	public ValidatableResponse resolve(String idCrm, String approver, String resolution) {
		return post(CHANGE, json("id_crm", idCrm, "approver", approver, "resolution", resolution));
	}

	public ValidatableResponse post(String path, String body) {
		return request().body(body).post(path).then();
	}

	/** A JSON object of name/value pairs, in order. */
	public static String json(Object... namesAndValues) {
		Map<Object, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put(namesAndValues[i], namesAndValues[i + 1]);
		}
		return JSON.writeValueAsString(object);
	}

	/**
	 * The envelope {@code {"status": N, "error_message": "..."}} with the same HTTP
	 * status.
	 */
	public static ResponseSpecification answer(int status, String message) {
		return answer(status, status, message);
	}

	/** The envelope with an HTTP status of its own (the {@code always-200} mode). */
	public static ResponseSpecification answer(int httpStatus, int status, String message) {
		return new ResponseSpecBuilder().expectStatusCode(httpStatus)
			.expectHeader("Content-Type", equalToIgnoringCase("application/json;charset=utf-8"))
			.expectBody("size()", equalTo(2))
			.expectBody("status", equalTo(status))
			.expectBody("error_message", equalTo(message))
			.build();
	}

	/** The success envelope {@code {"status": 200, "error_message": ""}}. */
	public static ResponseSpecification success() {
		return answer(200, "");
	}

}
