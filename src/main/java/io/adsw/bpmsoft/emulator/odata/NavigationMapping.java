package io.adsw.bpmsoft.emulator.odata;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.From;
import org.jspecify.annotations.Nullable;

/**
 * A navigation property, always resolved through a lookup column as Creatio does: a
 * single-valued navigation ({@code Status}) follows this set's column ({@code StatusId})
 * to the target's {@code Id}; a collection ({@code ApprovalVisaCollectionByApproval})
 * gathers the target rows whose column ({@code ApprovalId}) holds this row's {@code Id}.
 *
 * @param name the navigation property's name
 * @param target the target entity set
 * @param collection whether it leads to many rows
 * @param partner the navigation property leading back, if any
 * @param column for a single-valued navigation this set's lookup column; for a collection
 * the target's column that refers back
 */
record NavigationMapping(String name, String target, boolean collection, @Nullable String partner, String column,
		@Nullable Join join) {

	/**
	 * A navigation with a join of its own, for lookups joined otherwise than by their id.
	 */
	@FunctionalInterface
	interface Join {

		From<?, ?> of(From<?, ?> from, CriteriaBuilder criteria);

	}

	NavigationMapping(String name, String target, boolean collection, @Nullable String partner, String column) {
		this(name, target, collection, partner, column, null);
	}

	/**
	 * For the EDM's referential constraint: the lookup column on this side, if it is
	 * here.
	 */
	@Nullable String foreignKey() {
		return this.collection ? null : this.column;
	}

}
