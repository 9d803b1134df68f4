package io.adsw.bpmsoft.emulator;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * What a {@link StandTest} works with, ready to inject: ELMA's client of the stand, a
 * Creatio client's, its administrator's, and the stand's data.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StandClients {

	/** Lazy: the stand's random port is known only once its web server has started. */
	@Bean
	@Lazy
	ElmaClient elmaClient(Environment environment) {
		return new ElmaClient(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Bean
	@Lazy
	CreatioClient creatioClient(Environment environment) {
		return new CreatioClient(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Bean
	@Lazy
	AdminClient adminClient(Environment environment) {
		return new AdminClient(environment.getRequiredProperty("local.server.port", Integer.class));
	}

	@Bean
	StandData standData(ApplicationContext context) {
		return new StandData(context);
	}

}
