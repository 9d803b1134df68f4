package io.adsw.bpmsoft.emulator.admin;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * The control plane's other faces: the OpenAPI document, Swagger UI, the dashboard and
 * metrics.
 */
@StandTest
class ControlPlaneSurfaceTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void openApiDocumentDescribesElmaServiceAndTheControlPlane() {
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.get("/emulator/api-docs")
			.then()
			.statusCode(200)
			.body("paths", hasKey("/ServiceModel/ElmaService.svc/CreateChainOfApproval"))
			.body("paths", hasKey("/ServiceModel/ElmaService.svc/ChangeApproverResolution"))
			.body("paths", hasKey("/emulator/api/journal"))
			.body("paths", hasKey("/emulator/api/faults"))
			.body("paths.'/ServiceModel/ElmaService.svc/CreateChainOfApproval'.post.responses.'403'.content.'application/json'.examples.'no or wrong key'.value.error_message",
					equalTo("Выполнение запрещено. Проверьте все необходимые данные"))
			.body("paths.'/ServiceModel/ElmaService.svc/ChangeApproverResolution'.post.responses.keySet()",
					org.hamcrest.Matchers.containsInAnyOrder("200", "400", "403", "405", "413", "415", "500"))
			.body("paths.'/emulator/api/faults'.post.responses.keySet()",
					org.hamcrest.Matchers.containsInAnyOrder("201", "400", "500", "503"))
			.body("paths.'/emulator/api/faults/{id}'.delete.responses.keySet()",
					org.hamcrest.Matchers.containsInAnyOrder("204", "400", "404", "500", "503"))
			.body("paths.'/emulator/api/snapshots/{name}/restore'.post.responses.keySet()",
					org.hamcrest.Matchers.containsInAnyOrder("200", "404", "500", "503"))
			.body("paths.'/emulator/api/state'.put.requestBody.required", equalTo(true))
			.body("paths.'/emulator/api/state'.put.requestBody.content.keySet()",
					org.hamcrest.Matchers.containsInAnyOrder("application/json", "application/yaml"))
			.body("paths.'/emulator/api/state'.get.responses.'200'.content.keySet()",
					org.hamcrest.Matchers.containsInAnyOrder("application/json", "application/yaml"))
			.body("components.securitySchemes.keySet()",
					org.hamcrest.Matchers.containsInAnyOrder("basic", "session", "BPMCSRF"))
			.body("components.securitySchemes.BPMCSRF.in", equalTo("header"))
			.body("paths.'/emulator/api/faults'.post.security", hasSize(2))
			.body("paths.'/ServiceModel/ElmaService.svc/CreateChainOfApproval'.post.security", nullValue());
	}

	@Test
	void swaggerUiSendsTheBpmCsrfTokenOfTheSession() {
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.get("/emulator/swagger-ui/swagger-initializer.js")
			.then()
			.statusCode(200)
			.body(containsString("; BPMCSRF=`"))
			.body(containsString("request.headers['BPMCSRF']"));
	}

	@Test
	void swaggerUiIsServed() {
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.redirects()
			.follow(true)
			.get("/emulator/swagger-ui/index.html")
			.then()
			.statusCode(200)
			.body(containsString("Swagger UI"));
	}

	@Test
	void dashboardIsServedAtTheControlPlaneRoot() {
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.get("/emulator/")
			.then()
			.statusCode(200)
			.body(containsString("BPMSoft stand emulator"));
	}

	@Test
	void metricsCountRequestsByEndpointAndStatusAndApprovalsByStatus() {
		ElmaClient elma = new ElmaClient(this.port);
		String approval = new StandData(this.context).approval();
		elma.createChain(approval, "Согласовано").spec(success());
		given().port(this.port)
			.auth()
			.preemptive()
			.basic("Supervisor", "Supervisor")
			.get("/actuator/prometheus")
			.then()
			.statusCode(200)
			.body(containsString(
					"emulator_elma_requests_seconds_count{endpoint=\"CreateChainOfApproval\",status=\"200\"}"))
			.body(containsString("emulator_approvals{status=\"Approved\"}"));
	}

}
