package io.adsw.bpmsoft.emulator.odata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.StorableText;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Nulls;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.ODataApplicationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceLambdaAll;
import org.apache.olingo.server.api.uri.UriResourceLambdaAny;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;

import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitException;
import org.apache.olingo.server.api.uri.queryoption.expression.ExpressionVisitor;
import org.apache.olingo.server.api.uri.queryoption.expression.Literal;
import org.apache.olingo.server.api.uri.queryoption.expression.Member;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.api.uri.queryoption.expression.UnaryOperatorKind;
import org.jspecify.annotations.Nullable;

/**
 * Turns the expression trees Olingo parses from {@code $filter} and {@code $orderby} into
 * JPA criteria, so the database filters and sorts. Lookups through navigation paths
 * ({@code Status/Name}, {@code VisaOwner/Email}) become left joins on the lookup column.
 * <p>
 * Empty values compare as Creatio shows them: the empty GUID, {@code ''},
 * {@code 0001-01-01} and {@code 0} stand for a column the database holds as {@code NULL},
 * in every comparison and under {@code not}, so SQL's logic of {@code NULL} never drops a
 * row whose column is shown empty. A property of a row reached through a lookup that
 * finds none keeps SQL's logic, as Creatio's left joins on SQL Server do: no comparison
 * with it holds, {@code not} included, but {@code eq null}.
 */
class FilterTranslator implements ExpressionVisitor<Operand> {

	private static final Logger logger = LoggerFactory.getLogger(FilterTranslator.class);

	static final String UNTRANSLATABLE = "The expression cannot be evaluated by the data service: compare a"
			+ " property, or a function of one, with a value.";

	private static final String GUID = "Edm.Guid";

	private static final String STRING = "Edm.String";

	private static final String BOOLEAN = "Edm.Boolean";

	private static final String INT32 = "Edm.Int32";

	private static final String DATE_TIME_OFFSET = "Edm.DateTimeOffset";

	private static final Set<String> NUMBERS = Set.of("Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64",
			"Edm.Decimal", "Edm.Double", "Edm.Single");

	private static final Set<String> SMALL_INTEGERS = Set.of("Edm.Byte", "Edm.SByte", "Edm.Int16");

	private static final Set<String> INTEGERS = Set.of("Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64");

	private static final UUID EMPTY_GUID = new UUID(0, 0);

	private static final Instant EMPTY_DATE = Instant.parse(CreatioJson.EMPTY_DATE);

