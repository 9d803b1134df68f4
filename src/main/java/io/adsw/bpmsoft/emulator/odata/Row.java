package io.adsw.bpmsoft.emulator.odata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.jspecify.annotations.Nullable;

/**
 * An entity as the answer shows it: the entity itself and what {@code $expand} brought
 * along, by navigation name.
 */
record Row(Object entity, Map<String, Expanded> expanded) {

	Row(Object entity) {
		this(entity, new LinkedHashMap<>());
	}

	/**
	 * The target of a single-valued navigation (possibly none), or the rows of a
	 * collection.
	 */
	record Expanded(@Nullable Row single, @Nullable List<Row> many, @Nullable Long count,
			@Nullable SelectOption select) {

	}

}
