package io.adsw.bpmsoft.emulator;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

import io.adsw.bpmsoft.emulator.crypto.CryptoCommand;
import org.jspecify.annotations.Nullable;

/**
 * What {@code java -jar bpmsoft-emulator.jar} makes of its arguments: with none, or
 * starting with an option ({@code --name=value}), it runs the stand; otherwise the first
 * names one of the jar's commands, run instead. A misspelt command is refused: taken as
 * the stand's argument, it would start a stand nobody asked for.
 */
final class JarCommands {

	/** The exit status of a command line the jar does not understand. */
	static final int USAGE = 2;

	private static final Set<String> HELP = Set.of("--help", "-h", "help");

	private JarCommands() {
	}

	/**
	 * Runs the command the arguments name.
	 * @return its exit status, or empty when the arguments are the stand's
	 */
	static OptionalInt run(String[] args, InputStream in, PrintStream out, PrintStream err,
			Function<String, @Nullable String> settings) {
		if (args.length > 0 && HELP.contains(args[0])) {
			// Would otherwise start a stand, with an H2 file in the current folder.
			out.println("java -jar bpmsoft-emulator.jar [--setting=value ...] runs the stand (settings: README,"
					+ " \"Settings\"); java -jar bpmsoft-emulator.jar <command> runs one of "
					+ String.join(", ", CryptoCommand.NAMES) + ", reading its secret from standard input");
			return OptionalInt.of(0);
		}
		if (args.length == 0 || args[0].startsWith("--")) {
			return OptionalInt.empty();
		}
		String command = args[0];
		if (!CryptoCommand.NAMES.contains(command)) {
			err.println("Unknown command '" + command + "': the jar's commands are "
					+ String.join(", ", CryptoCommand.NAMES) + " (with none, it runs the stand)");
			return OptionalInt.of(USAGE);
		}
		if (args.length > 1) {
			// The arguments are not repeated: they may be the very secret.
			err.println("The " + command + " command takes no arguments" + (command.equals(CryptoCommand.KEYGEN) ? ""
					: ": it reads from standard input, which keeps secrets out of the shell's history"));
			return OptionalInt.of(USAGE);
		}
		return OptionalInt.of(CryptoCommand.run(command, in, out, err, settings));
	}

}
