package io.adsw.bpmsoft.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.adsw.bpmsoft.emulator.StandData.ApprovalView;
import io.adsw.bpmsoft.emulator.StandData.StepView;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand's state lives in its database, not in memory: a stand restarted on the same
 * database (an H2 file, or PostgreSQL) carries on where ELMA left it.
 */
class RestartDurabilityTests {

	private static final String APPROVED = "Согласовано";

	private static final String REJECTED = "Отклонено";

	@TempDir
	Path directory;

	String @Nullable [] database;

	@Test
	void approvalInProgressCarriesOnAfterARestart() {
		String approval;
		String ivan;
		String maria;
		String anna;
		ApprovalView beforeRestart;
		try (ConfigurableApplicationContext stand = start()) {
			StandData data = new StandData(stand);
			ElmaClient elma = elma(stand);
			ivan = data.contact("ivan");
			maria = data.contact("maria");
			anna = data.contact("anna");
			approval = data.approval();
			elma.createChain(approval, ivan + ";" + maria + ";" + anna).spec(success());
			elma.resolve(approval, ivan, APPROVED).spec(success());
			beforeRestart = data.approvalView(approval);
		}
		assertThat(beforeRestart.status()).isEqualTo("IN_PROGRESS");
		try (ConfigurableApplicationContext stand = start()) {
			StandData data = new StandData(stand);
			ElmaClient elma = elma(stand);
			assertThat(data.approvalView(approval)).isEqualTo(beforeRestart);
			elma.resolve(approval, ivan, APPROVED).spec(success());
			elma.resolve(approval, ivan, REJECTED).spec(answer(400, Contract.alreadyDecided(approval, ivan, APPROVED)));
			elma.resolve(approval, anna, APPROVED).spec(answer(400, Contract.notTheirTurn(approval, anna, maria)));
			assertThat(data.approvalView(approval)).isEqualTo(beforeRestart);
			elma.resolve(approval, maria, APPROVED).spec(success());
			ApprovalView view = data.approvalView(approval);
			assertThat(view.status()).isEqualTo("IN_PROGRESS");
			assertThat(view.round()).isEqualTo(1);
			assertThat(view.steps()).extracting(StepView::email).containsExactly(ivan, maria, anna);
			assertThat(view.steps()).extracting(StepView::status).containsExactly("APPROVED", "APPROVED", "PENDING");
		}
	}

	@Test
	void finishedApprovalStaysFinishedAfterARestart() {
		String approval;
		String ivan;
		String maria;
		ApprovalView beforeRestart;
		try (ConfigurableApplicationContext stand = start()) {
			StandData data = new StandData(stand);
			ElmaClient elma = elma(stand);
			ivan = data.contact("ivan");
			maria = data.contact("maria");
			approval = data.approval();
			elma.createChain(approval, ivan + ";" + maria).spec(success());
			elma.resolve(approval, ivan, REJECTED).spec(success());
			beforeRestart = data.approvalView(approval);
		}
		assertThat(beforeRestart.status()).isEqualTo("REJECTED");
		try (ConfigurableApplicationContext stand = start()) {
			StandData data = new StandData(stand);
			ElmaClient elma = elma(stand);
			assertThat(data.approvalView(approval)).isEqualTo(beforeRestart);
			elma.resolve(approval, ivan, REJECTED).spec(success());
			elma.resolve(approval, maria, APPROVED)
				.spec(answer(400, Contract.notInProgress(approval, maria, REJECTED)));
			assertThat(data.approvalView(approval)).isEqualTo(beforeRestart);
			elma.createChain(approval, maria).spec(success());
			ApprovalView view = data.approvalView(approval);
			assertThat(view.status()).isEqualTo("IN_PROGRESS");
			assertThat(view.round()).isEqualTo(2);
			assertThat(view.round(1)).isEqualTo(beforeRestart.round(1));
			assertThat(view.current()).extracting(StepView::email).containsExactly(maria);
		}
	}

	private ConfigurableApplicationContext start() {
		if (this.database == null) {
			this.database = TestDatabase.newDatabase(this.directory);
		}
		List<String> arguments = new ArrayList<>(List.of(this.database));
		arguments.add("--server.port=0");
		return new SpringApplicationBuilder(EmulatorApplication.class).profiles("test")
			.run(arguments.toArray(String[]::new));
	}

	private static ElmaClient elma(ConfigurableApplicationContext stand) {
		return new ElmaClient(stand.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
	}

}
