package io.adsw.bpmsoft.emulator.odata;

import java.sql.Timestamp;
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
import jakarta.persistence.criteria.Predicate;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveType;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException;
import org.apache.olingo.commons.api.edm.EdmType;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceLambdaAll;
import org.apache.olingo.server.api.uri.UriResourceLambdaAny;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.queryoption.expression.BinaryOperatorKind;

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
 * Empty values compare as Creatio shows them: the empty GUID, {@code ''} and
 * {@code 0001-01-01} match an empty column.
 */
class FilterTranslator implements ExpressionVisitor<Operand> {

	private static final String GUID = "Edm.Guid";

	private static final String STRING = "Edm.String";

	private static final String BOOLEAN = "Edm.Boolean";

	private static final String DATE_TIME_OFFSET = "Edm.DateTimeOffset";

	private static final Set<String> NUMBERS = Set.of("Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64",
			"Edm.Decimal", "Edm.Double", "Edm.Single");

	private static final UUID EMPTY_GUID = new UUID(0, 0);

	private static final Map<BinaryOperatorKind, String> OPERATOR_NAMES = Map.of(BinaryOperatorKind.EQ, "Equal",
			BinaryOperatorKind.NE, "NotEqual", BinaryOperatorKind.GT, "GreaterThan", BinaryOperatorKind.GE,
			"GreaterThanOrEqual", BinaryOperatorKind.LT, "LessThan", BinaryOperatorKind.LE, "LessThanOrEqual");

	private final EntitySets sets;

	private final EntitySetMapping<?> root;

	private final From<?, ?> from;

	private final CriteriaBuilder criteria;

	private final Map<String, From<?, ?>> joins = new HashMap<>();

	FilterTranslator(EntitySets sets, EntitySetMapping<?> root, From<?, ?> from, CriteriaBuilder criteria) {
		this.sets = sets;
		this.root = root;
		this.from = from;
		this.criteria = criteria;
	}

	/** The predicate of a {@code $filter} expression. */
	Predicate predicate(org.apache.olingo.server.api.uri.queryoption.expression.Expression filter) {
		return asPredicate(translate(filter));
	}

	/** The database expression a {@code $orderby} item sorts on. */
	Expression<?> sortKey(org.apache.olingo.server.api.uri.queryoption.expression.Expression item) {
		Operand operand = translate(item);
		if (operand.isLiteral()) {
			throw ODataRequestException.invalidQuery("Only properties and functions of them can be sorted on.");
		}
		return operand.expression();
	}

