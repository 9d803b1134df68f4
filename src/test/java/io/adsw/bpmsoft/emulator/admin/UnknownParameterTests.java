package io.adsw.bpmsoft.emulator.admin;

import java.io.IOException;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.RawResponses;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A parameter a control plane operation does not take is refused, naming the ones it
 * takes, and the operation does not run: ignored, a misspelt filter or scope would delete
 * or reset everything.
 */
@StandTest
class UnknownParameterTests {

	private static final String JOURNAL_FILTERS = "idCrm, email, endpoint, status, from, to";

	@LocalServerPort
	int port;

	@Autowired
	AdminClient admin;

	@Autowired
	ElmaClient elma;

	@Autowired
	StandData data;

	@Test
	void resetWithAMisspeltScopeIsRefusedAndResetsNothing() {
		String approval = journaled();
		this.admin.given()
			.queryParam("scop", "journal")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.contentType("application/problem+json")
			.body("detail", equalTo("unknown query parameter 'scop': this operation takes scope, approval"));
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.formParam("scop", "journal")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.body("detail", equalTo("unknown parameter 'scop': this operation takes scope, approval"));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	/** A parameter given twice is refused as such, not as the two values joined. */
	@Test
	void parameterGivenTwiceIsRefusedAsSuchAndChangesNothing() {
		String approval = journaled();
		this.admin.given()
			.urlEncodingEnabled(false)
			.post("/emulator/api/reset?scope=journal&scope=data")
			.then()
			.statusCode(400)
			.body("detail", equalTo("scope is given 2 times: give it once"));
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.formParam("scope", "journal")
			.formParam("scope", "faults")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.body("detail", equalTo("scope is given 2 times: give it once"));
		this.admin.given()
			.urlEncodingEnabled(false)
			.delete("/emulator/api/journal?idCrm=" + approval + "&idCrm=" + approval)
			.then()
			.statusCode(400)
			.body("detail", equalTo("idCrm is given 2 times: give it once"));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	/**
	 * Parameters sent as JSON or text would be ignored, and a reset of one part, or a
	 * delete by filter, would act on everything.
	 */
	@Test
	void parametersInABodyOfAnotherTypeAreRefusedAndChangeNothing() {
		String approval = journaled();
		this.admin.given()
			.contentType("application/json")
			.body("{\"scope\":\"journal\"}")
			.post("/emulator/api/reset")
			.then()
			.statusCode(415)
			.contentType("application/problem+json")
			.body("detail", equalTo("Content-Type 'application/json' is not read by this operation: it takes scope,"
					+ " approval as query parameters or as a form body (application/x-www-form-urlencoded)"));
		this.admin.given()
			.contentType("text/plain")
			.body("idCrm=" + approval)
			.delete("/emulator/api/journal")
			.then()
			.statusCode(415)
			.body("detail",
					equalTo("Content-Type 'text/plain; charset=ISO-8859-1' is not read by this operation: it"
							+ " takes " + JOURNAL_FILTERS + " as query parameters or as a form body"
							+ " (application/x-www-form-urlencoded)"));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
		this.admin.given()
			.contentType("application/json")
			.body("{}")
			.queryParam("idCrm", approval)
			.delete("/emulator/api/journal")
			.then()
			.statusCode(415);
		this.admin.given()
			.queryParam("idCrm", approval)
			.delete("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("deleted", equalTo(1));
	}

	@Test
	void journalDeleteWithAFilterInTheWrongCaseIsRefusedAndDeletesNothing() {
		String approval = journaled();
		this.admin.given()
			.queryParam("idcrm", approval)
			.delete("/emulator/api/journal")
			.then()
			.statusCode(400)
			.body("detail", equalTo("unknown query parameter 'idcrm': this operation takes " + JOURNAL_FILTERS));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	@Test
	void journalSearchWithAnUnknownFilterIsRefused() {
		this.admin.given()
			.queryParam("idcrm", "zzz")
			.queryParam("size", 1)
			.get("/emulator/api/journal")
			.then()
			.statusCode(400)
			.body("detail", equalTo(
					"unknown query parameter 'idcrm': this operation takes " + JOURNAL_FILTERS + ", page, size"));
	}

	@Test
	void operationsTakingNoParametersSaySo() {
		this.admin.given()
			.urlEncodingEnabled(false)
			.get("/emulator/api/faults?x=1&dry%20run")
			.then()
			.statusCode(400)
			.body("detail",
					equalTo("unknown query parameters 'x', 'dry run': this operation takes no query parameters"));
		this.admin.given()
			.queryParam("dryRun", true)
			.body("{\"contacts\": [], \"approvals\": []}")
			.put("/emulator/api/state")
			.then()
			.statusCode(400)
			.body("detail", equalTo("unknown query parameter 'dryRun': this operation takes no query parameters"));
	}

	/** A refusal repeats at most five names, each cut to 100 characters. */
	@Test
	void refusalRepeatsLittleOfWhatItRefuses() {
		String longName = "n".repeat(5000);
		this.admin.given()
			.queryParam(longName, 1)
			.queryParam("a", 1)
			.queryParam("b", 1)
			.queryParam("c", 1)
			.queryParam("d", 1)
			.queryParam("e", 1)
			.queryParam("f", 1)
			.get("/emulator/api/faults")
			.then()
			.statusCode(400)
			.body("detail", equalTo("unknown query parameters '" + "n".repeat(100)
					+ "… (5000 characters)', 'a', 'b', 'c', 'd' and 2 more: this operation takes no query parameters"));
	}

	@Test
	void parameterGivenTwiceIsRefusedAsSuch() {
		String approval = journaled();
		this.admin.given()
			.urlEncodingEnabled(false)
			.post("/emulator/api/reset?approval=" + approval + "&approval=" + approval)
			.then()
			.statusCode(400)
			.body("detail", equalTo("approval is given 2 times: give it once"));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	/**
	 * An operation that takes no parameters does not read a form body for them: it
	 * answers as it would without one.
	 */
	@Test
	void formBodyOfAnOperationTakingNoParametersIsNotRead() {
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.body("a=%zz")
			.post("/emulator/api/snapshots/no-such-snapshot/restore")
			.then()
			.statusCode(404)
			.body("detail", equalTo("No snapshot named no-such-snapshot"));
	}

	/** An approval whose chain the journal holds. */
	/**
	 * A '%' without two hex digits, or bytes that are no UTF-8, in the query or in a form
	 * body: the web server fails to decode them when they are first asked for, and the
	 * operation does not run.
	 */
	@Test
	void parametersThatCannotBeDecodedAreRefusedAndChangeNothing() throws IOException {
		String approval = journaled();
		String query = "the query string cannot be read: each '%' is followed by two hex digits, and the bytes they"
				+ " stand for are UTF-8";
		for (String value : new String[] { "%ZZ", "%C3%28", "%FF" }) {
			for (String request : new String[] { "GET /emulator/api/journal?idCrm=" + value,
					"DELETE /emulator/api/journal?idCrm=" + value, "POST /emulator/api/reset?scope=" + value }) {
				assertThat(RawResponses.signedIn(this.port, request + " HTTP/1.1")).startsWith("HTTP/1.1 400 ")
					.contains("Content-Type: application/problem+json")
					.contains("{\"detail\":\"" + query + "\"");
			}
		}
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.body("scope=%")
			.post("/emulator/api/reset")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the query string or the form body cannot be read: each '%' is followed by two"
					+ " hex digits, and the bytes they stand for are UTF-8"));
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.body("idCrm=%")
			.delete("/emulator/api/journal")
			.then()
			.statusCode(400)
			.body("detail", equalTo("the form body cannot be read: each '%' is followed by two hex digits, and the"
					+ " bytes they stand for are UTF-8"));
		this.admin.given().queryParam("idCrm", approval).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	/** DELETE's form body is a filter as its query string is. */
	@Test
	void journalDeletedByAFormBodyDeletesWhatItNames() {
		String kept = journaled();
		String deleted = journaled();
		this.admin.given()
			.contentType("application/x-www-form-urlencoded")
			.formParam("idCrm", deleted)
			.delete("/emulator/api/journal")
			.then()
			.statusCode(200)
			.body("deleted", equalTo(1));
		this.admin.given().queryParam("idCrm", kept).get("/emulator/api/journal").then().body("total", equalTo(1));
	}

	private String journaled() {
		String approval = this.data.approval();
		this.elma.createChain(approval, "Согласовано").spec(success());
		return approval;
	}

}
