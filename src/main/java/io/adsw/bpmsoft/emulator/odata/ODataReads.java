package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.apache.olingo.server.api.uri.queryoption.OrderByItem;
import org.apache.olingo.server.api.uri.queryoption.expression.Expression;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Reads entity sets with JPA criteria: {@code $filter}, {@code $orderby}, {@code $skip},
 * {@code $top} and {@code $count} all run in the database.
 */
@Component
class ODataReads {

	private final EntityManager entityManager;

	private final EntitySets sets;

	ODataReads(EntityManager entityManager, EntitySets sets) {
		this.entityManager = entityManager;
		this.sets = sets;
	}

	/**
	 * Rows restricted to those whose column holds one of the values, e.g. the visas of
	 * some approvals.
	 */
	record Restriction(String column, Collection<UUID> values) {

	}

	<E> List<E> list(EntitySetMapping<E> set, @Nullable Expression filter, List<OrderByItem> orders, int skip,
			int limit, @Nullable Restriction restriction) {
		CriteriaBuilder criteria = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<E> query = criteria.createQuery(set.entityClass());
		Root<E> root = query.from(set.entityClass());
		FilterTranslator translator = new FilterTranslator(this.sets, set, root, criteria);
		query.select(root).where(where(set, root, criteria, translator, filter, restriction));
		List<Order> order = new ArrayList<>();
		if (restriction != null) {
			order.add(criteria.asc(set.column(restriction.column()).orElseThrow().path().of(root, criteria)));
		}
		for (OrderByItem item : orders) {
			order.add(translator.order(item.getExpression(), item.isDescending()));
		}
		// A stable order, so that pages of the same query neither repeat nor skip rows.
		order.add(criteria.asc(root.get("id")));
		query.orderBy(order);
		return this.entityManager.createQuery(query).setFirstResult(skip).setMaxResults(limit).getResultList();
	}

	<E> long count(EntitySetMapping<E> set, @Nullable Expression filter, @Nullable Restriction restriction) {
		CriteriaBuilder criteria = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Long> query = criteria.createQuery(Long.class);
		Root<E> root = query.from(set.entityClass());
		FilterTranslator translator = new FilterTranslator(this.sets, set, root, criteria);
		query.select(criteria.count(root)).where(where(set, root, criteria, translator, filter, restriction));
		return this.entityManager.createQuery(query).getSingleResult();
	}

	<E> Optional<E> byId(EntitySetMapping<E> set, UUID id) {
		return Optional.ofNullable(this.entityManager.find(set.entityClass(), id));
	}

	/**
	 * The row a path to one row names: {@code Collection(<id>)}, or the row its
	 * single-valued navigation leads to ({@code Contact(<id>)/CreatedBy}). A lookup that
	 * names no row, empty or not, leads nowhere, as Creatio's left join finds nothing.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	RowAtPath single(ResourcePath path) {
		EntitySetMapping set = path.set();
		Optional<?> row = byId(set, path.key());
		NavigationMapping navigation = path.navigation();
		if (row.isEmpty() || navigation == null) {
			return row.<RowAtPath>map((found) -> RowAtPath.found(set, found)).orElse(RowAtPath.unknownKey(set));
		}
		EntitySetMapping target = this.sets.get(navigation.target());
		ColumnMapping lookup = (ColumnMapping) set.column(navigation.column()).orElseThrow();
		Object id = lookup.reader().apply(row.get());
		Optional<?> found = (id != null) ? byId(target, (UUID) id) : Optional.empty();
		return found.<RowAtPath>map((value) -> RowAtPath.found(target, value)).orElse(RowAtPath.emptyLookup(target));
	}

	<E> List<E> byIds(EntitySetMapping<E> set, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return list(set, null, List.of(), 0, Integer.MAX_VALUE, new Restriction("Id", ids));
	}

	private static <E> Predicate where(EntitySetMapping<E> set, Root<E> root, CriteriaBuilder criteria,
			FilterTranslator translator, @Nullable Expression filter, @Nullable Restriction restriction) {
		List<Predicate> predicates = new ArrayList<>();
		if (filter != null) {
			predicates.add(translator.predicate(filter));
		}
		if (restriction != null) {
			predicates
				.add(set.column(restriction.column()).orElseThrow().path().of(root, criteria).in(restriction.values()));
		}
		return criteria.and(predicates.toArray(Predicate[]::new));
	}

}
