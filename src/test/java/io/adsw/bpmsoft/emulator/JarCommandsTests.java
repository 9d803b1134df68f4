package io.adsw.bpmsoft.emulator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code java -jar bpmsoft-emulator.jar} makes of its arguments: the stand, one of
 * its commands, or a refusal in one line.
 */
class JarCommandsTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void noArgumentsOrOptionsRunTheStand() {
		assertThat(run()).isEmpty();
		assertThat(run("--server.port=18331")).isEmpty();
		assertThat(run("--spring.profiles.active=dev", "keygen")).isEmpty();
		assertThat(output()).isEmpty();
		assertThat(errors()).isEmpty();
	}

	@Test
	void misspeltCommandIsRefusedInsteadOfRunningTheStand() {
		assertThat(run("encrpyt")).hasValue(2);
		assertThat(output()).isEmpty();
		assertThat(errors()).isEqualTo("Unknown command 'encrpyt': the jar's commands are keygen, encrypt,"
				+ " hash-password (with none, it runs the stand)\n");
	}

	@Test
	void optionWithOneDashIsNoCommand() {
		// A JVM option put after -jar, where the JVM no longer reads it.
		assertThat(run("-Dserver.port=18331")).hasValue(2);
		assertThat(errors()).isEqualTo("Unknown command '-Dserver.port=18331': the jar's commands are keygen,"
				+ " encrypt, hash-password (with none, it runs the stand)\n");
	}

	@Test
	void secretGivenAsAnArgumentIsRefusedUnrepeated() {
		assertThat(run("encrypt", "my-secret")).hasValue(2);
		assertThat(output()).isEmpty();
		assertThat(errors()).isEqualTo("The encrypt command takes no arguments: it reads from standard input,"
				+ " which keeps secrets out of the shell's history\n");
	}

	@Test
	void keygenTakesNoArguments() {
		assertThat(run("keygen", "32")).hasValue(2);
		assertThat(errors()).isEqualTo("The keygen command takes no arguments\n");
	}

	@Test
	void commandRunsInsteadOfTheStand() {
		assertThat(run("keygen")).hasValue(0);
		assertThat(Base64.getDecoder().decode(output().strip())).hasSize(32);
		assertThat(errors()).isEmpty();
	}

	@Test
	void commandsFailureIsItsExitStatus() {
		assertThat(run("encrypt")).hasValue(1);
		assertThat(errors()).isEqualTo("No master key: set EMULATOR_MASTER_KEY, EMULATOR_MASTER_KEY_FILE,"
				+ " EMULATOR_MASTER_PASSPHRASE or EMULATOR_MASTER_PASSPHRASE_FILE\n");
	}

	@Test
	void helpIsPrintedInsteadOfRunningTheStand() {
		for (String help : new String[] { "--help", "-h", "help" }) {
			this.out.reset();
			assertThat(run(help)).hasValue(0);
			assertThat(this.out.toString(StandardCharsets.UTF_8))
				.startsWith("java -jar bpmsoft-emulator.jar [--setting=value ...] runs the stand")
				.contains("keygen, encrypt, hash-password");
		}
	}

	private OptionalInt run(String... args) {
		return JarCommands.run(args, new ByteArrayInputStream("a secret\n".getBytes(StandardCharsets.UTF_8)),
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8), Map.<String, String>of()::get);
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
