package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ODataServerError;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.ErrorProcessor;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceKind;
import org.apache.olingo.server.api.uri.queryoption.expression.MethodKind;
import org.apache.olingo.server.core.ContentNegotiatorException;
import org.apache.olingo.server.core.ODataExceptionHelper;
import org.apache.olingo.server.core.ODataHandlerException;
import org.apache.olingo.server.core.uri.parser.Parser;
import org.apache.olingo.server.core.uri.parser.UriParserException;
import org.apache.olingo.server.core.uri.parser.UriParserSemanticException;
import org.apache.olingo.server.core.uri.parser.UriParserSyntaxException;
import org.apache.olingo.server.core.uri.validator.UriValidationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error in Creatio's shapes: the OData envelope
 * {@code {"error":{"code":"","message":...,"innererror":{...}}}} with ASP.NET OData's
 * wording for bad queries and bodies, and ASP.NET Web API's
 * {@code {"Message":...,"MessageDetail":...}} 404 for a path that names no entity set or
 * no valid key. Failures are logged here and answered {@code An error has occurred.},
 * with no detail.
 */
class CreatioErrorProcessor implements ErrorProcessor {

	private static final Logger logger = LoggerFactory.getLogger(CreatioErrorProcessor.class);

	private static final String OLINGO_URI_PARSER = "org.apache.olingo.server.core.uri.parser.";

	private static final String EXPAND_PARSER = OLINGO_URI_PARSER + "ExpandParser";

	private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

	/** A lambda operator after a path, as in {@code Collection/any(d: ...)}. */
	private static final Pattern LAMBDA = Pattern.compile("/\\s*(any|all)\\s*\\(");

