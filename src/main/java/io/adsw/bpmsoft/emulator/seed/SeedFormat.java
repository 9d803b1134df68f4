package io.adsw.bpmsoft.emulator.seed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

import io.adsw.bpmsoft.emulator.JsonInputErrors;
import io.adsw.bpmsoft.emulator.StorableText;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads seed documents in YAML or JSON; an unknown field is an error, so that a typo does
 * not silently load less than meant.
 */
public final class SeedFormat {

	/**
	 * SnakeYAML stops at 3 MB by default, less than a seed of a hundred thousand
	 * approvals; seeds are the stand's own files or come from signed-in users.
	 */
	static final int MAX_YAML_CODE_POINTS = 1 << 30;

	/**
	 * Aliases are refused rather than read: the YAML parser hands a scalar alias over as
	 * its anchor's name.
	 */
	private static final String ALIAS = "a YAML alias is not read in a seed; write out what it stands for";

	private static final SimpleModule STORABLE_TEXT = new SimpleModule("storable-text").addDeserializer(String.class,
			new StorableTextDeserializer());

	private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
		.loadSettings(LoadSettings.builder().setCodePointLimit(MAX_YAML_CODE_POINTS).build())
		.build()).rebuild()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.addModule(STORABLE_TEXT)
		.build();

	/**
	 * A key given twice would lose the first value without a word (a second
	 * {@code contacts} list, a contact's second email); YAML's parser refuses it already.
	 */
	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.addModule(STORABLE_TEXT)
		.build();

	private SeedFormat() {
	}

	/**
	 * The document in the stream.
	 * @param yaml whether it is YAML rather than JSON
	 * @param source where it comes from, for messages
	 * @throws SeedException when it cannot be read
	 */
	public static SeedDocument read(InputStream in, boolean yaml, String source) {
		ObjectMapper mapper = yaml ? YAML : JSON;
		Utf8Text text = yaml ? new Utf8Text(in) : null;
		try (in; JsonParser parser = (text != null) ? mapper.createParser(text) : mapper.createParser(in)) {
			// A document with nothing in it (no bytes, only spaces or YAML comments) is
			// one with no data, as null is.
			if (parser.nextToken() == null) {
				return new SeedDocument(null, null);
			}
			SeedDocument seed = mapper.readValue(parser, SeedDocument.class);
			return (seed != null) ? seed : new SeedDocument(null, null);
		}
		catch (JacksonException ex) {
			if (text != null && notUtf8(ex)) {
				throw new SeedException(source, "not UTF-8 at " + text.position()
						+ ": a seed is read as UTF-8 (a file saved in windows-1251, say, is not)");
			}
			if (ex.getCause() instanceof MarkedYamlEngineException syntax && syntax.getProblem() != null) {
				// One line, as every other refusal of a seed: the YAML parser's own text
				// runs over several, with the line it stopped at drawn beneath.
				throw new SeedException(source, "not valid YAML: " + syntax.getProblem() + syntax.getProblemMark()
					.map((mark) -> " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")")
					.orElse(""));
			}
			String place = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			if (ex.processor() instanceof YAMLParser parser) {
				String problem = yamlProblem(parser, ex);
				if (problem != null) {
					throw new SeedException(source, problem + place);
				}
			}
			throw new SeedException(source, JsonInputErrors.describe(ex) + place);
		}
		catch (IOException ex) {
			throw new SeedException(source, ex.getMessage(), ex);
		}
	}

	/**
	 * What YAML can say that a seed does not read, in YAML's words: JSON's would speak of
	 * a value that is no object, or of more after the JSON value.
	 */
	private static @Nullable String yamlProblem(YAMLParser parser, JacksonException ex) {
		if (parser.isCurrentAlias()) {
			return JsonInputErrors.describe(ex, ALIAS);
		}
		if (String.valueOf(ex.getOriginalMessage()).startsWith("Trailing token")) {
			return "a second YAML document (after ---) follows the first; a seed is one document";
		}
		return null;
	}

	/**
	 * Whether the reader refused bytes, under the exceptions of the parsers around it.
	 */
	private static boolean notUtf8(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CharacterCodingException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Text as usual, but refused where it holds a NUL character, or half of a surrogate
	 * pair alone (see StorableText).
	 */
	private static final class StorableTextDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			// A number or true/false is no text: an email of true would be stored as
			// "true".
			if (parser.currentToken() != null && parser.currentToken().isScalarValue()
					&& parser.currentToken() != JsonToken.VALUE_STRING) {
				return context.reportInputMismatch(this,
						"expected text, written in quotes (\"" + parser.getString() + "\")");
			}
			// The YAML parser hands over a scalar alias as its anchor's name: Ivan's
			// name given as *n would be stored as "n".
			if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
				return context.reportInputMismatch(this, ALIAS);
			}
			String value = super.deserialize(parser, context);
			if (StorableText.holdsNul(value)) {
				return context.reportInputMismatch(this, "text cannot hold the character U+0000");
			}
			int surrogate = StorableText.loneSurrogate(value);
			if (surrogate >= 0) {
				return context.reportInputMismatch(this, String.format(Locale.ROOT,
						"text cannot hold half of a surrogate pair alone (U+%04X)", surrogate));
			}
			return value;
		}

	}

}
