package io.adsw.bpmsoft.emulator.odata;

import jakarta.persistence.criteria.Expression;
import org.jspecify.annotations.Nullable;

/**
 * A side of a {@code $filter} comparison: a database expression (a property, a function
 * of one), or a literal value; both with the EDM type name ({@code Edm.Guid}, ...) that
 * type checks use.
 *
 * @param expression the database expression, or {@code null} for a literal
 * @param value the literal's value, {@code null} for the {@code null} literal or an
 * expression
 * @param type the EDM type's full name, {@code null} for the {@code null} literal
 */
record Operand(@Nullable Expression<?> expression, @Nullable Object value, @Nullable String type) {

	static Operand of(Expression<?> expression, String type) {
		return new Operand(expression, null, type);
	}

	static Operand literal(@Nullable Object value, @Nullable String type) {
		return new Operand(null, value, type);
	}

	boolean isLiteral() {
		return this.expression == null;
	}

	boolean isNullLiteral() {
		return this.expression == null && this.value == null;
	}

}
