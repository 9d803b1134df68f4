package io.adsw.bpmsoft.emulator;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JacksonException.Reference;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * What is wrong with a JSON or YAML document a user sent, in the user's terms: the
 * field's path in the document ({@code contacts[3].name}) and what it should hold, never
 * the stand's own class names, which Jackson's messages carry.
 */
public final class JsonInputErrors {

	private static final Pattern CLASS_NAME = Pattern.compile("(?:[a-z][a-z0-9_]*\\.)+([A-Z][\\w$]*)");

	/**
	 * A whole number past what its field's type holds, as the parser says it: the number
	 * is kept, the type's range is not the field's.
	 */
	private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\((-?\\d+)\\) out of range");

	private static final Pattern CLASS_NOTE = Pattern.compile("\\s*\\(class [^)]*\\)");

	private JsonInputErrors() {
	}

	/** The mistake, led by the path of the field it is in when there is one. */
	public static String describe(JacksonException ex) {
		return describe(ex, problem(ex));
	}

	/** A problem told in other words, led by the path of the field it is in. */
	public static String describe(JacksonException ex, String problem) {
		String path = path(ex.getPath());
		return path.isEmpty() ? problem : path + ": " + problem;
	}

	private static String problem(JacksonException ex) {
		if (ex instanceof PropertyBindingException unknown) {
			String known = unknown.getKnownPropertyIds()
				.stream()
				.map(String::valueOf)
				.sorted()
				.collect(Collectors.joining(", "));
			return "unknown field" + (known.isEmpty() ? "" : " (known fields: " + known + ")");
		}
		if (ex instanceof InvalidFormatException invalid) {
			// The value as read, not as written: 1e2 is 100.0 here, and is no fraction.
			if (invalid.getValue() instanceof Double number && number == Math.rint(number)
					&& isWholeNumber(invalid.getTargetType())) {
				return "expected a whole number, written without a decimal point or an exponent";
			}
			return "\"" + invalid.getValue() + "\" is not " + kind(invalid.getTargetType());
		}
		if (ex instanceof InputCoercionException) {
			Matcher number = OUT_OF_RANGE.matcher(String.valueOf(ex.getOriginalMessage()));
			if (number.lookingAt()) {
				return number.group(1) + (number.group(1).startsWith("-") ? " is too small" : " is too large");
			}
		}
		if (ex instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
				&& String.valueOf(ex.getOriginalMessage()).startsWith("Cannot ")) {
			return "expected " + kind(mismatched.getTargetType());
		}
		return readable(JsonSyntax.problem(ex, null));
	}

	/** What a value of the type looks like, for a user: "a whole number", "a GUID". */
	public static String kind(@Nullable Class<?> type) {
		if (type == null) {
			return "a valid value";
		}
		if (isWholeNumber(type)) {
			return "a whole number";
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "text";
		}
		if (type == UUID.class) {
			return "a GUID";
		}
		if (type == Instant.class) {
			return "a time such as 2026-01-31T09:30:00Z";
		}
		if (type.isEnum()) {
			return "one of "
					+ Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "a list";
		}
		return "an object";
	}

	private static boolean isWholeNumber(@Nullable Class<?> type) {
		return type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class;
	}

	/** {@code contacts[3].name}, from Jackson's references. */
	private static String path(List<Reference> references) {
		StringBuilder path = new StringBuilder();
		for (Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** The message, with class names cut down to their simple names. */
	private static String readable(String message) {
		String withoutNotes = CLASS_NOTE.matcher(message).replaceAll("");
		return CLASS_NAME.matcher(withoutNotes).replaceAll("$1");
	}

}
