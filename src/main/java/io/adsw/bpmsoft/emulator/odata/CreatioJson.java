package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.queryoption.SelectItem;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Writes answers in Creatio's JSON conventions: lookups as flat {@code <Name>Id} GUIDs,
 * empty values as the empty GUID, {@code ""} and {@code 0001-01-01T00:00:00Z}, timestamps
 * in UTC with exactly seven fractional digits, properties in the model's order.
 */
@Component
class CreatioJson {

	static final String EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

	static final String EMPTY_DATE = "0001-01-01T00:00:00Z";

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private final JsonMapper jsonMapper;

	CreatioJson(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * A collection: {@code @odata.context}, {@code @odata.count} when asked,
	 * {@code value}.
	 */
	byte[] collection(String context, @Nullable Long count, EntitySetMapping<?> set, List<Row> rows,
			@Nullable SelectOption select, EntitySets sets) {
		return write((json) -> {
			json.writeStartObject();
			json.writeName("@odata.context");
			json.writeString(context);
			if (count != null) {
				json.writeName("@odata.count");
				json.writeNumber(count);
			}
			json.writeName("value");
			json.writeStartArray();
			for (Row row : rows) {
				entity(json, set, row, select, sets);
			}
			json.writeEndArray();
			json.writeEndObject();
		});
	}

	/** A single entity, with its {@code @odata.context}. */
	byte[] entity(String context, EntitySetMapping<?> set, Row row, @Nullable SelectOption select, EntitySets sets) {
		return write((json) -> {
			json.writeStartObject();
			json.writeName("@odata.context");
			json.writeString(context);
			properties(json, set, row, select, sets);
			json.writeEndObject();
		});
	}

	/** A single property: {@code {"@odata.context": ..., "value": ...}}. */
	byte[] property(String context, EdmPrimitiveTypeKind type, @Nullable Object value) {
		return write((json) -> {
			json.writeStartObject();
			json.writeName("@odata.context");
			json.writeString(context);
			json.writeName("value");
			value(json, type, value);
			json.writeEndObject();
		});
	}

	/** A property's raw value, as {@code $value} answers it. */
	static String text(EdmPrimitiveTypeKind type, @Nullable Object value) {
		if (value == null) {
			return switch (type) {
				case Guid -> EMPTY_GUID;
				case DateTimeOffset -> EMPTY_DATE;
				case Int32 -> "0";
				case Boolean -> "false";
				default -> "";
			};
		}
		return (value instanceof Instant instant) ? TIMESTAMP.format(instant) : value.toString();
	}

	/**
	 * Answers a refusal in Olingo's response: the error processor's answers, and the
	 * parts of a multipart batch the stand refuses before Olingo parses them.
	 */
	void answer(ODataResponse response, ODataRequestException refusal) {
		if (refusal.allow() != null) {
			response.setHeader(HttpHeader.ALLOW, refusal.allow());
		}
		response.setStatusCode(refusal.status().getStatusCode());
		response.setHeader(HttpHeader.CONTENT_TYPE, ODataService.JSON);
		response.setHeader(HttpHeader.ODATA_VERSION, "4.0");
		response.setContent(new ByteArrayInputStream(error(refusal.getMessage(), refusal.innerMessage())));
	}

	/**
	 * Answers a refusal the stand makes before or beside Olingo's handler, as Olingo's
	 * own errors are answered.
	 */
	void answer(HttpServletResponse response, ODataRequestException refusal) throws IOException {
		response.setStatus(refusal.status().getStatusCode());
		response.setHeader("OData-Version", "4.0");
		response.setContentType(ODataService.JSON);
		response.getOutputStream().write(error(refusal.getMessage(), refusal.innerMessage()));
	}

	/**
	 * Creatio's OData error envelope: the message, and the inner message it is built on.
	 */
	byte[] error(String message, String innerMessage) {
		return write((json) -> {
			json.writeStartObject();
			json.writeName("error");
			json.writeStartObject();
			json.writeName("code");
			json.writeString("");
			json.writeName("message");
			json.writeString(message);
			json.writeName("innererror");
			json.writeStartObject();
			json.writeName("message");
			json.writeString(innerMessage);
			json.writeName("type");
			json.writeString("");
			json.writeName("stacktrace");
			json.writeString("");
			json.writeEndObject();
			json.writeEndObject();
			json.writeEndObject();
		});
	}

	/**
	 * ASP.NET Web API's own answer when no route matches: {@code {"Message": ...,
	 * "MessageDetail": ...}}.
	 */
	byte[] webApiError(String message, String detail) {
		return write((json) -> {
			json.writeStartObject();
			json.writeName("Message");
			json.writeString(message);
			json.writeName("MessageDetail");
			json.writeString(detail);
			json.writeEndObject();
		});
	}

	private void entity(JsonGenerator json, EntitySetMapping<?> set, Row row, @Nullable SelectOption select,
			EntitySets sets) {
		json.writeStartObject();
		properties(json, set, row, select, sets);
		json.writeEndObject();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void properties(JsonGenerator json, EntitySetMapping<?> set, Row row, @Nullable SelectOption select,
			EntitySets sets) {
		Set<String> selected = selected(select);
		for (ColumnMapping column : set.columns()) {
			if (selected == null || selected.contains(column.name())) {
				json.writeName(column.name());
				value(json, column.type(), column.reader().apply(row.entity()));
			}
		}
		for (var expanded : row.expanded().entrySet()) {
			NavigationMapping navigation = set.navigation(expanded.getKey()).orElseThrow();
			EntitySetMapping<?> target = sets.get(navigation.target());
			Row.Expanded value = expanded.getValue();
			if (navigation.collection()) {
				if (value.count() != null) {
					json.writeName(navigation.name() + "@odata.count");
					json.writeNumber(value.count());
				}
				json.writeName(navigation.name());
				json.writeStartArray();
				for (Row child : value.many()) {
					entity(json, target, child, value.select(), sets);
				}
				json.writeEndArray();
			}
			else {
				json.writeName(navigation.name());
				if (value.single() == null) {
					json.writeNull();
				}
				else {
					entity(json, target, value.single(), value.select(), sets);
				}
			}
		}
	}

	/** The names a {@code $select} keeps, or {@code null} for all. */
	static @Nullable Set<String> selected(@Nullable SelectOption select) {
		if (select == null || select.getSelectItems().stream().anyMatch(SelectItem::isStar)) {
			return null;
		}
		return select.getSelectItems().stream().map((item) -> {
			List<UriResource> parts = item.getResourcePath().getUriResourceParts();
			return parts.get(parts.size() - 1).getSegmentValue();
		}).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
	}

	private static void value(JsonGenerator json, EdmPrimitiveTypeKind type, @Nullable Object value) {
		switch (type) {
			case Int32 -> json.writeNumber((value != null) ? ((Number) value).intValue() : 0);
			case Boolean -> json.writeBoolean(value != null && (Boolean) value);
			case Guid -> json.writeString((value != null) ? ((UUID) value).toString() : EMPTY_GUID);
			default -> json.writeString(text(type, value));
		}
	}

	private byte[] write(Consumer<JsonGenerator> writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator json = this.jsonMapper.createGenerator(out, JsonEncoding.UTF8)) {
			writer.accept(json);
		}
		return out.toByteArray();
	}

}
