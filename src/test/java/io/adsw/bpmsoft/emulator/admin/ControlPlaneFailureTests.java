package io.adsw.bpmsoft.emulator.admin;

import io.adsw.bpmsoft.emulator.AdminClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.adsw.bpmsoft.emulator.fault.Faults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.Mockito.doThrow;

/**
 * A failure of the stand's own in a control plane operation is a 500 problem detail that
 * says so without its inner workings, the cause in the log: never a 400 that would blame
 * the request, nor Spring Boot's error document.
 */
@StandTest
@ExtendWith(OutputCaptureExtension.class)
class ControlPlaneFailureTests {

	@Autowired
	AdminClient admin;

	@MockitoSpyBean
	Faults faults;

	@Test
	void failureOfTheStandIsA500ProblemDetailLoggedWithItsCause(CapturedOutput output) {
		doThrow(new IllegalStateException("rules list broken")).when(this.faults).list();
		this.admin.given()
			.get("/emulator/api/faults")
			.then()
			.statusCode(500)
			.contentType("application/problem+json")
			.body("detail", equalTo("the stand failed to carry out the request; its log says why"))
			.body("instance", equalTo("/emulator/api/faults"));
		assertThat(output.getOut()).contains("A control plane operation failed")
			.contains("java.lang.IllegalStateException: rules list broken")
			.contains("\tat ");
	}

	/**
	 * A lock held too long or a deadlock rolls the request back: a 503 that says to try
	 * again, not the stand's failure.
	 */
	@Test
	void requestMeetingAChangeUnderWayIsToldToTryAgain() {
		doThrow(new CannotAcquireLockException("Timeout trying to lock table")).when(this.faults).list();
		this.admin.given()
			.get("/emulator/api/faults")
			.then()
			.statusCode(503)
			.header("Retry-After", "1")
			.contentType("application/problem+json")
			.body("detail", equalTo("the stand's data is busy with another change (an import, a restore, a reset or a"
					+ " changeset): nothing was changed; try again"));
	}

	@Test
	void illegalArgumentOfTheStandsOwnIsNoRefusalOfTheRequest() {
		doThrow(new IllegalArgumentException("index out of range")).when(this.faults).list();
		this.admin.given()
			.get("/emulator/api/faults")
			.then()
			.statusCode(500)
			.body("detail", equalTo("the stand failed to carry out the request; its log says why"));
	}

}
