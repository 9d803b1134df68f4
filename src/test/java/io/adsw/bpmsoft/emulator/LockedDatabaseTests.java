package io.adsw.bpmsoft.emulator;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A stand whose H2 file another stand has open refuses to start in one line, naming the
 * file, instead of a stack trace of some 240 lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class LockedDatabaseTests {

	@Test
	void standOnAnH2FileOpenElsewhereRefusesToStartInOneLine(@TempDir Path folder, CapturedOutput output)
			throws Exception {
		String url = "jdbc:h2:file:" + folder.resolve("stand");
		try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
			// Creates the database file, as a first stand would.
		}
		Path file = folder.resolve("stand.mv.db");
		// Locked as another stand's process locks it: H2 takes the file with
		// FileChannel.tryLock, which fails here as well (in one JVM by throwing rather
		// than returning null), and H2 refuses both the same way, with its error 90020.
		// A second stand in this JVM would not do: H2 shares an open database with every
		// connection in its JVM.
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			assertThat(lock).isNotNull();
			assertThatException().isThrownBy(() -> new SpringApplicationBuilder(EmulatorApplication.class)
				.run("--server.port=0", "--spring.datasource.url=" + url + ";LOCK_TIMEOUT=10000")
				.close());
		}
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("Description:\n\nThe H2 database file " + file
					+ " is locked: another stand, or another process, has it open.\n")
			.contains("Action:\n\nStop the other stand, or give this one a database of its own (another file, or"
					+ " another folder), e.g."
					+ " --spring.datasource.url='jdbc:h2:file:./data/other;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64'\n")
			.doesNotContain("\tat ");
	}

}