	/** A version header as Olingo can read it: a number, with or without its fraction. */
	private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)?");

	private static final String JSON_ONLY = "the data service answers in JSON only.";

	/** What a 415 for an entity's body says the data service reads. */
	static final String JSON_BODIES = "The data service reads request bodies in JSON: send them with Content-Type:"
			+ " application/json.";

	/** Olingo's URI parser and validator, whose refusals are about the request's URI. */
	private static final String OLINGO_URI_VALIDATOR = "org.apache.olingo.server.core.uri.";

	/** A function's call, by its name. */
	private static final Pattern FUNCTION_CALL = Pattern.compile("(?<![\\w.'])(\\w+)\\s*\\(");

	/** A comparison: its left operand's last name, its operator, its right operand. */
	private static final Pattern OPERATOR = Pattern.compile("([\\w.]+)\\)*\\s+(eq|ne|gt|ge|lt|le)\\s+([^\\s&,()]*)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBER = Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");

	private static final List<String> NUMBER_TYPES = List.of("Edm.SByte", "Edm.Byte", "Edm.Int16", "Edm.Int32",
			"Edm.Int64", "Edm.Decimal", "Edm.Single", "Edm.Double");

	/**
	 * The literals whose form tells their type, as Olingo reads them. Text is left out: a
	 * comparison with text is no sign of the one refused.
	 */
	private static final Map<String, Pattern> LITERAL_TYPES = Map.of("Edm.Date",
			Pattern.compile("^\\d{4}-\\d{2}-\\d{2}(?![\\d:]|T\\d{2}:\\d{2}(:[\\d.]+)?(Z|[+-]\\d)).*"),
			"Edm.DateTimeOffset", Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:[\\d.]+)?(Z|[+-]\\d).*"),
			"Edm.Boolean", Pattern.compile("^(?i)(true|false)\\b.*"), "Edm.Guid",
			Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}.*"));

	/** A path of names joined by slashes, {@code Status/CreatedBy/Name}. */
	private static final Pattern PATH = Pattern.compile("(?<![\\w$.])[A-Za-z_][\\w.]*(?:/[A-Za-z_$][\\w.]*)+");

	/** A query option as it starts, {@code $filter=}, nested in {@code $expand} too. */
	private static final Pattern OPTION = Pattern.compile("\\$(\\w+)\\s*=");

	private final CreatioJson json;

	private final EntitySets sets;

	private final Sent sent;

	private @Nullable OData odata;

	private @Nullable ServiceMetadata metadata;

	/**
	 * The request as sent, for what Olingo leaves out of a request whose method it does
	 * not know (PROPFIND): the method and the address.
	 *
	 * @param method the method
	 * @param path the path under the service root, percent-encoded
	 * @param uri the whole address, with the query
	 */
	record Sent(String method, String path, String uri) {

	}

	CreatioErrorProcessor(CreatioJson json, EntitySets sets, Sent sent) {
		this.json = json;
		this.sets = sets;
		this.sent = sent;
	}

	@Override
	public void init(OData odata, ServiceMetadata metadata) {
		this.odata = odata;
		this.metadata = metadata;
	}

	@Override
	public void processError(ODataRequest request, ODataResponse response, ODataServerError error, ContentType format) {
		Exception exception = error.getException();
		String key = (exception instanceof ODataLibraryException library) ? library.getMessageKey().toString() : "";
		if (key.equals("HTTP_METHOD_NOT_ALLOWED")) {
			methodNotAllowed(request, response, format);
			return;
		}
		ODataRequestException refusal = (exception instanceof ODataRequestException known) ? known
				: translate(request, error, exception);
		if (refusal == null) {
			notFound(request, response, error, exception);
			return;
		}
		// Olingo reads the body's type before it asks whether the set takes the method;
		// ASP.NET finds no action for the method first.
		if (refusal.status() == HttpStatusCode.UNSUPPORTED_MEDIA_TYPE && !takesMethod(request)) {
			methodNotAllowed(request, response, format);
			return;
		}
		// A failure of the stand's, not a refusal of what it does not implement (501).
		if (refusal.status() == HttpStatusCode.INTERNAL_SERVER_ERROR) {
			logger.error("OData request {} {} failed", request.getMethod(), request.getRawRequestUri(), exception);
		}
		this.json.answer(response, refusal);
	}

	/**
	 * Olingo's own refusals in Creatio's words; {@code null} for the ones Creatio's Web
	 * API routing answers with its 404.
	 */
	private @Nullable ODataRequestException translate(ODataRequest request, ODataServerError error,
			@Nullable Exception exception) {
		String key = (exception instanceof ODataLibraryException library) ? library.getMessageKey().toString() : "";
		String message = (error.getMessage() != null) ? error.getMessage() : "";
		if (exception instanceof IllegalArgumentException && thrownWhileParsing(exception)) {
			return ODataRequestException.invalidQuery(unparsable(exception.getMessage()));
		}
		if (exception instanceof NumberFormatException) {
			ODataRequestException version = malformedVersion(request);
			if (version != null) {
				return version;
			}
		}
		if (exception instanceof NullPointerException && thrownWhileParsing(exception)) {
			return ODataRequestException.invalidQuery(EXPAND_PARSER.equals(exception.getStackTrace()[0].getClassName())
					? "The $expand option could not be parsed: a '*' follows a name that is not a navigation property."
					: "The query could not be parsed.");
		}
		ODataRequestException unsupported = unsupported(request, exception, key);
		if (unsupported != null) {
			return unsupported;
		}
		if ((key.equals("SYNTAX") || key.equals("WRONG_VALUE_FOR_SYSTEM_QUERY_OPTION")) && unpairedQuote(request)) {
			return ODataRequestException.invalidQuery("The URI is malformed: the single quotes of a text value do not"
					+ " pair up. A text value ends at its second quote; a quote inside it is written twice"
					+ " ('O''Brien').");
		}
		if (key.equals("SYNTAX") && doubleQuoted(request)) {
			return ODataRequestException.invalidQuery(
					"The URI is malformed: text values are written in single quotes ('x'), not in double quotes.");
		}
		if (exception != null && exception.getClass().getName().startsWith(OLINGO_URI_PARSER)) {
			ODataRequestException expected = ExpressionExpected.in(request.getRawQueryPath());
			if (expected != null) {
				return expected;
			}
		}
		if (key.equals("SYNTAX")) {
			ODataRequestException path = unfollowedPath(request);
			if (path != null) {
				return path;
			}
		}
		if (error.getStatusCode() == HttpStatusCode.NOT_ACCEPTABLE.getStatusCode()) {
			String path = (request.getRawODataPath() != null) ? request.getRawODataPath() : this.sent.path();
			if (key.equals("UNSUPPORTED_FORMAT_OPTION") && path.endsWith("/$value")) {
				return notAcceptable("The $format option '" + quoted(message, 0) + "' does not apply to /$value,"
						+ " which answers the bare value in plain text: leave $format out.");
			}
			if (key.equals("UNSUPPORTED_FORMAT_OPTION")) {
				return notAcceptable("The $format option '" + quoted(message, 0) + "' is not supported: "
						+ jsonOnly(quoted(message, 0)));
			}
			if (key.equals("UNSUPPORTED_ACCEPT_TYPES")) {
				return notAcceptable("The content type '" + quoted(message, 0)
						+ "' of the Accept header is not supported: " + jsonOnly(quoted(message, 0)));
			}
		}
		return switch (key) {
			case "RESOURCE_NOT_FOUND", "PROPERTY_NOT_IN_TYPE", "INVALID_KEY_VALUE", "INVALID_KEY_PROPERTY" -> null;
			case "EXPRESSION_PROPERTY_NOT_IN_TYPE" ->
				lambdaAfterARow(request, quoted(message, 0)) ? FilterTranslator.lambda(quoted(message, 0))
						: MalformedLiterals.in(decodedQuery(request))
							.filter((malformed) -> malformed.literal().contains(quoted(message, 0)))
							.map(MalformedLiterals.Malformed::refusal)
							.orElseGet(() -> ODataRequestException.invalidQuery("Could not find a property named '"
									+ quoted(message, 0) + "' on type '" + qualified(quoted(message, 1)) + "'."));
			case "TYPES_NOT_COMPATIBLE" ->
				incompatibleTypes(request, exception, quoted(message, 0), quoted(message, 1));
			case "WRONG_VALUE_FOR_SYSTEM_QUERY_OPTION" -> wrongOption(message);
			// Olingo lists the options with a space after each.
			case "SYSTEM_QUERY_OPTION_NOT_ALLOWED_FOR_HTTP_METHOD" ->
				ODataQuery.notAllowed(List.of(quoted(message, 0).strip().split("\\s+")), quoted(message, 1));
			case "FUNCTIONALITY_NOT_IMPLEMENTED", "PROCESSOR_NOT_IMPLEMENTED" -> notImplemented(request);
			// A body's Content-Type; the multipart parser's keys of these names are about
			// lines of the batch itself.
			case "UNSUPPORTED_CONTENT_TYPE", "INVALID_CONTENT_TYPE" ->
				ofBody(exception) ? ODataRequestException.unsupportedMediaType(quoted(message, 0), JSON_BODIES)
						: new ODataRequestException(HttpStatusCode.BAD_REQUEST, message, message);
			case "MISSING_CONTENT_TYPE" ->
				ofBody(exception) ? ODataRequestException.unsupportedMediaType(null, JSON_BODIES)
						: new ODataRequestException(HttpStatusCode.BAD_REQUEST, message, message);
			default -> {
				int status = error.getStatusCode();
				if (status >= 500) {
					yield new ODataRequestException(
							org.apache.olingo.commons.api.http.HttpStatusCode.INTERNAL_SERVER_ERROR,
							"An error has occurred.", "An error has occurred.");
				}
				org.apache.olingo.commons.api.http.HttpStatusCode code = org.apache.olingo.commons.api.http.HttpStatusCode
					.fromStatusCode(status);
				// Only what the URI parser and validator refuse is about the query.
				yield (status == 400 && exception != null
						&& exception.getClass().getName().startsWith(OLINGO_URI_VALIDATOR))
								? ODataRequestException.invalidQuery(message)
								: new ODataRequestException(code, message, message);
			}
		};
	}

	/**
	 * A method the resource does not take: 405 with the methods it takes in
	 * {@code Allow}. Olingo checks the method before the path when it does not know the
	 * method at all (PROPFIND): a path that names nothing is then answered as for any
	 * other method.
	 */
	private void methodNotAllowed(ODataRequest request, ODataResponse response, ContentType format) {
		String method = (request.getMethod() != null) ? request.getMethod().name() : this.sent.method();
		UriInfo uri;
		try {
			uri = parse(request);
		}
		// One catch per type: Olingo's helper has an overload for each, which sets the
		// status its refusal takes.
		catch (UriParserSemanticException ex) {
			processError(request, response, ODataExceptionHelper.createServerErrorObject(ex, null), format);
			return;
		}
		catch (UriParserSyntaxException ex) {
			processError(request, response, ODataExceptionHelper.createServerErrorObject(ex, null), format);
			return;
		}
		catch (UriParserException ex) {
			processError(request, response, ODataExceptionHelper.createServerErrorObject(ex, null), format);
			return;
		}
		catch (UriValidationException ex) {
			processError(request, response, ODataExceptionHelper.createServerErrorObject(ex, null), format);
			return;
		}
		this.json.answer(response, AllowedMethods.refusal(uri, this.sets, method));
	}

	/**
	 * Why a format is refused: JSON only, or, for JSON with a parameter Olingo does not
	 * know ({@code odata.metadata=bogus}), which parameters it takes.
	 */
	private static String jsonOnly(String format) {
		String type = format.split(";", 2)[0].strip();
		if (format.contains(";") && (type.equalsIgnoreCase("application/json") || type.equalsIgnoreCase("json"))) {
			return "the data service answers in JSON, and takes the parameters odata.metadata (minimal, full or"
					+ " none), odata.streaming and IEEE754Compatible (true or false) and charset=utf-8.";
		}
		return JSON_ONLY;
	}

	/**
	 * Whether the resource the request names takes its method; also when the path cannot
	 * be parsed again, so that the refusal at hand stands.
	 */
	private boolean takesMethod(ODataRequest request) {
		String method = (request.getMethod() != null) ? request.getMethod().name() : this.sent.method();
		try {
			String allow = AllowedMethods.refusal(parse(request), this.sets, method).allow();
			return allow == null || List.of(allow.split(", ")).contains(method);
		}
		catch (UriParserException | UriValidationException ex) {
			return true;
		}
	}

	/** The request's path, parsed again by Olingo (its query left out). */
	private UriInfo parse(ODataRequest request) throws UriParserException, UriValidationException {
		String path = (request.getRawODataPath() != null) ? request.getRawODataPath() : this.sent.path();
		return new Parser(this.metadata.getEdm(), this.odata).parseUri(path, null, null, request.getRawBaseUri());
	}

	/**
	 * 501 for what Olingo parses but the service does not implement: {@code $ref},
	 * {@code $all}, {@code $crossjoin(...)}, named as the path segment it is.
	 */
	private ODataRequestException notImplemented(ODataRequest request) {
		String segment = null;
		try {
			UriInfo uri = parse(request);
			segment = switch (uri.getKind()) {
				case all -> "$all";
				case crossjoin -> "$crossjoin";
				case resource -> {
					List<UriResource> parts = uri.getUriResourceParts();
					UriResource last = parts.get(parts.size() - 1);
					yield (last.getKind() == UriResourceKind.ref) ? "$ref" : last.getSegmentValue();
				}
				default -> null;
			};
		}
		catch (UriParserException | UriValidationException ex) {
			// Parsed once already: not again.
		}
		String message = (segment != null) ? "The path segment '" + segment + "' is not supported."
				: "This request is not supported.";
		return new ODataRequestException(HttpStatusCode.NOT_IMPLEMENTED, message, message);
	}

	/**
	 * Olingo's URI parser lets a few malformed expressions through as unchecked
	 * exceptions instead of its own refusals: {@code cast(Round,Edm.Foo)} asks
	 * {@code EdmPrimitiveTypeKind.valueOf("Foo")}, and {@code $expand=Foo*} reads a '*'
	 * after a name that is not a navigation property as the star of {@code $expand=*},
	 * then follows a path it never made. They are the request's fault, not the stand's.
	 */
	private static boolean thrownWhileParsing(Exception exception) {
		return Arrays.stream(exception.getStackTrace())
			.anyMatch((frame) -> frame.getClassName().startsWith(OLINGO_URI_PARSER));
	}

	/**
	 * Olingo reads the version headers as numbers and lets a header that is none
	 * ({@code OData-Version: abc}, {@code 4.0.1}) through as a
	 * {@link NumberFormatException}: the client's mistake, named as ASP.NET OData names
	 * it.
	 */
	private static @Nullable ODataRequestException malformedVersion(ODataRequest request) {
		for (String header : List.of(HttpHeader.ODATA_VERSION, HttpHeader.ODATA_MAX_VERSION)) {
			String value = request.getHeader(header);
			if (value != null && !VERSION.matcher(value.strip()).matches()) {
				String message = "The value '" + value + "' of the " + header
						+ " HTTP header is invalid. Only '4.0' and '4.01' are supported as values for the " + header
						+ " header.";
				return new ODataRequestException(HttpStatusCode.BAD_REQUEST, message, message);
			}
		}
		return null;
	}

	/** Whether Olingo refused a request's body for its Content-Type. */
	private static boolean ofBody(@Nullable Exception exception) {
		return exception instanceof ODataHandlerException || exception instanceof ContentNegotiatorException;
	}

	/**
	 * Whether Olingo refused a {@code $filter} for not being a condition
	 * ({@code $filter=Name}), which it words as types that are not compatible.
	 */
	private static boolean notBoolean(@Nullable Exception exception) {
		return exception != null && exception.getStackTrace().length > 0
				&& exception.getStackTrace()[0].getClassName().equals(OLINGO_URI_PARSER + "FilterParser");
	}

	/**
	 * Olingo's refusal of two types that do not go together, which it words alike for an
	 * operator's operands, a value of an {@code in} list, a function's argument and a
	 * filter that is no condition; and leaves the operator unnamed.
	 */
	private ODataRequestException incompatibleTypes(ODataRequest request, @Nullable Exception exception, String first,
			String second) {
		if (notBoolean(exception)) {
			return ODataRequestException.invalidQuery(FilterTranslator.NOT_BOOLEAN);
		}
		Optional<MalformedLiterals.Malformed> malformed = MalformedLiterals.in(decodedQuery(request));
		if (malformed.isPresent()) {
			return malformed.get().refusal();
		}
		if (second.startsWith("[")) {
			return wrongOperand(request, exception, first, second, this.metadata.getEdm(), this.odata);
		}
		if (inList(exception)) {
			return FilterTranslator.incompatible(second, first, "In", timeHint(second, first));
		}
		return FilterTranslator.incompatible(first, second, operator(request, first, second), timeHint(first, second));
	}

	/**
	 * How to write a point in time, when one was compared with a date or a text: Olingo
	 * reads {@code 2026-01-01T00:00:00} without its offset as a date followed by more,
	 * and a quoted time as text.
	 */
	private static String timeHint(String left, String right) {
		if (!left.equals("Edm.DateTimeOffset")) {
			return "";
		}
		return switch (right) {
			case "Edm.Date" -> " A point in time is written in full, with its offset: 2026-01-01T00:00:00Z.";
			case "Edm.String" -> " A point in time is written without quotes, with its offset: 2026-01-01T00:00:00Z.";
			default -> "";
		};
	}

	/** The query as its writer wrote it, for finding what Olingo's messages leave out. */
	private static String decodedQuery(ODataRequest request) {
		return (request.getRawQueryPath() != null) ? decoded(request.getRawQueryPath()) : "";
	}

	/**
	 * A function the query calls that the data service does not run ({@code year}), whose
	 * arguments Olingo checks first: it is refused as such, so that correcting its
	 * argument does not lead to the refusal of the function.
	 */
	private static Optional<ODataRequestException> unsupportedFunction(ODataRequest request) {
		String query = decodedQuery(request);
		Matcher call = FUNCTION_CALL.matcher(query);
		while (call.find()) {
			for (MethodKind method : MethodKind.values()) {
				if (method.toString().equalsIgnoreCase(call.group(1)) && !FilterTranslator.FUNCTIONS.contains(method)) {
					return Optional.of(FilterTranslator.unsupported(method));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether Olingo refused a value of an {@code in} list, naming the value's type first
	 * and the property's second.
	 */
	private static boolean inList(@Nullable Exception exception) {
		return exception != null && exception.getStackTrace().length > 0
				&& exception.getStackTrace()[0].getMethodName().equals("checkInExpressionTypes");
	}

	/**
	 * An operand Olingo refused against the list of types it takes there (by their short
	 * names, {@code [Date, DateTimeOffset]}), which it words as types that are not
	 * compatible, like an operator's two: a function's argument
	 * ({@code contains(Id,'03')}), an operand of {@code and}, {@code or}, {@code not} or
	 * {@code -}. Which one, the parser's own method tells.
	 */
	private static ODataRequestException wrongOperand(ODataRequest request, @Nullable Exception exception,
			String olingoType, String taken, Edm edm, OData odata) {
		String given = FilterTranslator.creatioType(olingoType);
		List<String> types = Arrays.stream(taken.replaceAll("[\\[\\]\\s]", "").split(","))
			.filter((type) -> !type.isEmpty())
			.map((type) -> "Edm." + type)
			.toList();
		StackTraceElement[] stack = (exception != null) ? exception.getStackTrace() : new StackTraceElement[0];
		// The check itself, then the step of the parser that called it, directly or
		// through a check of numbers.
		StackTraceElement step = Arrays.stream(stack)
			.limit(4)
			.filter((frame) -> frame.getMethodName().startsWith("parse"))
			.findFirst()
			.orElse(null);
		String caller = (step != null) ? step.getMethodName() : "";
		// The left operand is checked before the right one is read: a refused right one
		// comes after a condition.
		boolean right = step != null
				&& LogicalOperandChecks.ofTheRightOperand(caller, step.getLineNumber(), edm, odata);
		String guid = given.equals("Edm.Guid")
				? " A GUID is compared whole: <property> eq <guid>, or <property> in (<guid>, ...)." : "";
		return switch (caller) {
			case "parseAnd" -> right ? FilterTranslator.incompatible("Edm.Boolean", given, "And", "")
					: FilterTranslator.incompatible(given, "Edm.Boolean", "And", "");
			case "parseExpression" -> right ? FilterTranslator.incompatible("Edm.Boolean", given, "Or", "")
					: FilterTranslator.incompatible(given, "Edm.Boolean", "Or", "");
			case "parseExprUnary" -> ODataRequestException
				.invalidQuery("A unary operator with an incompatible type was detected. Found operand type '" + given
						+ "' for operator kind '" + (types.contains("Edm.Boolean") ? "Not" : "Negate") + "'.");
			case "parseMethodParameters" -> unsupportedFunction(request)
				.orElseGet(() -> ODataRequestException.invalidQuery("A function was given an argument of type '" + given
						+ "', where it takes " + String.join(" or ", types) + "." + guid));
			default -> ODataRequestException.invalidQuery("An operand of type '" + given + "' was given where "
					+ String.join(" or ", types) + " is taken." + guid);
		};
	}

	private static String unparsable(@Nullable String message) {
		String unknownType = "No enum constant " + EdmPrimitiveTypeKind.class.getName() + ".";
		if (message != null && message.startsWith(unknownType)) {
			return "The type 'Edm." + message.substring(unknownType.length()) + "' is not a primitive type.";
		}
		return "The expression could not be parsed.";
	}

	/**
	 * What Olingo's parser refuses in a request that uses what the service does not
	 * implement anyway: {@code $search} and {@code $apply} (501, as when they parse), and
	 * lambda operators that Olingo cannot parse ({@code any(d: d/Round eq 1)}, with a
	 * space after the colon, which ASP.NET OData parses). Well-formed lambdas are refused
	 * by the filter's translation.
	 */
	private static @Nullable ODataRequestException unsupported(ODataRequest request, @Nullable Exception exception,
			String key) {
		if (exception == null || !exception.getClass().getName().startsWith(OLINGO_URI_PARSER)) {
			return null;
		}
		String query = (request.getRawQueryPath() != null) ? request.getRawQueryPath() : "";
		if (exception.getClass().getName().startsWith(OLINGO_URI_PARSER + "search.") || names(query, "$search")) {
			return ODataQuery.notImplemented("$search");
		}
		if (names(query, "$apply")) {
			return ODataQuery.notImplemented("$apply");
		}
		if (key.equals("SYNTAX")) {
			Matcher lambda = LAMBDA.matcher(QUOTED.matcher(decoded(query)).replaceAll("''"));
			if (lambda.find()) {
				return FilterTranslator.lambda(lambda.group(1));
			}
		}
		return null;
	}

	/**
	 * Whether a name Olingo did not find is a lambda operator after a navigation to one
	 * row ({@code CreatedBy/any(...)}), which it reads as a property of that row: lambda
	 * operators are refused by name wherever they stand.
	 */
	private static boolean lambdaAfterARow(ODataRequest request, String name) {
		if (!name.equals("any") && !name.equals("all")) {
			return false;
		}
		String query = (request.getRawQueryPath() != null) ? request.getRawQueryPath() : "";
		Matcher lambda = LAMBDA.matcher(QUOTED.matcher(decoded(query)).replaceAll("''"));
		while (lambda.find()) {
			if (lambda.group(1).equals(name)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A path Olingo's parser stops at as a syntax error, named with what to write
	 * instead: a path in {@code $expand} ({@code Status/CreatedBy}), where OData nests
	 * {@code $expand} in the options of a navigation, and a path in {@code $filter} or
	 * {@code $orderby} that goes on from a collection, which OData reaches only with
	 * {@code any} and {@code all}; {@code null} for other syntax errors.
	 */
	private @Nullable ODataRequestException unfollowedPath(ODataRequest request) {
		String query = QUOTED.matcher(decoded((request.getRawQueryPath() != null) ? request.getRawQueryPath() : ""))
			.replaceAll("''");
		Matcher path = PATH.matcher(query);
		while (path.find()) {
			List<String> segments = List.of(path.group().split("/"));
			String written = String.join("/", segments);
			String option = optionAt(query, path.start());
			if (option.equals("$expand")
					&& segments.stream().noneMatch((segment) -> segment.startsWith("$") || segment.contains("."))) {
				String nested = segments.get(segments.size() - 1);
				for (int i = segments.size() - 2; i >= 0; i--) {
					nested = segments.get(i) + "($expand=" + nested + ")";
				}
				return ODataRequestException.invalidQuery("The $expand option takes navigation properties, not a"
						+ " path through them ('" + written + "'): a navigation's own navigations are expanded in its"
						+ " options, " + nested + ".");
			}
			if (!option.equals("$filter") && !option.equals("$orderby")) {
				continue;
			}
			for (int i = 0; i < segments.size() - 1; i++) {
				String collection = segments.get(i);
				String next = segments.get(i + 1);
				String target = collectionTarget(collection);
				if (target == null || next.equals("any") || next.equals("all") || next.startsWith("$")) {
					continue;
				}
				String through = "The path '" + written + "' goes through the collection '" + collection
						+ "', which holds many rows";
				return ODataRequestException.invalidQuery(option.equals("$filter") ? through
						+ ": a $filter reaches into a collection only with the lambda operators any and all, which"
						+ " are not supported. Filter the entity set " + target + " itself, or the collection's rows"
						+ " in $expand=" + collection + "($filter=...)."
						: through + " and so no one value to sort on: $orderby takes the row's properties and its"
								+ " lookups' (Status/Name). Sort the collection's rows in $expand=" + collection
								+ "($orderby=" + String.join("/", segments.subList(i + 1, segments.size())) + ").");
			}
		}
		return null;
	}

	/** The query option a place in the query belongs to: the last one begun before it. */
	private static String optionAt(String query, int place) {
		Matcher option = OPTION.matcher(query).region(0, place);
		String name = "";
		while (option.find()) {
			name = "$" + option.group(1);
		}
		return name;
	}

	/**
	 * The entity set a collection navigation of that name leads to, {@code null} when no
	 * set has one.
	 */
	private @Nullable String collectionTarget(String name) {
		return this.sets.all()
			.stream()
			.flatMap((set) -> set.navigation(name).stream())
			.filter(NavigationMapping::collection)
			.map(NavigationMapping::target)
			.findFirst()
			.orElse(null);
	}

	/**
	 * Whether the query has a double quote outside its text values: the string delimiter
	 * of JSON and of many languages, which OData's single quotes are easily mistaken for.
	 */
	private static boolean doubleQuoted(ODataRequest request) {
		String query = (request.getRawQueryPath() != null) ? request.getRawQueryPath() : "";
		return QUOTED.matcher(decoded(query)).replaceAll("''").indexOf('"') >= 0;
	}

	/**
	 * Whether a query option's single quotes do not pair up: a text value left open, or a
	 * quote inside one written once ({@code 'O'Brien'}).
	 */
	private static boolean unpairedQuote(ODataRequest request) {
		String query = (request.getRawQueryPath() != null) ? request.getRawQueryPath() : "";
		return Arrays.stream(query.split("&"))
			.map((parameter) -> decoded(parameter))
			.anyMatch((parameter) -> parameter.chars().filter((c) -> c == '\'').count() % 2 == 1);
	}

	/** Whether the raw query string has an option of that name, at its top level. */
	private static boolean names(String query, String option) {
		return Arrays.stream(query.split("&"))
			.map((parameter) -> decoded(parameter.split("=", 2)[0]).strip())
			.anyMatch(option::equals);
	}

	private static String decoded(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	/** A format other than JSON, as {@link JsonOnly} leaves Olingo to refuse it. */
	private static ODataRequestException notAcceptable(String message) {
		return new ODataRequestException(HttpStatusCode.NOT_ACCEPTABLE, message, message);
	}

	private static ODataRequestException wrongOption(String message) {
		String option = quoted(message, 0);
		String value = quoted(message, 1);
		if (option.equals("$count")) {
			return ODataRequestException.invalidQuery("'" + value + "' is not a valid count option.");
		}
		if (option.equals("$top") || option.equals("$skip")) {
			return ODataRequestException.invalidQuery("Invalid value '" + value + "' for " + option
					+ " query option found. The " + option + " query option requires a non-negative integer value.");
		}
		return ODataRequestException.invalidQuery(message);
	}

	/**
	 * The 404 of ASP.NET Web API's routing: no entity set of that name, or no valid key.
	 */
	private void notFound(ODataRequest request, ODataResponse response, ODataServerError error,
			@Nullable Exception exception) {
		String key = ((ODataLibraryException) exception).getMessageKey().toString();
		String detail = key.equals("RESOURCE_NOT_FOUND")
				? "No type was found that matches the controller named '" + quoted(error.getMessage(), 0) + "'."
				: "No route data was found for this request.";
		response.setStatusCode(404);
		response.setHeader(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
		response.setContent(new ByteArrayInputStream(this.json.webApiError(
				"No HTTP resource was found that matches the request URI '"
						+ ((request.getRawRequestUri() != null) ? request.getRawRequestUri() : this.sent.uri()) + "'.",
				detail)));
	}

	private static String quoted(@Nullable String message, int index) {
		Matcher matcher = QUOTED.matcher((message != null) ? message : "");
		for (int i = 0; i <= index; i++) {
			if (!matcher.find()) {
				return "";
			}
		}
		return matcher.group(1);
	}

	private static String qualified(String type) {
		return type.contains(".") ? type : BpmEdmProvider.NAMESPACE + "." + type;
	}

	private static boolean ofType(String literal, String type) {
		Pattern form = LITERAL_TYPES.get(type);
		return form != null && form.matcher(literal).matches();
	}

	/**
	 * The comparison Olingo refused, which it does not name, as ASP.NET OData names it:
	 * the first whose operands are of the two types Olingo found (a property's by its
	 * name in the data service, a literal's by its form); else the first whose literal
	 * has a form only the refused type has ({@code gt 2026-01-01} for {@code Edm.Date});
	 * else the first of the query.
	 */
	private String operator(ODataRequest request, String left, String right) {
		String query = decodedQuery(request);
		Matcher matcher = OPERATOR.matcher(query);
		String first = null;
		String byLiteral = null;
		while (matcher.find()) {
			String operator = matcher.group(2).toLowerCase(Locale.ROOT);
			String operand = matcher.group(3);
			if (isOf(matcher.group(1), left) && isOf(operand, right)) {
				return operatorKind(operator);
			}
			first = (first != null) ? first : operator;
			byLiteral = (byLiteral == null && ofType(operand, right)) ? operator : byLiteral;
		}
		return operatorKind((byLiteral != null) ? byLiteral : (first != null) ? first : "eq");
	}

	/**
	 * Whether an operand, a literal or a property named by its last name, is of the type.
	 */
	private boolean isOf(String operand, String type) {
		if (operand.startsWith("'")) {
			return type.equals("Edm.String");
		}
		if (NUMBER.matcher(operand).matches()) {
			return NUMBER_TYPES.contains(type);
		}
		if (LITERAL_TYPES.values().stream().anyMatch((form) -> form.matcher(operand).matches())) {
			return ofType(operand, type);
		}
		return this.sets.all()
			.stream()
			.flatMap((set) -> set.column(operand).stream())
			.anyMatch((column) -> type.equals(column.type().getFullQualifiedName().getFullQualifiedNameAsString()));
	}

	private static String operatorKind(String operator) {
		return switch (operator) {
			case "ne" -> "NotEqual";
			case "gt" -> "GreaterThan";
			case "ge" -> "GreaterThanOrEqual";
			case "lt" -> "LessThan";
			case "le" -> "LessThanOrEqual";
			default -> "Equal";
		};
	}

}
