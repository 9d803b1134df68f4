package io.adsw.bpmsoft.emulator.odata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.adsw.bpmsoft.emulator.Guids;
import io.adsw.bpmsoft.emulator.OneMomentReads;
import io.adsw.bpmsoft.emulator.StorableText;
import io.adsw.bpmsoft.emulator.security.UserContacts;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.apache.olingo.server.api.uri.queryoption.SelectOption;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the processors share: the entity sets and their reads, expansion and JSON,
 * transactions, context URLs, and the reading of request bodies.
 */
@Component
class ODataService {

	/** The content type of JSON answers, as a Creatio stand sends it. */
	static final String JSON = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";

	static final String TEXT = "text/plain; charset=utf-8";

	private final UserContacts userContacts;

	private final EntitySets sets;

	/**
	 * How far a refused number's decimal point may move when it is written out in full.
	 */
	private static final int MAX_PLAIN_SCALE = 40;

	private final ODataReads reads;

	private final Expansions expansions;

	private final CreatioJson json;

	private final JsonMapper jsonMapper;

	private final TransactionTemplate readTransaction;

	private final OneMomentReads oneMoment;

	private final TransactionTemplate writeTransaction;

	private final Clock clock;

	ODataService(EntitySets sets, ODataReads reads, Expansions expansions, CreatioJson json, JsonMapper jsonMapper,
			PlatformTransactionManager transactions, OneMomentReads oneMoment, Clock clock, UserContacts userContacts) {
		this.userContacts = userContacts;
		this.sets = sets;
		this.reads = reads;
		this.expansions = expansions;
		this.json = json;
		this.jsonMapper = jsonMapper;
		this.readTransaction = new TransactionTemplate(transactions);
		this.readTransaction.setReadOnly(true);
		this.oneMoment = oneMoment;
		this.writeTransaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	EntitySets sets() {
		return this.sets;
	}

	ODataReads reads() {
		return this.reads;
	}

	Expansions expansions() {
		return this.expansions;
	}

	CreatioJson json() {
		return this.json;
	}

	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Who writes: the contact of the signed-in user, for {@code CreatedById} and
	 * {@code ModifiedById}; {@code null} when the user has none.
	 */
	@Nullable UUID author() {
		return this.userContacts.current();
	}

	/**
	 * A read; one that runs several statements ({@code $expand}, {@code $count}, a path
	 * through a navigation) sees the stand at one moment, so that an approval is never
	 * shown with its round from before an ELMA request and its visas from after it.
	 */
	<T> T read(boolean severalStatements, Supplier<T> work) {
		return severalStatements ? this.oneMoment.read(work) : this.readTransaction.execute((status) -> work.get());
	}

	<T> T write(Supplier<T> work) {
		return this.writeTransaction.execute((status) -> work.get());
	}

	/**
	 * The context URL of an answer: the service root the client used, then
	 * {@code $metadata#<Set>}, with the {@code $select}/{@code $expand} list when there
	 * is one.
	 */
	static String context(ODataRequest request, EntitySetMapping<?> set, @Nullable SelectOption select,
			@Nullable ExpandOption expand, String suffix) {
		String list = selectList(select, expand);
		return request.getRawBaseUri() + "/$metadata#" + set.name() + (list.isEmpty() ? "" : "(" + list + ")") + suffix;
	}

	private static String selectList(@Nullable SelectOption select, @Nullable ExpandOption expand) {
		StringBuilder list = new StringBuilder();
		Set<String> selected = CreatioJson.selected(select);
		if (selected != null) {
			list.append(String.join(",", selected));
		}
		if (expand != null) {
			for (ExpandItem item : expand.getExpandItems()) {
				if (item.isStar()) {
					continue;
				}
				java.util.List<UriResource> parts = item.getResourcePath().getUriResourceParts();
				String name = ((UriResourceNavigation) parts.get(parts.size() - 1)).getProperty().getName();
				list.append(list.isEmpty() ? "" : ",")
					.append(name)
					.append('(')
					.append(selectList(item.getSelectOption(), item.getExpandOption()))
					.append(')');
			}
		}
		return list.toString();
	}

	/**
	 * The body of a POST or PATCH as values of the set's properties. An unknown property,
	 * a read-only one, a navigation property, a value of the wrong type or an annotation
	 * the body may not carry ({@link BodyAnnotations}) is refused with Creatio's wording,
	 * and nothing is written.
	 */
	<E> Map<ColumnMapping<E>, @Nullable Object> body(ODataRequest request, EntitySetMapping<E> set,
			@Nullable UUID key) {
		boolean creating = key == null;
		JsonNode body;
		Charset charset = declaredCharset(request.getHeader(HttpHeader.CONTENT_TYPE));
		try (InputStream in = request.getBody()) {
			body = JsonBodies.read(this.jsonMapper, in.readAllBytes(), charset, "The request body");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (body == null || !body.isObject()) {
			throw ODataRequestException.invalidBody("The request body must be a JSON object.");
		}
		Map<ColumnMapping<E>, @Nullable Object> values = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			String name = field.getKey();
			if (name.indexOf('@') >= 0) {
				BodyAnnotations.check(set, name, field.getValue());
				continue;
			}
			Optional<NavigationMapping> navigation = set.navigation(name);
			if (navigation.isPresent()) {
				throw BodyAnnotations.notSettable(set, navigation.get());
			}
			ColumnMapping<E> column = set.column(name).orElseThrow(() -> BodyAnnotations.unknownProperty(set, name));
			boolean id = name.equals("Id");
			// As ASP.NET OData does, the value is read first: a wrong type is refused as
			// such.
			Object value = convert(column.type(), field.getValue());
			if (id && !creating && key.equals(value)) {
				continue;
			}
			if (id && creating && Guids.EMPTY.equals(value)) {
				throw ODataRequestException.invalidBody("The Id '" + Guids.EMPTY
						+ "' is the empty GUID, which stands for no row: give another Id, or none for a new one.");
			}
			if (!column.writable() && !(id && creating)) {
				if (creating) {
					throw readOnly(set, column);
				}
				// Kept for the update to compare with the row: a row read and sent back
				// as it was carries its read-only properties unchanged.
				values.put(column, value);
				continue;
			}
			if (value instanceof String text && !column.fits(text)) {
				// ASP.NET's wording for a [StringLength] refusal: checked before the
				// change starts, so that nothing is written.
				throw ODataRequestException.invalidBody(
						"The field " + name + " must be a string with a maximum length of " + column.maxLength() + ".");
			}
			values.put(column, value);
		}
		return values;
	}

	static ODataRequestException readOnly(EntitySetMapping<?> set, ColumnMapping<?> column) {
		return ODataRequestException.invalidBody("The property '" + column.name() + "' of type '"
				+ BpmEdmProvider.NAMESPACE + "." + set.name() + "' is read-only: the stand maintains it.");
	}

	/**
	 * A read-only property a PATCH sends with another value than the row's: often a row
	 * read before ELMA changed it (a {@code StatusId}, a {@code Round}), so the row's
	 * value is named.
	 */
	static ODataRequestException readOnlyChanged(EntitySetMapping<?> set, ColumnMapping<?> column, String shown) {
		return ODataRequestException.invalidBody("The property '" + column.name() + "' of type '"
				+ BpmEdmProvider.NAMESPACE + "." + set.name() + "' is read-only: the stand maintains it, and the row's"
				+ " value is now '" + shown + "'. Read the row again, or leave the property out.");
	}

	/**
	 * The charset a Content-Type names, or {@code null} for none; one this JVM does not
	 * know is refused (415), as ASP.NET refuses it.
	 */
	static @Nullable Charset declaredCharset(@Nullable String contentType) {
		if (contentType == null) {
			return null;
		}
		for (String parameter : contentType.split(";")) {
			int equals = parameter.indexOf('=');
			if (equals > 0 && parameter.substring(0, equals).strip().equalsIgnoreCase("charset")) {
				String name = parameter.substring(equals + 1).strip().replace("\"", "");
				try {
					return Charset.forName(name);
				}
				catch (IllegalArgumentException ex) {
					String message = "The charset '" + name + "' the Content-Type names is not supported.";
					throw new ODataRequestException(HttpStatusCode.UNSUPPORTED_MEDIA_TYPE, message, message);
				}
			}
		}
		return null;
	}

	/** A JSON value as the property's Java type, or Creatio's refusal. */
	static @Nullable Object convert(EdmPrimitiveTypeKind type, JsonNode value) {
		if (value.isNull()) {
			return null;
		}
		try {
			return switch (type) {
				case String -> value.isString() ? storable(value.stringValue()) : refuse(type, value);
				// In its 36-character form only: UUID.fromString alone would also take
				// 1-2-3-4-5.
				case Guid -> value.isString()
						? Guids.parse(value.stringValue()).map(Object.class::cast).orElseGet(() -> refuse(type, value))
						: refuse(type, value);
				case Int32 ->
					value.isIntegralNumber() && value.canConvertToInt() ? value.intValue() : refuse(type, value);
				case Boolean -> value.isBoolean() ? value.booleanValue() : refuse(type, value);
				case DateTimeOffset ->
					value.isString() ? OffsetDateTime.parse(value.stringValue()).toInstant() : refuse(type, value);
				default -> refuse(type, value);
			};
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			return refuse(type, value);
		}
	}

	private static String storable(String value) {
		if (StorableText.holdsNul(value)) {
			throw ODataRequestException.invalidBody("A string value cannot hold the character U+0000.");
		}
		int surrogate = StorableText.loneSurrogate(value);
		if (surrogate >= 0) {
			throw ODataRequestException.invalidBody(String.format(Locale.ROOT,
					"A string value cannot hold half of a surrogate pair alone (U+%04X): a character beyond U+FFFF is"
							+ " written whole, or as both halves (\\ud83d\\ude00).",
					surrogate));
		}
		return value;
	}

	private static Object refuse(EdmPrimitiveTypeKind type, JsonNode value) {
		String literal = value.isBoolean() ? (value.booleanValue() ? "True" : "False")
				: value.isString() ? value.stringValue() : value.isNumber() ? numberText(value) : value.toString();
		throw ODataRequestException.invalidBody("Cannot convert the literal '" + literal + "' to the expected type '"
				+ type.getFullQualifiedName() + "'.");
	}

	/**
	 * A number as its literal was written, {@code 1.0} and {@code 2.50} included; written
	 * out in full while that stays short ({@code 1e3} as {@code 1000}), else in its
	 * exponent form ({@code 1E+999999999}), which a body of a few bytes could otherwise
	 * turn into a message of a billion digits.
	 */
	private static String numberText(JsonNode value) {
		BigDecimal number = value.decimalValue();
		return (Math.abs((long) number.scale()) <= MAX_PLAIN_SCALE) ? number.toPlainString() : number.toString();
	}

	UUID newId(Map<? extends ColumnMapping<?>, @Nullable Object> values) {
		for (Map.Entry<? extends ColumnMapping<?>, @Nullable Object> entry : values.entrySet()) {
			if (entry.getKey().name().equals("Id") && entry.getValue() != null) {
				return (UUID) entry.getValue();
			}
		}
		return UUID.randomUUID();
	}

}
