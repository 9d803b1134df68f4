package io.adsw.bpmsoft.emulator.admin;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.StringUtils;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a parameter the control plane operation does not take: ignored, a typo such as
 * {@code scop} for {@code scope} or {@code idcrm} for {@code idCrm} would run the
 * operation without it, and a reset of one part, or a delete by filter, would wipe
 * everything. What an operation takes is read from its method, as Spring MVC binds it,
 * names in the same case. A parameter it takes is given once, and not empty.
 */
final class KnownQueryParameters implements HandlerInterceptor {

	private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

	private static final String PERCENT_ENCODING = "each '%' is followed by two hex digits, and the bytes"
			+ " they stand for are UTF-8";

	/** How many unknown names a refusal repeats. */
	private static final int MAX_NAMED = 5;

	private final Map<Method, Taken> taken = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod operation)) {
			return true;
		}
		Taken taken = this.taken.computeIfAbsent(operation.getMethod(), (method) -> Taken.by(operation));
		if (taken.any()) {
			return true;
		}
		// The web server decodes parameters when they are first asked for, and fails
		// then; an operation would have ended in a 500.
		if (!taken.readsBody() && request.getAttribute(ControlPlaneFormContentFilter.UNREADABLE) != null) {
			throw BadRequest.because("the form body cannot be read: " + PERCENT_ENCODING);
		}
		// Parameters are decoded for an operation that takes some; one that takes none
		// reads no form body (below), and refuses a query string of any name.
		try {
			if (!taken.names().isEmpty()) {
				request.getParameterMap();
			}
		}
		catch (InvalidParameterException ex) {
			throw BadRequest.because("the query string" + (isForm(request) ? " or the form body" : "")
					+ " cannot be read: " + PERCENT_ENCODING);
		}
		Set<String> query = queryNames(request.getQueryString());
		Set<String> unknown = new LinkedHashSet<>(query);
		// A form body's fields are bound as parameters too (curl -d scope=journal), by
		// an operation that takes parameters and does not read its body (another answers
		// 415). Only then is a form body read here: an operation that takes no parameters
		// never reads it, and a client that stops sending it is answered by the web
		// server, not here.
		boolean formRead = !taken.readsBody() && !taken.names().isEmpty() && isForm(request);
		// Any other body would be ignored: {"scope":"journal"} sent as JSON reset
		// everything.
		if (!taken.readsBody() && !taken.names().isEmpty() && !formRead && hasBody(request)) {
			throw unreadBody(request, taken.names());
		}
		if (formRead) {
			unknown.addAll(request.getParameterMap().keySet());
		}
		unknown.removeAll(taken.names());
		if (!unknown.isEmpty()) {
			throw refusal(unknown, query, taken.names());
		}
		for (String name : taken.names()) {
			List<String> values = formRead ? listOf(request.getParameterValues(name))
					: valuesIn(request.getQueryString(), name);
			// A parameter given twice would be read as both values joined by a comma
			// (scope=journal&scope=data as "journal,data"), and refused as neither.
			if (values.size() > 1) {
				throw BadRequest.because(name + " is given " + values.size() + " times: give it once");
			}
			// Spring MVC reads an empty value as none given: an empty filter would
			// find, or delete, the whole journal, and an empty size take the default.
			if (values.size() == 1 && values.get(0).isBlank()) {
				throw BadRequest.because(name + " is empty: give a value or leave it out");
			}
		}
		return true;
	}

	private static List<String> listOf(String @Nullable [] values) {
		return (values != null) ? List.of(values) : List.of();
	}

	/**
	 * The values the query string gives the parameter, decoded as the web server decodes
	 * them; a name without {@code =} has an empty value.
	 */
	private static List<String> valuesIn(@Nullable String queryString, String name) {
		List<String> values = new ArrayList<>();
		if (queryString == null) {
			return values;
		}
		for (String pair : queryString.split("&")) {
			int equals = pair.indexOf('=');
			if (decoded((equals >= 0) ? pair.substring(0, equals) : pair).equals(name)) {
				values.add((equals >= 0) ? decoded(pair.substring(equals + 1)) : "");
			}
		}
		return values;
	}

	private static ErrorResponseException refusal(Set<String> unknown, Set<String> query, Set<String> taken) {
		String kind = query.containsAll(unknown) ? "query parameter" : "parameter";
		String names = unknown.stream()
			.limit(MAX_NAMED)
			.map((name) -> "'" + Echo.of(name) + "'")
			.collect(Collectors.joining(", "))
				+ ((unknown.size() > MAX_NAMED) ? " and " + (unknown.size() - MAX_NAMED) + " more" : "");
		return BadRequest.because("unknown " + kind + ((unknown.size() > 1) ? "s " : " ") + names
				+ ": this operation takes " + (taken.isEmpty() ? "no query parameters" : String.join(", ", taken)));
	}

	private static ErrorResponseException unreadBody(HttpServletRequest request, Set<String> taken) {
		String type = request.getContentType();
		String detail = ((type != null) ? "Content-Type '" + Echo.of(type) + "' is not read by this operation"
				: "a body without Content-Type is not read by this operation") + ": it takes "
				+ String.join(", ", taken) + " as query parameters or as a form body"
				+ " (application/x-www-form-urlencoded)";
		return new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail), null);
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	/** The parameter names in a query string, decoded as the web server decodes them. */
	private static Set<String> queryNames(@Nullable String queryString) {
		Set<String> names = new LinkedHashSet<>();
		if (queryString == null) {
			return names;
		}
		for (String pair : queryString.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			if (!name.isEmpty()) {
				names.add(decoded(name));
			}
		}
		return names;
	}

	private static String decoded(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A '%' without two hex digits: the web server skips such a parameter, and
			// the operation does not take it either.
			return text;
		}
	}

	/**
	 * The parameter names an operation takes, in the order it declares them; any, where
	 * it takes a map of them all.
	 */
	private record Taken(Set<String> names, boolean any, boolean readsBody) {

		static Taken by(HandlerMethod operation) {
			Set<String> names = new LinkedHashSet<>();
			String[] declared = NAMES.getParameterNames(operation.getMethod());
			boolean readsBody = false;
			for (MethodParameter parameter : operation.getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				String declaredName = (declared != null) ? declared[parameter.getParameterIndex()] : "";
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				readsBody |= parameter.hasParameterAnnotation(RequestBody.class)
						|| HttpServletRequest.class.isAssignableFrom(type);
				if (param != null) {
					if (Map.class.isAssignableFrom(type) && !StringUtils.hasText(param.name())) {
						return new Taken(Set.of(), true, readsBody);
					}
					names.add(StringUtils.hasText(param.name()) ? param.name() : declaredName);
				}
				else if (parameter.hasParameterAnnotation(ModelAttribute.class)
						|| (type.isRecord() && !boundOtherwise(parameter))) {
					names.addAll(properties(type));
				}
				else if (BeanUtils.isSimpleProperty(type) && !boundOtherwise(parameter)) {
					// Spring MVC binds a simple argument without annotation as a request
					// parameter of its name.
					names.add(declaredName);
				}
			}
			return new Taken(names, false, readsBody);
		}

		/**
		 * Whether an annotation of Spring MVC's binds the argument from elsewhere: the
		 * path, the body, a header, a cookie.
		 */
		private static boolean boundOtherwise(MethodParameter parameter) {
			return Arrays.stream(parameter.getParameterAnnotations())
				.anyMatch((annotation) -> annotation.annotationType()
					.getPackageName()
					.equals(RequestParam.class.getPackageName()));
		}

		/**
		 * What Spring MVC binds an object from: a record's components (or their
		 * {@code @BindParam} names), a bean's writable properties.
		 */
		private static List<String> properties(Class<?> type) {
			if (type.isRecord()) {
				Constructor<?> constructor = BeanUtils.getResolvableConstructor(type);
				String[] names = BeanUtils.getParameterNames(constructor);
				List<String> components = new ArrayList<>();
				for (int i = 0; i < names.length; i++) {
					BindParam bindParam = constructor.getParameters()[i].getAnnotation(BindParam.class);
					components.add((bindParam != null) ? bindParam.value() : names[i]);
				}
				return components;
			}
			return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
				.filter((property) -> property.getWriteMethod() != null)
				.map(PropertyDescriptor::getName)
				.toList();
		}

	}

}
