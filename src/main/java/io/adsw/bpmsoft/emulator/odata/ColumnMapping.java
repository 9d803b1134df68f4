package io.adsw.bpmsoft.emulator.odata;

import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Path;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.jspecify.annotations.Nullable;

/**
 * One property of an entity set: its EDM type, the database expression that
 * {@code $filter} and {@code $orderby} run on, how its value is read from the entity,
 * and, when clients may set it, how it is written.
 *
 * @param <E> the JPA entity
 * @param name the property's name, as Creatio spells it
 * @param type its EDM type
 * @param nullable whether it may be empty; empty values are written in Creatio's way
 * (empty GUID, empty string, {@code 0001-01-01T00:00:00Z})
 * @param path the database expression of the property, from the entity's root or join
 * @param reader the value of the property for an entity
 * @param writer sets the property from a client's value; {@code null} when read-only
 * @param maxLength for text, how many characters its column holds ({@code MaxLength} in
 * {@code $metadata}; longer values are refused before anything is written); {@code null}
 * for other types
 */
record ColumnMapping<E>(String name, EdmPrimitiveTypeKind type, boolean nullable, DatabasePath path,
		Function<E, @Nullable Object> reader, @Nullable BiConsumer<E, @Nullable Object> writer,
		@Nullable Integer maxLength) {

	/** Where a property lives in a query. */
	@FunctionalInterface
	interface DatabasePath {

		Expression<?> of(From<?, ?> from, CriteriaBuilder criteria);

	}

	/**
	 * A read-only property stored in a (possibly nested) attribute of the entity, such as
	 * {@code approver.id}.
	 */
	static <E> ColumnMapping<E> of(String name, EdmPrimitiveTypeKind type, String attribute,
			Function<E, @Nullable Object> reader) {
		return new ColumnMapping<>(name, type, true, (from, criteria) -> attribute(from, attribute), reader, null,
				null);
	}

	/**
	 * A read-only text property stored in an attribute of the entity, in a column of
	 * {@code maxLength} characters ({@code VARCHAR(maxLength)} in the migrations).
	 */
	static <E> ColumnMapping<E> text(String name, String attribute, int maxLength,
			Function<E, @Nullable Object> reader) {
		return new ColumnMapping<>(name, EdmPrimitiveTypeKind.String, true,
				(from, criteria) -> attribute(from, attribute), reader, null, maxLength);
	}

	/** A read-only property computed in the database. */
	static <E> ColumnMapping<E> computed(String name, EdmPrimitiveTypeKind type, DatabasePath path,
			Function<E, @Nullable Object> reader) {
		return new ColumnMapping<>(name, type, true, path, reader, null, null);
	}

	ColumnMapping<E> writableWith(BiConsumer<E, @Nullable Object> writer) {
		return new ColumnMapping<>(this.name, this.type, this.nullable, this.path, this.reader, writer, this.maxLength);
	}

	ColumnMapping<E> required() {
		return new ColumnMapping<>(this.name, this.type, false, this.path, this.reader, this.writer, this.maxLength);
	}

	boolean writable() {
		return this.writer != null;
	}

	/**
	 * Whether a text value fits the column. Characters are counted as Java, H2 and
	 * Creatio's SQL Server {@code nvarchar} count them, in UTF-16 code units (a character
	 * beyond the BMP, such as an emoji, counts twice), so that a value that fits here
	 * fits on every database the stand runs on.
	 */
	boolean fits(String value) {
		return this.maxLength == null || value.length() <= this.maxLength;
	}

	static Path<?> attribute(From<?, ?> from, String attribute) {
		Path<?> path = from;
		for (String part : attribute.split("\\.")) {
			path = path.get(part);
		}
		return path;
	}

}
