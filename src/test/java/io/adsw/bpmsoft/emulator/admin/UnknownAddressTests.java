package io.adsw.bpmsoft.emulator.admin;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A control plane address no operation has is a 404 problem detail saying so; one that
 * ends with a slash names the address without it, and is not served as that address.
 */
@StandTest
class UnknownAddressTests {

	@Autowired
	AdminClient admin;

	@AfterEach
	void removeRules() {
		this.admin.given().delete("/emulator/api/faults").then().statusCode(204);
	}

	@Test
	void addressWithATrailingSlashNamesTheAddressWithout() {
		this.admin.given()
			.get("/emulator/api/faults/")
			.then()
			.statusCode(404)
			.contentType("application/problem+json")
			.body("detail", equalTo(
					"No operation at /emulator/api/faults/: remove the trailing slash " + "(/emulator/api/faults)"));
		this.admin.given()
			.urlEncodingEnabled(false)
			.post("/emulator/api/snapshots/before%20the%20demo/restore/")
			.then()
			.statusCode(404)
			.body("detail", equalTo("No operation at /emulator/api/snapshots/before%20the%20demo/restore/: "
					+ "remove the trailing slash (/emulator/api/snapshots/before%20the%20demo/restore)"));
	}

	@Test
	void deleteOfAnIdLeftOutRemovesNoRule() {
		String id = this.admin.given()
			.body("{\"endpoint\":\"*\",\"status\":500}")
			.post("/emulator/api/faults")
			.then()
			.statusCode(201)
			.extract()
			.path("id");
		this.admin.given()
			.delete("/emulator/api/faults/")
			.then()
			.statusCode(404)
			.body("detail", equalTo(
					"No operation at /emulator/api/faults/: remove the trailing slash " + "(/emulator/api/faults)"));
		this.admin.given().get("/emulator/api/faults").then().statusCode(200).body("id", hasItem(id));
	}

	@Test
	void addressNoOperationHasSaysSo() {
		this.admin.given()
			.get("/emulator/api/nothing")
			.then()
			.statusCode(404)
			.contentType("application/problem+json")
			.body("detail", equalTo("No operation at /emulator/api/nothing"));
		this.admin.given()
			.get("/emulator/api/")
			.then()
			.statusCode(404)
			.body("detail", equalTo("No operation at /emulator/api/"));
	}

}
