package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.Whitespace;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The fields of an ElmaService body. A field counts as empty when it is missing, null,
 * not a JSON string, or only whitespace; fields the operation does not know are ignored.
 */
final class ElmaFields {

	private final JsonNode object;

	ElmaFields(JsonNode object) {
		this.object = object;
	}

	/**
	 * The field's value without surrounding whitespace.
	 * @throws ElmaRefusal with the given message when the field is empty
	 */
	String required(String name, String messageWhenEmpty) {
		String text = optional(name);
		if (text == null) {
			throw ElmaRefusal.badRequest(messageWhenEmpty);
		}
		return text;
	}

	/**
	 * The field's value without surrounding whitespace, or {@code null} when it is empty.
	 */
	@Nullable String optional(String name) {
		JsonNode value = this.object.get(name);
		String text = (value != null && value.isString()) ? Whitespace.strip(value.stringValue()) : "";
		return text.isEmpty() ? null : text;
	}

}
