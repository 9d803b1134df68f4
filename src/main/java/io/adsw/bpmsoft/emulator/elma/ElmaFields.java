package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.Whitespace;
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
		JsonNode value = this.object.get(name);
		String text = (value != null && value.isString()) ? Whitespace.strip(value.stringValue()) : "";
		if (text.isEmpty()) {
			throw ElmaRefusal.badRequest(messageWhenEmpty);
		}
		return text;
	}

}
