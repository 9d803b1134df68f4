package io.adsw.bpmsoft.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the BPMSoft stand emulator: the stand itself, or one of the secret
 * commands ({@code keygen}, {@code encrypt}, {@code hash-password}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EmulatorApplication {

	public static void main(String[] args) {
		OptionalInt command = JarCommands.run(args, System.in, System.out, System.err,
				(name) -> System.getProperty(name, System.getenv(name)));
		if (command.isPresent()) {
			System.exit(command.getAsInt());
		}
		SpringApplication.run(EmulatorApplication.class, args);
	}

	/**
	 * The stand's clock, in whole microseconds: what is answered then always equals what
	 * the database (PostgreSQL keeps microseconds) gives back later.
	 */
	@Bean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

}
