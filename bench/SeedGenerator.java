import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the benchmark's seed: contacts c00000@bench.local ... and approvals with ids
 * 00000000-0000-4000-8000-000000000000 ... , the same every run, so that the load scripts can
 * name them without asking the stand.
 *
 * Usage: java bench/SeedGenerator.java <file> <contacts> <approvals>
 */
public class SeedGenerator {

	public static void main(String[] args) throws IOException {
		Path file = Path.of(args[0]);
		int contacts = Integer.parseInt(args[1]);
		int approvals = Integer.parseInt(args[2]);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("contacts:\n");
			for (int i = 0; i < contacts; i++) {
				out.write(String.format("  - id: 00000000-0000-4000-9000-%012d%n    email: c%05d@bench.local%n    name: Contact %d%n", i, i, i));
			}
			out.write("approvals:\n");
			for (int i = 0; i < approvals; i++) {
				out.write(String.format("  - id: 00000000-0000-4000-8000-%012d%n    name: Approval %d%n", i, i));
			}
		}
	}

}
