package io.adsw.bpmsoft.emulator.odata;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.core.uri.parser.Parser;
import org.apache.olingo.server.core.uri.parser.UriParserException;
import org.apache.olingo.server.core.uri.validator.UriValidationException;

/**
 * Which operand of {@code and} or {@code or} Olingo refused: it checks each in turn with
 * the same words, the left one before it even reads the right one. Where its parser
 * checks the right one is learnt once, by having it refuse {@code true and 1} (and
 * {@code true or 1}) and noting the line of its step that did.
 */
final class LogicalOperandChecks {

	/**
	 * The parser's step for each operator, and a filter whose right operand it refuses.
	 */
	private static final Map<String, String> PROBES = Map.of("parseAnd", "true%20and%201", "parseExpression",
			"true%20or%201");

	private static final Map<String, Integer> RIGHT_CHECKS = new ConcurrentHashMap<>();

	private LogicalOperandChecks() {
	}

	/**
	 * Whether the refusal, made in the parser's step {@code step} at {@code line}, is of
	 * the right operand; false when that cannot be told.
	 */
	static boolean ofTheRightOperand(String step, int line, Edm edm, OData odata) {
		String probe = PROBES.get(step);
		if (probe == null || line < 0) {
			return false;
		}
		int right = RIGHT_CHECKS.computeIfAbsent(step, (name) -> lineRefusing(name, probe, edm, odata));
		return right == line;
	}

	private static int lineRefusing(String step, String filter, Edm edm, OData odata) {
		try {
			new Parser(edm, odata).parseUri(EntitySets.CONTACT, "$filter=" + filter, null, "http://localhost/");
		}
		catch (UriParserException | UriValidationException ex) {
			return Arrays.stream(ex.getStackTrace())
				.filter((frame) -> frame.getMethodName().equals(step))
				.mapToInt(StackTraceElement::getLineNumber)
				.findFirst()
				.orElse(-1);
		}
		return -1;
	}

}
