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
 */
record ColumnMapping<E>(String name, EdmPrimitiveTypeKind type, boolean nullable, DatabasePath path,
		Function<E, @Nullable Object> reader, @Nullable BiConsumer<E, @Nullable Object> writer) {

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
		return new ColumnMapping<>(name, type, true, (from, criteria) -> attribute(from, attribute), reader, null);
	}

	/** A read-only property computed in the database. */
	static <E> ColumnMapping<E> computed(String name, EdmPrimitiveTypeKind type, DatabasePath path,
			Function<E, @Nullable Object> reader) {
		return new ColumnMapping<>(name, type, true, path, reader, null);
	}

	ColumnMapping<E> writableWith(BiConsumer<E, @Nullable Object> writer) {
		return new ColumnMapping<>(this.name, this.type, this.nullable, this.path, this.reader, writer);
	}

	ColumnMapping<E> required() {
		return new ColumnMapping<>(this.name, this.type, false, this.path, this.reader, this.writer);
	}

	boolean writable() {
		return this.writer != null;
	}

	static Path<?> attribute(From<?, ?> from, String attribute) {
		Path<?> path = from;
		for (String part : attribute.split("\\.")) {
			path = path.get(part);
		}
		return path;
	}

}
