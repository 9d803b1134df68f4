package io.adsw.bpmsoft.emulator.odata;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A side of a {@code $filter} comparison: a database expression (a property, a function
 * of one, a condition), or a literal value; both with the EDM type name
 * ({@code Edm.Guid}, ...) that type checks use.
 *
 * @param expression the database expression, or {@code null} for a literal
 * @param value the literal's value, {@code null} for the {@code null} literal or an
 * expression
 * @param type the EDM type's full name, {@code null} for the {@code null} literal
 * @param column for a property itself, where it is: see {@link Column}
 * @param exact for a condition that SQL may find unknown where it is simply false (a
 * comparison with a column that is {@code NULL} when empty), the same condition never
 * unknown there, for {@code not} to negate; {@code null} when the expression is so
 * already
 */
record Operand(@Nullable Expression<?> expression, @Nullable Object value, @Nullable String type,
		@Nullable Column column, @Nullable Predicate exact) {

	/**
	 * Where a property is.
	 *
	 * @param nullable whether it may be empty, which the database may hold as
	 * {@code NULL}
	 * @param present for a property of a row reached through a lookup, a condition true
	 * when that row is there and unknown when it is not (SQL's logic for a left join that
	 * found nothing); {@code null} for the filtered row's own properties
	 */
	record Column(boolean nullable, @Nullable Predicate present) {

	}

	static Operand of(Expression<?> expression, String type) {
		return new Operand(expression, null, type, null, null);
	}

	static Operand column(Expression<?> expression, String type, boolean nullable, @Nullable Predicate present) {
		return new Operand(expression, null, type, new Column(nullable, present), null);
	}

	/** A condition, with its form that is never unknown where it is false. */
	static Operand condition(Predicate predicate, Predicate exact, String type) {
		return new Operand(predicate, null, type, null, (exact != predicate) ? exact : null);
	}

	static Operand literal(@Nullable Object value, @Nullable String type) {
		return new Operand(null, value, type, null, null);
	}

	boolean isLiteral() {
		return this.expression == null;
	}

	boolean isNullLiteral() {
		return this.expression == null && this.value == null;
	}

}
