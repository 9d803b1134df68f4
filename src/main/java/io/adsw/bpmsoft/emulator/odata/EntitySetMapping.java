package io.adsw.bpmsoft.emulator.odata;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An entity set of the data service over a JPA entity: its properties, its navigations,
 * and, for the sets clients may change, how rows are created, changed and deleted.
 *
 * @param <E> the JPA entity
 */
record EntitySetMapping<E>(String name, Class<E> entityClass, List<ColumnMapping<E>> columns,
		List<NavigationMapping> navigations, @Nullable EntityWrites<E> writes) {

	Optional<ColumnMapping<E>> column(String name) {
		return this.columns.stream().filter((column) -> column.name().equals(name)).findFirst();
	}

	Optional<NavigationMapping> navigation(String name) {
		return this.navigations.stream().filter((navigation) -> navigation.name().equals(name)).findFirst();
	}

	UUID id(E entity) {
		return (UUID) column("Id").orElseThrow().reader().apply(entity);
	}

	boolean readOnly() {
		return this.writes == null;
	}

}
