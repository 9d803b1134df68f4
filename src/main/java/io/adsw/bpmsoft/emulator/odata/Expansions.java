package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.queryoption.ExpandItem;
import org.apache.olingo.server.api.uri.queryoption.ExpandOption;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * {@code $expand}: loads what each navigation leads to with one query per navigation and
 * level, never one per row. A collection's nested {@code $filter} and {@code $orderby}
 * run in the database; its {@code $skip} and {@code $top} are applied per parent row.
 */
@Component
class Expansions {

	/** How deep {@code $expand} may nest, as Creatio's OData service allows. */
	static final int MAX_DEPTH = 2;

	private final EntitySets sets;

	private final ODataReads reads;

	Expansions(EntitySets sets, ODataReads reads) {
		this.sets = sets;
		this.reads = reads;
	}

	/**
	 * Refuses, before anything is read, an {@code $expand} nested deeper than
	 * {@link #MAX_DEPTH}, and the options that choose among rows ({@code $filter},
	 * {@code $orderby}, {@code $top}, {@code $skip}, {@code $count}) given to a
	 * navigation that leads to one row, rather than ignore them.
	 */
	void check(EntitySetMapping<?> set, @Nullable ExpandOption expand) {
		check(set, expand, 1);
	}

	private void check(EntitySetMapping<?> set, @Nullable ExpandOption expand, int depth) {
		if (expand == null) {
			return;
		}
		if (depth > MAX_DEPTH) {
			throw ODataRequestException.invalidQuery("The request includes a $expand path which is too deep. The"
					+ " maximum depth allowed is " + MAX_DEPTH + ". To increase the limit, set the 'MaxExpansionDepth'"
					+ " property on EnableQueryAttribute or ODataValidationSettings.");
		}
		for (ExpandItem item : expand.getExpandItems()) {
			if (item.isStar()) {
				continue;
			}
			NavigationMapping navigation = navigation(set, item);
			if (!navigation.collection()) {
				refuse(navigation, "$filter", item.getFilterOption());
				refuse(navigation, "$orderby", item.getOrderByOption());
				refuse(navigation, "$top", item.getTopOption());
				refuse(navigation, "$skip", item.getSkipOption());
				refuse(navigation, "$count", item.getCountOption());
			}
			check(this.sets.get(navigation.target()), item.getExpandOption(), depth + 1);
		}
	}

	private static void refuse(NavigationMapping navigation, String name, @Nullable Object option) {
		if (option != null) {
			throw ODataRequestException.invalidQuery("The query option " + name + " cannot be applied to '"
					+ navigation.name() + "': it leads to a single row, and " + name + " applies to collections.");
		}
	}

	<E> List<Row> rows(EntitySetMapping<E> set, List<E> entities, @Nullable ExpandOption expand) {
		List<Row> rows = entities.stream().map(Row::new).toList();
		expand(set, rows, expand);
		return rows;
	}

	@SuppressWarnings("unchecked")
	private <E> void expand(EntitySetMapping<E> set, List<Row> rows, @Nullable ExpandOption expand) {
		if (expand == null || rows.isEmpty()) {
			return;
		}
		for (ExpandItem item : expand.getExpandItems()) {
			List<NavigationMapping> navigations = item.isStar() ? set.navigations() : List.of(navigation(set, item));
			for (NavigationMapping navigation : navigations) {
				EntitySetMapping<Object> target = (EntitySetMapping<Object>) this.sets.get(navigation.target());
				ODataQuery query = item.isStar() ? new ODataQuery(null, List.of(), 0, null, false, null, null)
						: ODataQuery.of(item);
				if (navigation.collection()) {
					expandCollection(set, rows, navigation, target, query);
				}
				else {
					expandSingle(set, rows, navigation, target, query);
				}
			}
		}
	}

	private static NavigationMapping navigation(EntitySetMapping<?> set, ExpandItem item) {
		List<UriResource> parts = item.getResourcePath().getUriResourceParts();
		UriResource last = parts.get(parts.size() - 1);
		if (!(last instanceof UriResourceNavigation navigation)) {
			throw ODataRequestException.invalidQuery("Only navigation properties can be expanded.");
		}
		return set.navigation(navigation.getProperty().getName()).orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private <E> void expandSingle(EntitySetMapping<E> set, List<Row> rows, NavigationMapping navigation,
			EntitySetMapping<Object> target, ODataQuery query) {
		ColumnMapping<E> lookup = set.column(navigation.column()).orElseThrow();
		Set<UUID> ids = new LinkedHashSet<>();
		for (Row row : rows) {
			Object id = lookup.reader().apply((E) row.entity());
			if (id != null) {
				ids.add((UUID) id);
			}
		}
		Map<UUID, Row> targets = new LinkedHashMap<>();
		List<Object> entities = this.reads.byIds(target, ids);
		List<Row> targetRows = rows(target, entities, query.expand());
		for (Row targetRow : targetRows) {
			targets.put(target.id(targetRow.entity()), targetRow);
		}
		for (Row row : rows) {
			Object id = lookup.reader().apply((E) row.entity());
			row.expanded()
				.put(navigation.name(),
						new Row.Expanded((id != null) ? targets.get(id) : null, null, null, query.select()));
		}
	}

	@SuppressWarnings("unchecked")
	private <E> void expandCollection(EntitySetMapping<E> set, List<Row> rows, NavigationMapping navigation,
			EntitySetMapping<Object> target, ODataQuery query) {
		Map<UUID, Row> parents = new LinkedHashMap<>();
		for (Row row : rows) {
			parents.put(set.id((E) row.entity()), row);
		}
		ODataReads.Restriction restriction = new ODataReads.Restriction(navigation.column(), parents.keySet());
		List<Object> children = this.reads.list(target, query.filter(), query.orders(), 0, Integer.MAX_VALUE,
				restriction);
		ColumnMapping<Object> back = target.column(navigation.column()).orElseThrow();
		Map<UUID, List<Row>> byParent = new LinkedHashMap<>();
		for (Row child : rows(target, children, query.expand())) {
			byParent.computeIfAbsent((UUID) back.reader().apply(child.entity()), (id) -> new ArrayList<>()).add(child);
		}
		for (Map.Entry<UUID, Row> parent : parents.entrySet()) {
			List<Row> all = byParent.getOrDefault(parent.getKey(), List.of());
			List<Row> page = all.stream().skip(query.skip()).limit(query.limit()).toList();
			Long count = query.count() ? (long) all.size() : null;
			parent.getValue().expanded().put(navigation.name(), new Row.Expanded(null, page, count, query.select()));
		}
	}

}
