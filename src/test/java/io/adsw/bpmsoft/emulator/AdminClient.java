package io.adsw.bpmsoft.emulator;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The stand's administrator over HTTP Basic ({@code Supervisor}), as QA calls the control
 * plane and the actuator.
 */
public final class AdminClient {

	private final int port;

	public AdminClient(int port) {
		this.port = port;
	}

	/** A request as the administrator, its body (if any) in JSON. */
	public RequestSpecification given() {
		return RestAssured.given()
			.port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.contentType("application/json");
	}

}
