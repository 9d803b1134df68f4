package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.Contract;
import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandData;
import io.adsw.bpmsoft.emulator.StandTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static io.adsw.bpmsoft.emulator.ElmaClient.answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check 11: a failure the request did not cause (here the database disappears under the
 * stand) is answered with the integration note's 500 envelope and nothing else.
 */
@StandTest
@DirtiesContext
class UnexpectedFailureTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void databaseFailureIsAnsweredWithTheSeedEnvelopeOnly() {
		ElmaClient elma = new ElmaClient(this.port);
		StandData data = new StandData(this.context);
		String approval = data.approval();
		String ivan = data.contact("ivan");
		this.jdbc.execute("ALTER TABLE approval RENAME TO approval_gone");
		String body = elma.createChain(approval, ivan).spec(answer(500, Contract.INTERNAL_ERROR)).extract().asString();
		assertThat(body).isEqualTo("{\"status\":500,\"error_message\":\"Ошибка в процессе обработки\"}");
		elma.resolve(approval, ivan, "Согласовано").spec(answer(500, Contract.INTERNAL_ERROR));
	}

}