	private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);

	private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

	private static final Map<BinaryOperatorKind, String> OPERATOR_NAMES = Map.of(BinaryOperatorKind.EQ, "Equal",
			BinaryOperatorKind.NE, "NotEqual", BinaryOperatorKind.GT, "GreaterThan", BinaryOperatorKind.GE,
			"GreaterThanOrEqual", BinaryOperatorKind.LT, "LessThan", BinaryOperatorKind.LE, "LessThanOrEqual");

	/** ASP.NET OData's refusal of a filter that is not a condition. */
	static final String NOT_BOOLEAN = "The $filter expression must evaluate to a single boolean value.";

	private final EntitySets sets;

	private final EntitySetMapping<?> root;

	private final From<?, ?> from;

	private final CriteriaBuilder criteria;

	private final Map<String, From<?, ?>> joins = new HashMap<>();

	/** Whether a {@code $orderby} item is translated, for the words of a refusal. */
	private boolean sorting;

	FilterTranslator(EntitySets sets, EntitySetMapping<?> root, From<?, ?> from, CriteriaBuilder criteria) {
		this.sets = sets;
		this.root = root;
		this.from = from;
		this.criteria = criteria;
	}

	/** The predicate of a {@code $filter} expression. */
	Predicate predicate(org.apache.olingo.server.api.uri.queryoption.expression.Expression filter) {
		this.sorting = false;
		return asPredicate(translate(filter));
	}

	/**
	 * The order of a {@code $orderby} item; empty text sorts as {@code ''}, and nothing
	 * ({@code NULL}) before every value, first going up and last going down.
	 */
	Order order(org.apache.olingo.server.api.uri.queryoption.expression.Expression item, boolean descending) {
		this.sorting = true;
		Operand operand = asValue(translate(item));
		if (operand.isLiteral()) {
			throw ODataRequestException.invalidQuery("Only properties and functions of them can be sorted on.");
		}
		Operand.Column column = operand.column();
		if (column != null && column.nullable() && column.present() == null && STRING.equals(operand.type())) {
			// The row's own text column as it is, so that its index can give the order:
			// an
			// empty one held as NULL sorts next to '', the smallest text there is.
			Expression<?> path = expression(operand);
			return descending ? this.criteria.desc(path, Nulls.LAST) : this.criteria.asc(path, Nulls.FIRST);
		}
		Expression<?> key = shown(operand);
		if (column != null && !column.nullable() && column.present() == null) {
			return descending ? this.criteria.desc(key) : this.criteria.asc(key);
		}
		// Nothing sorts before everything else, as on SQL Server, on PostgreSQL too
		// (which
		// puts NULL last going up): a column of a lookup that finds no row, an empty
		// column that is not text.
		return descending ? this.criteria.desc(key, Nulls.LAST) : this.criteria.asc(key, Nulls.FIRST);
	}

	private Operand translate(org.apache.olingo.server.api.uri.queryoption.expression.Expression expression) {
		try {
			return expression.accept(this);
		}
		// Olingo's visitor declares these for expressions it cannot walk: the query's
		// fault, in its words.
		catch (ExpressionVisitException | ODataApplicationException ex) {
			throw ODataRequestException.invalidQuery(ex.getMessage());
		}
		// An expression Olingo parsed that the database query cannot be built from (two
		// values compared with no column, say): still the query's, so a 400, but the
		// words of what failed are the stand's own, kept for its log.
		catch (ODataRequestException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("A query option could not be translated into a database query", ex);
			throw ODataRequestException.invalidQuery(UNTRANSLATABLE);
		}
	}

	@Override
	public Operand visitMember(Member member) {
		List<UriResource> parts = member.getResourcePath().getUriResourceParts();
		EntitySetMapping<?> set = this.root;
		From<?, ?> current = this.from;
		StringBuilder path = new StringBuilder();
		// Refused by name, before the collection the lambda ranges over is.
		for (UriResource part : parts) {
			if (part instanceof UriResourceLambdaAny) {
				throw lambda("any");
			}
			if (part instanceof UriResourceLambdaAll) {
				throw lambda("all");
			}
		}
		for (UriResource part : parts) {
			if (part instanceof UriResourceNavigation navigation) {
				String name = navigation.getProperty().getName();
				NavigationMapping mapping = set.navigation(name).orElseThrow();
				if (mapping.collection()) {
					throw ODataRequestException.invalidQuery(this.sorting
							? "Sorting through the collection '" + name
									+ "' is not supported; sort the collection itself instead."
							: "Filtering through the collection '" + name
									+ "' is not supported; filter the collection itself instead.");
				}
				path.append(name).append('/');
				EntitySetMapping<?> target = this.sets.get(mapping.target());
				current = join(path.toString(), current, set, mapping, target);
				set = target;
			}
			else if (part instanceof UriResourcePrimitiveProperty property) {
				ColumnMapping<?> column = set.column(property.getProperty().getName()).orElseThrow();
				return Operand.column(column.path().of(current, this.criteria),
						column.type().getFullQualifiedName().toString(), column.nullable(),
						(current != this.from) ? present(set, current) : null);
			}
			else {
				throw ODataRequestException.invalidQuery("The expression '" + part + "' is not supported in a filter.");
			}
		}
		throw ODataRequestException
			.invalidQuery("A navigation property cannot be compared; name one of its properties.");
	}

	/**
	 * Whether the joined row is there: {@code id = id}, true when the left join found the
	 * row and unknown when it did not, so that conditions built on it keep SQL's logic.
	 */
	private Predicate present(EntitySetMapping<?> set, From<?, ?> join) {
		Expression<?> id = set.column("Id").orElseThrow().path().of(join, this.criteria);
		return this.criteria.equal(id, id);
	}

	private From<?, ?> join(String path, From<?, ?> source, EntitySetMapping<?> sourceSet, NavigationMapping navigation,
			EntitySetMapping<?> target) {
		return this.joins.computeIfAbsent(path, (key) -> {
			if (navigation.join() != null) {
				return navigation.join().of(source, this.criteria);
			}
			Join<?, ?> join = source.join(target.entityClass(), JoinType.LEFT);
			ColumnMapping<?> lookup = sourceSet.column(navigation.column()).orElseThrow();
			join.on(this.criteria.equal(ColumnMapping.attribute(join, "id"), lookup.path().of(source, this.criteria)));
			return join;
		});
	}

	@Override
	public Operand visitLiteral(Literal literal) {
		EdmType type = literal.getType();
		if (type == null) {
			return Operand.literal(null, null);
		}
		String name = type.getFullQualifiedName().toString();
		EdmPrimitiveType primitive = (EdmPrimitiveType) type;
		try {
			String text = primitive.fromUriLiteral(literal.getText());
			if (name.equals(STRING) && StorableText.holdsNul(text)) {
				throw ODataRequestException.invalidQuery("A string literal cannot hold the character U+0000.");
			}
			Object value = switch (name) {
				case GUID -> primitive.valueOfString(text, null, null, null, null, null, UUID.class);
				case STRING -> primitive.valueOfString(text, null, null, null, null, null, String.class);
				case BOOLEAN -> primitive.valueOfString(text, null, null, null, null, null, Boolean.class);
				case DATE_TIME_OFFSET ->
					primitive.valueOfString(text, null, null, 7, null, null, Timestamp.class).toInstant();
				// Numbers of every kind are compared by value: 1.0 equals 1.
				default -> !NUMBERS.contains(name) ? text : INTEGERS.contains(name)
						? BigDecimal.valueOf(primitive.valueOfString(text, null, null, null, null, null, Long.class))
						// A literal's decimals are its own: any scale.
						: primitive.valueOfString(text, null, null, null, Integer.MAX_VALUE, null, BigDecimal.class);
			};
			return Operand.literal(value, name);
		}
		catch (EdmPrimitiveTypeException ex) {
			throw ODataRequestException
				.invalidQuery("The literal '" + literal.getText() + "' is not a valid " + name + ".");
		}
	}

	@Override
	public Operand visitBinaryOperator(BinaryOperatorKind operator, Operand left, Operand right) {
		return switch (operator) {
			case AND -> Operand.condition(this.criteria.and(asPredicate(left), asPredicate(right)),
					this.criteria.and(exact(left), exact(right)), BOOLEAN);
			case OR -> Operand.condition(this.criteria.or(asPredicate(left), asPredicate(right)),
					this.criteria.or(exact(left), exact(right)), BOOLEAN);
			case EQ, NE, GT, GE, LT, LE -> compare(operator, left, right);
			case IN -> throw ODataRequestException
				.invalidQuery("The operator 'in' takes a list in parentheses: Name in ('a', 'b').");
			default -> throw ODataRequestException
				.invalidQuery("The operator '" + operator.toString().toLowerCase(Locale.ROOT) + "' is not supported.");
		};
	}

	@Override
	public Operand visitBinaryOperator(BinaryOperatorKind operator, Operand left, List<Operand> right) {
		if (operator != BinaryOperatorKind.IN || left.isLiteral()) {
			throw ODataRequestException.invalidQuery("The operator '" + operator + "' is not supported here.");
		}
		left = asValue(left);
		List<Object> values = new ArrayList<>();
		boolean empty = false;
		for (Operand item : right) {
			if (!item.isLiteral()) {
				throw ODataRequestException.invalidQuery("The operator 'in' takes a list of literals.");
			}
			checkTypes(BinaryOperatorKind.EQ, left, item);
			empty = empty || item.isNullLiteral() || holds(BinaryOperatorKind.EQ, emptyValue(left), item.value());
			if (!item.isNullLiteral()) {
				values.add(item.value());
			}
		}
		Predicate in = in(left, values);
		Operand.Column column = left.column();
		if (column == null || !column.nullable()) {
			return Operand.of(in, BOOLEAN);
		}
		return withEmptyColumn(left, empty, in);
	}

	@Override
	public Operand visitUnaryOperator(UnaryOperatorKind operator, Operand operand) {
		if (operator == UnaryOperatorKind.NOT) {
			return Operand.of(this.criteria.not(exact(operand)), BOOLEAN);
		}
		throw ODataRequestException.invalidQuery("The operator '" + operator + "' is not supported.");
	}

	/** The functions the data service runs; Olingo knows more. */
	static final Set<MethodKind> FUNCTIONS = Set.of(MethodKind.CONTAINS, MethodKind.STARTSWITH, MethodKind.ENDSWITH,
			MethodKind.TOLOWER, MethodKind.TOUPPER, MethodKind.TRIM, MethodKind.LENGTH);

	/** The refusal of a function the data service does not run. */
	static ODataRequestException unsupported(MethodKind method) {
		return ODataRequestException.invalidQuery("The function '" + method.toString() + "' is not supported.");
	}

	@Override
	public Operand visitMethodCall(MethodKind method, List<Operand> parameters) {
		return switch (method) {
			case CONTAINS -> like(parameters, "%", "%");
			case STARTSWITH -> like(parameters, "", "%");
			case ENDSWITH -> like(parameters, "%", "");
			case TOLOWER -> text(parameters, this.criteria::lower, (text) -> text.toLowerCase(Locale.ROOT));
			case TOUPPER -> text(parameters, this.criteria::upper, (text) -> text.toUpperCase(Locale.ROOT));
			case TRIM -> text(parameters, this.criteria::trim, String::strip);
			case LENGTH -> length(parameters.get(0));
			default -> throw unsupported(method);
		};
	}

	private Operand like(List<Operand> parameters, String prefix, String suffix) {
		Operand subject = parameters.get(0);
		Operand pattern = parameters.get(1);
		if (subject.isLiteral() || !STRING.equals(pattern.type()) || !STRING.equals(subject.type())) {
			throw ODataRequestException.invalidQuery("String functions take a string property (or a function of one)"
					+ " first and a string second: a literal, or another string property.");
		}
		if (!pattern.isLiteral()) {
			return Operand.of(inText(shownText(subject), shownText(pattern), prefix, suffix), BOOLEAN);
		}
		String escaped = ((String) pattern.value()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		Operand.Column column = subject.column();
		if (column == null || !column.nullable()) {
			return Operand.of(this.criteria.like(shownText(subject), prefix + escaped + suffix, '\\'), BOOLEAN);
		}
		// The column itself, not its shown form, so that a prefix search can use its
		// index
		// (startswith(Name,'Iv')); an empty column is '' to every pattern, met only by
		// one
		// that matches anything.
		return withEmptyColumn(subject, escaped.isEmpty(),
				this.criteria.like(stringExpression(subject), prefix + escaped + suffix, '\\'));
	}

	/**
	 * Whether one text holds another, found by its position rather than with
	 * {@code LIKE}, so that a {@code %} or {@code _} in the column is no wildcard:
	 * anywhere ({@code contains}), at the start ({@code startswith}) or at the end
	 * ({@code endswith}). Empty text is in every text, as {@code contains(Name,'')}
	 * finds.
	 */
	private Predicate inText(Expression<String> text, Expression<String> part, String prefix, String suffix) {
		if (!prefix.isEmpty() && !suffix.isEmpty()) {
			return this.criteria.greaterThan(this.criteria.locate(text, part), 0);
		}
		if (prefix.isEmpty()) {
			return this.criteria.equal(this.criteria.locate(text, part), 1);
		}
		Expression<Integer> start = this.criteria
			.sum(this.criteria.diff(this.criteria.length(text), this.criteria.length(part)), this.criteria.literal(1));
		return this.criteria.and(this.criteria.ge(this.criteria.length(text), this.criteria.length(part)),
				this.criteria.equal(this.criteria.substring(text, start), part));
	}

	/**
	 * A text's length, a literal's worked out here (counted in UTF-16 units, as .NET
	 * counts them): the database is given no function of a bare value.
	 */
	private Operand length(Operand operand) {
		if (!STRING.equals(operand.type())) {
			throw ODataRequestException.invalidQuery("String functions take a string.");
		}
		if (operand.isLiteral()) {
			return Operand.literal(((String) operand.value()).length(), INT32);
		}
		return Operand.of(this.criteria.length(shownText(operand)), INT32);
	}

	private Operand text(List<Operand> parameters,
			java.util.function.Function<Expression<String>, Expression<String>> database,
			java.util.function.UnaryOperator<String> literal) {
		Operand operand = parameters.get(0);
		if (!STRING.equals(operand.type())) {
			throw ODataRequestException.invalidQuery("String functions take a string.");
		}
		if (operand.isLiteral()) {
			return Operand.literal(literal.apply((String) operand.value()), STRING);
		}
		return Operand.of(database.apply(shownText(operand)), STRING);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Operand compare(BinaryOperatorKind operator, Operand left, Operand right) {
		if (left.isLiteral() && !right.isLiteral()) {
			return compare(mirror(operator), right, left);
		}
		left = asValue(left);
		right = asValue(right);
		checkTypes(operator, left, right);
		if (left.isLiteral()) {
			return Operand.literal(holds(operator, left.value(), right.value()), BOOLEAN);
		}
		if (!right.isLiteral()) {
			Expression subject = shown(left);
			Expression other = shown(right);
			return Operand.of(switch (operator) {
				case EQ -> this.criteria.equal(subject, other);
				case NE -> this.criteria.notEqual(subject, other);
				case GT -> this.criteria.greaterThan(subject, other);
				case GE -> this.criteria.greaterThanOrEqualTo(subject, other);
				case LT -> this.criteria.lessThan(subject, other);
				default -> this.criteria.lessThanOrEqualTo(subject, other);
			}, BOOLEAN);
		}
		Operand.Column column = left.column();
		if (column != null && column.nullable()) {
			return compareColumn(operator, left, right);
		}
		Expression<?> subject = expression(left);
		if (right.isNullLiteral()) {
			return Operand.of(switch (operator) {
				case EQ -> this.criteria.isNull(subject);
				case NE -> this.criteria.isNotNull(subject);
				default -> this.criteria.disjunction();
			}, BOOLEAN);
		}
		return Operand.of(withValue(operator, left, right.value()), BOOLEAN);
	}

	/**
	 * A column that may be empty compared with a literal, as Creatio shows it: the empty
	 * GUID, {@code ''} or {@code 0001-01-01} stand for {@code NULL}; {@code null} matches
	 * an empty column, or a lookup that finds no row.
	 */
	private Operand compareColumn(BinaryOperatorKind operator, Operand left, Operand right) {
		boolean nullLiteral = right.isNullLiteral();
		if ((nullLiteral || isEmptyValue(right))
				&& (operator == BinaryOperatorKind.EQ || operator == BinaryOperatorKind.NE)) {
			Predicate empty = nullLiteral ? emptyOrAbsent(left) : empty(left);
			return Operand.of((operator == BinaryOperatorKind.EQ) ? empty : this.criteria.not(empty), BOOLEAN);
		}
		if (nullLiteral) {
			// Neither greater nor less than nothing.
			return Operand.of(this.criteria.disjunction(), BOOLEAN);
		}
		return withEmptyColumn(left, holds(operator, emptyValue(left), right.value()),
				withValue(operator, left, right.value()));
	}

	/**
	 * A condition on a column that may be empty, knowing whether an empty value meets it:
	 * when it does, an empty column meets it too; when it does not, the condition as it
	 * is filters the rows (an index serves {@code Email eq 'x'}), and its exact form, for
	 * {@code not}, says false rather than unknown for an empty column.
	 */
	private Operand withEmptyColumn(Operand column, boolean emptyMeetsIt, Predicate condition) {
		Expression<?> path = expression(column);
		Predicate present = column.column().present();
		if (emptyMeetsIt) {
			Predicate empty = (present != null) ? this.criteria.and(this.criteria.isNull(path), present)
					: this.criteria.isNull(path);
			return Operand.of(this.criteria.or(empty, condition), BOOLEAN);
		}
		Predicate known = (present != null)
				? this.criteria.or(this.criteria.isNotNull(path), this.criteria.not(present))
				: this.criteria.isNotNull(path);
		return Operand.condition(condition, this.criteria.and(known, condition), BOOLEAN);
	}

	/**
	 * The column is shown empty: {@code NULL}, or {@code ''} for text; for a lookup that
	 * finds no row, unknown.
	 */
	private Predicate empty(Operand column) {
		Expression<?> path = expression(column);
		Predicate present = column.column().present();
		Predicate isNull = (present != null) ? this.criteria.and(this.criteria.isNull(path), present)
				: this.criteria.isNull(path);
		return STRING.equals(column.type()) ? this.criteria.or(isNull, this.criteria.equal(path, "")) : isNull;
	}

	/** The column is shown empty, or its lookup finds no row. */
	private Predicate emptyOrAbsent(Operand column) {
		Expression<?> path = expression(column);
		Predicate isNull = this.criteria.isNull(path);
		return STRING.equals(column.type()) ? this.criteria.or(isNull, this.criteria.equal(path, "")) : isNull;
	}

	/**
	 * An expression compared with a literal value, which is bound as a parameter: the
	 * statement stays the same whatever value a client looks up, so the database and
	 * Hibernate prepare it once instead of on every request.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate withValue(BinaryOperatorKind operator, Operand left, @Nullable Object value) {
		Expression subject = expression(left);
		if (INT32.equals(left.type()) && value instanceof BigDecimal number) {
			return withNumber(operator, subject, number);
		}
		Comparable comparable = (Comparable) value;
		return switch (operator) {
			case EQ -> this.criteria.equal(subject, comparable);
			case NE -> this.criteria.notEqual(subject, comparable);
			case GT -> this.criteria.greaterThan(subject, comparable);
			case GE -> this.criteria.greaterThanOrEqualTo(subject, comparable);
			case LT -> this.criteria.lessThan(subject, comparable);
			default -> this.criteria.lessThanOrEqualTo(subject, comparable);
		};
	}

	/**
	 * An integer column compared with any number, by value: {@code Round eq 1.0} finds
	 * round 1, {@code Round eq 1.5} none, {@code Round gt 0.5} rounds from 1; a number
	 * beyond the column's range is above or below every value.
	 */
	private Predicate withNumber(BinaryOperatorKind operator, Expression<Integer> subject, BigDecimal number) {
		return switch (operator) {
			case EQ ->
				isInt(number) ? this.criteria.equal(subject, number.intValueExact()) : this.criteria.disjunction();
			case NE ->
				isInt(number) ? this.criteria.notEqual(subject, number.intValueExact()) : this.criteria.conjunction();
			case GT -> below(subject, number.setScale(0, RoundingMode.FLOOR), false);
			case GE -> below(subject, number.setScale(0, RoundingMode.CEILING), true);
			case LT -> above(subject, number.setScale(0, RoundingMode.CEILING), false);
			default -> above(subject, number.setScale(0, RoundingMode.FLOOR), true);
		};
	}

	/** {@code bound < subject} (or {@code <=}), for a whole number bound. */
	private Predicate below(Expression<Integer> subject, BigDecimal bound, boolean orEqual) {
		if (bound.compareTo(INT_MAX) > 0 || (bound.compareTo(INT_MAX) == 0 && !orEqual)) {
			return this.criteria.disjunction();
		}
		if (bound.compareTo(INT_MIN) < 0 || (bound.compareTo(INT_MIN) == 0 && orEqual)) {
			return this.criteria.conjunction();
		}
		return orEqual ? this.criteria.greaterThanOrEqualTo(subject, bound.intValueExact())
				: this.criteria.greaterThan(subject, bound.intValueExact());
	}

	/** {@code subject < bound} (or {@code <=}), for a whole number bound. */
	private Predicate above(Expression<Integer> subject, BigDecimal bound, boolean orEqual) {
		if (bound.compareTo(INT_MIN) < 0 || (bound.compareTo(INT_MIN) == 0 && !orEqual)) {
			return this.criteria.disjunction();
		}
		if (bound.compareTo(INT_MAX) > 0 || (bound.compareTo(INT_MAX) == 0 && orEqual)) {
			return this.criteria.conjunction();
		}
		return orEqual ? this.criteria.lessThanOrEqualTo(subject, bound.intValueExact())
				: this.criteria.lessThan(subject, bound.intValueExact());
	}

	private static boolean isInt(BigDecimal number) {
		return number.stripTrailingZeros().scale() <= 0 && number.compareTo(INT_MIN) >= 0
				&& number.compareTo(INT_MAX) <= 0;
	}

	/**
	 * {@code in}, by value for integer columns, for the literals Olingo lets through (it
	 * refuses a decimal in the list of an integer property itself).
	 */
	@SuppressWarnings("unchecked")
	private Predicate in(Operand left, List<Object> values) {
		CriteriaBuilder.In<Object> in = this.criteria.in((Expression<Object>) expression(left));
		int count = 0;
		for (Object value : values) {
			if (INT32.equals(left.type()) && value instanceof BigDecimal number) {
				if (!isInt(number)) {
					continue;
				}
				value = number.intValueExact();
			}
			in.value(value);
			count++;
		}
		return (count > 0) ? in : this.criteria.disjunction();
	}

	/** How Creatio shows an empty value of the operand's type. */
	private static @Nullable Object emptyValue(Operand operand) {
		if (operand.type() == null) {
			return null;
		}
		return switch (operand.type()) {
			case STRING -> "";
			case GUID -> EMPTY_GUID;
			case DATE_TIME_OFFSET -> EMPTY_DATE;
			case BOOLEAN -> Boolean.FALSE;
			default -> NUMBERS.contains(operand.type()) ? BigDecimal.ZERO : null;
		};
	}

	/**
	 * Whether a comparison of two values holds, for literals and for how Creatio shows an
	 * empty column; {@code null} equals only {@code null} and orders with nothing.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static boolean holds(BinaryOperatorKind operator, @Nullable Object left, @Nullable Object right) {
		if (left == null || right == null) {
			return switch (operator) {
				case EQ -> left == right;
				case NE -> left != right;
				default -> false;
			};
		}
		int order;
		if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
			order = a.compareTo(b);
		}
		else if (left instanceof UUID a && right instanceof UUID b) {
			// As the databases order GUIDs: by their bytes, unsigned.
			order = a.toString().compareTo(b.toString());
		}
		else {
			order = ((Comparable) left).compareTo(right);
		}
		return switch (operator) {
			case EQ -> order == 0;
			case NE -> order != 0;
			case GT -> order > 0;
			case GE -> order >= 0;
			case LT -> order < 0;
			default -> order <= 0;
		};
	}

	/**
	 * Creatio shows empty values as these; comparing with them means comparing with
	 * empty.
	 */
	private static boolean isEmptyValue(Operand operand) {
		Object value = operand.value();
		return operand.isLiteral() && (EMPTY_GUID.equals(value) || "".equals(value) || EMPTY_DATE.equals(value));
	}

	/**
	 * Refuses comparisons of different types as ASP.NET OData does, e.g. a GUID property
	 * with a quoted string: Creatio writes GUID literals unquoted.
	 */
	private void checkTypes(BinaryOperatorKind operator, Operand left, Operand right) {
		if (left.type() == null || right.type() == null || left.type().equals(right.type())) {
			return;
		}
		if (NUMBERS.contains(left.type()) && NUMBERS.contains(right.type())) {
			return;
		}
		throw incompatible(left.type(), right.type(), OPERATOR_NAMES.getOrDefault(operator, operator.toString()), "");
	}

	/**
	 * Creatio's refusal of a binary operator's operand types, with what may help to write
	 * them.
	 */
	static ODataRequestException incompatible(String left, String right, String operatorKind, String hint) {
		return ODataRequestException.invalidQuery(
				"A binary operator with incompatible types was detected. Found operand" + " types '" + creatioType(left)
						+ "' and '" + creatioType(right) + "' for operator kind '" + operatorKind + "'." + hint);
	}

	/**
	 * A type as Creatio names it in a refusal: Olingo gives a whole number the smallest
	 * type that holds it ({@code Edm.SByte} for {@code 1}), ASP.NET OData
	 * {@code Edm.Int32} unless it needs {@code Edm.Int64}.
	 */
	static String creatioType(String type) {
		return SMALL_INTEGERS.contains(type) ? INT32 : type;
	}

	private static BinaryOperatorKind mirror(BinaryOperatorKind operator) {
		return switch (operator) {
			case GT -> BinaryOperatorKind.LT;
			case GE -> BinaryOperatorKind.LE;
			case LT -> BinaryOperatorKind.GT;
			case LE -> BinaryOperatorKind.GE;
			default -> operator;
		};
	}

	/**
	 * A condition as it filters rows: unknown may stand for false there. The literals
	 * {@code true} and {@code false} are conditions too, as ASP.NET OData takes them.
	 */
	private Predicate asPredicate(Operand operand) {
		if (operand.isLiteral() && operand.value() instanceof Boolean flag) {
			return flag ? this.criteria.conjunction() : this.criteria.disjunction();
		}
		if (operand.isLiteral() || !BOOLEAN.equals(operand.type())) {
			throw ODataRequestException.invalidQuery(NOT_BOOLEAN);
		}
		Expression<?> expression = operand.expression();
		if (expression instanceof Predicate predicate) {
			return predicate;
		}
		@SuppressWarnings("unchecked")
		Expression<Boolean> flag = (Expression<Boolean>) expression;
		return this.criteria.isTrue(flag);
	}

	/**
	 * A condition compared as a value ({@code (Name eq 'a') eq (Email eq 'b')},
	 * {@code (Name eq 'a') eq true}), in {@code in} or in {@code $orderby}: a condition
	 * written as an operand of another comparison loses its parentheses in SQL
	 * ({@code name=?<>email=?}), so it becomes the value {@code true} or {@code false},
	 * which both databases compare and sort; unknown where the condition is (a property
	 * of a lookup that finds no row), so that no comparison with it holds there either.
	 * Other operands as they are.
	 */
	private Operand asValue(Operand operand) {
		if (operand.isLiteral() || operand.column() != null || !BOOLEAN.equals(operand.type())) {
			return operand;
		}
		Predicate condition = exact(operand);
		Expression<Boolean> value = this.criteria.<Boolean>selectCase()
			.when(condition, this.criteria.literal(true))
			.when(this.criteria.not(condition), this.criteria.literal(false));
		return Operand.of(value, BOOLEAN);
	}

	/** A condition in the form {@code not} negates: unknown only for a row not there. */
	private Predicate exact(Operand operand) {
		return (operand.exact() != null) ? operand.exact() : asPredicate(operand);
	}

	/**
	 * The value as Creatio shows it: an empty text column as {@code ''} (for a lookup
	 * that finds no row, still {@code NULL}); other expressions as they are.
	 */
	private Expression<?> shown(Operand operand) {
		Operand.Column column = operand.column();
		if (column == null || !column.nullable() || !STRING.equals(operand.type())) {
			return expression(operand);
		}
		Expression<String> empty = (column.present() != null) ? this.criteria.<String>selectCase()
			.when(column.present(), "")
			.otherwise(this.criteria.nullLiteral(String.class)) : this.criteria.literal("");
		return this.criteria.coalesce(stringExpression(operand), empty);
	}

	@SuppressWarnings("unchecked")
	private Expression<String> shownText(Operand operand) {
		return (Expression<String>) shown(operand);
	}

	@SuppressWarnings("unchecked")
	private static Expression<Object> expression(Operand operand) {
		return (Expression<Object>) operand.expression();
	}

	@SuppressWarnings("unchecked")
	private static Expression<String> stringExpression(Operand operand) {
		return (Expression<String>) operand.expression();
	}

	@Override
	public Operand visitLambdaExpression(String function, String variable,
			org.apache.olingo.server.api.uri.queryoption.expression.Expression expression) {
		throw lambda(function);
	}

	/** The refusal of a lambda operator, {@code any} or {@code all}. */
	static ODataRequestException lambda(String operator) {
		return ODataRequestException
			.invalidQuery("The lambda operator " + operator.toLowerCase(Locale.ROOT) + " is not supported.");
	}

	@Override
	public Operand visitAlias(String alias) {
		throw ODataRequestException.invalidQuery("Parameter aliases are not supported.");
	}

	@Override
	public Operand visitTypeLiteral(EdmType type) {
		throw ODataRequestException.invalidQuery("Type literals are not supported.");
	}

	@Override
	public Operand visitLambdaReference(String variable) {
		throw ODataRequestException.invalidQuery("Lambda operators (any, all) are not supported.");
	}

	@Override
	public Operand visitEnum(EdmEnumType type, List<String> values) {
		throw ODataRequestException.invalidQuery("Enumerations are not supported.");
	}

}