	private Operand translate(org.apache.olingo.server.api.uri.queryoption.expression.Expression expression) {
		try {
			return expression.accept(this);
		}
		catch (ODataRequestException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw ODataRequestException.invalidQuery(ex.getMessage());
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
					throw ODataRequestException.invalidQuery("Filtering through the collection '" + name
							+ "' is not supported; filter the collection itself instead.");
				}
				path.append(name).append('/');
				EntitySetMapping<?> target = this.sets.get(mapping.target());
				current = join(path.toString(), current, set, mapping, target);
				set = target;
			}
			else if (part instanceof UriResourcePrimitiveProperty property) {
				ColumnMapping<?> column = set.column(property.getProperty().getName()).orElseThrow();
				return Operand.of(column.path().of(current, this.criteria),
						column.type().getFullQualifiedName().toString());
			}
			else {
				throw ODataRequestException.invalidQuery("The expression '" + part + "' is not supported in a filter.");
			}
		}
		throw ODataRequestException
			.invalidQuery("A navigation property cannot be compared; name one of its properties.");
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
				default -> NUMBERS.contains(name) ? primitive.valueOfString(text, null, null, null, 0, null, Long.class)
						: text;
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
			case AND -> Operand.of(this.criteria.and(asPredicate(left), asPredicate(right)), BOOLEAN);
			case OR -> Operand.of(this.criteria.or(asPredicate(left), asPredicate(right)), BOOLEAN);
			case EQ, NE, GT, GE, LT, LE -> Operand.of(compare(operator, left, right), BOOLEAN);
			default -> throw ODataRequestException
				.invalidQuery("The operator '" + operator.toString().toLowerCase() + "' is not supported.");
		};
	}

	@Override
	public Operand visitBinaryOperator(BinaryOperatorKind operator, Operand left, List<Operand> right) {
		if (operator != BinaryOperatorKind.IN || left.isLiteral()) {
			throw ODataRequestException.invalidQuery("The operator '" + operator + "' is not supported here.");
		}
		CriteriaBuilder.In<Object> in = this.criteria.in(expression(left));
		for (Operand item : right) {
			checkTypes(BinaryOperatorKind.EQ, left, item);
			in.value(item.value());
		}
		return Operand.of(in, BOOLEAN);
	}

	@Override
	public Operand visitUnaryOperator(UnaryOperatorKind operator, Operand operand) {
		if (operator == UnaryOperatorKind.NOT) {
			return Operand.of(this.criteria.not(asPredicate(operand)), BOOLEAN);
		}
		throw ODataRequestException.invalidQuery("The operator '" + operator + "' is not supported.");
	}

	@Override
	public Operand visitMethodCall(MethodKind method, List<Operand> parameters) {
		return switch (method) {
			case CONTAINS -> like(parameters, "%", "%");
			case STARTSWITH -> like(parameters, "", "%");
			case ENDSWITH -> like(parameters, "%", "");
			case TOLOWER -> text(parameters, this.criteria::lower, String::toLowerCase);
			case TOUPPER -> text(parameters, this.criteria::upper, String::toUpperCase);
			case TRIM -> text(parameters, this.criteria::trim, String::strip);
			case LENGTH -> Operand.of(this.criteria.length(stringExpression(parameters.get(0))), "Edm.Int32");
			default ->
				throw ODataRequestException.invalidQuery("The function '" + method.toString() + "' is not supported.");
		};
	}

	private Operand like(List<Operand> parameters, String prefix, String suffix) {
		Operand subject = parameters.get(0);
		Operand pattern = parameters.get(1);
		if (subject.isLiteral() || !pattern.isLiteral() || !STRING.equals(pattern.type())
				|| !STRING.equals(subject.type())) {
			throw ODataRequestException
				.invalidQuery("String functions take a string property first and a string literal second.");
		}
		String escaped = ((String) pattern.value()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return Operand.of(this.criteria.like(stringExpression(subject), prefix + escaped + suffix, '\\'), BOOLEAN);
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
		return Operand.of(database.apply(stringExpression(operand)), STRING);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate compare(BinaryOperatorKind operator, Operand left, Operand right) {
		if (left.isLiteral() && !right.isLiteral()) {
			return compare(mirror(operator), right, left);
		}
		checkTypes(operator, left, right);
		Expression subject = expression(left);
		if (right.isNullLiteral() || isEmptyValue(right)) {
			Predicate empty = this.criteria.isNull(subject);
			if (STRING.equals(left.type())) {
				empty = this.criteria.or(empty, this.criteria.equal(subject, ""));
			}
			if (operator == BinaryOperatorKind.EQ) {
				return empty;
			}
			if (operator == BinaryOperatorKind.NE) {
				return this.criteria.not(empty);
			}
		}
		if (right.isLiteral()) {
			return compareWithValue(operator, subject, literalValue(left, right));
		}
		Expression other = expression(right);
		return switch (operator) {
			case EQ -> this.criteria.equal(subject, other);
			case NE -> this.criteria.notEqual(subject, other);
			case GT -> this.criteria.greaterThan(subject, other);
			case GE -> this.criteria.greaterThanOrEqualTo(subject, other);
			case LT -> this.criteria.lessThan(subject, other);
			default -> this.criteria.lessThanOrEqualTo(subject, other);
		};
	}

	/**
	 * A literal is compared as a bound parameter, not written into the SQL: the statement
	 * stays the same whatever value a client looks up, so the database and Hibernate
	 * prepare it once instead of on every request.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Predicate compareWithValue(BinaryOperatorKind operator, Expression subject, Comparable value) {
		return switch (operator) {
			case EQ -> this.criteria.equal(subject, value);
			case NE -> this.criteria.notEqual(subject, value);
			case GT -> this.criteria.greaterThan(subject, value);
			case GE -> this.criteria.greaterThanOrEqualTo(subject, value);
			case LT -> this.criteria.lessThan(subject, value);
			default -> this.criteria.lessThanOrEqualTo(subject, value);
		};
	}

	private static Comparable<?> literalValue(Operand property, Operand literal) {
		if (literal.value() instanceof Long number && "Edm.Int32".equals(property.type())) {
			return number.intValue();
		}
		return (Comparable<?>) literal.value();
	}

	/**
	 * Creatio shows empty values as these; comparing with them means comparing with
	 * empty.
	 */
	private static boolean isEmptyValue(Operand operand) {
		Object value = operand.value();
		return operand.isLiteral() && (EMPTY_GUID.equals(value) || "".equals(value)
				|| (value instanceof java.time.Instant instant && instant.getEpochSecond() == -62135596800L));
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
		throw ODataRequestException.invalidQuery("A binary operator with incompatible types was detected. Found operand"
				+ " types '" + left.type() + "' and '" + right.type() + "' for operator kind '"
				+ OPERATOR_NAMES.getOrDefault(operator, operator.toString()) + "'.");
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

	private Predicate asPredicate(Operand operand) {
		if (operand.isLiteral() || !BOOLEAN.equals(operand.type())) {
			throw ODataRequestException.invalidQuery("The $filter expression must evaluate to a boolean.");
		}
		Expression<?> expression = operand.expression();
		if (expression instanceof Predicate predicate) {
			return predicate;
		}
		@SuppressWarnings("unchecked")
		Expression<Boolean> flag = (Expression<Boolean>) expression;
		return this.criteria.isTrue(flag);
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
