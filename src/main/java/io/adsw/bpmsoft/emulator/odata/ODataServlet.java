package io.adsw.bpmsoft.emulator.odata;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataHttpHandler;
import org.apache.olingo.server.api.ServiceMetadata;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;

/**
 * The data service at {@code /0/odata} (.NET Framework stands) and {@code /odata} (.NET
 * Core stands). Olingo's handler keeps state for one request, so every request gets a new
 * one; the {@link OData} instance and the service metadata are shared.
 */
class ODataServlet extends HttpServlet {

	private static final Pattern KEY_SEGMENT = Pattern.compile(
			"/([A-Za-z][A-Za-z0-9_]*)/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(/.*)?");

	/** The methods whose body the data service reads. */
	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "MERGE");

	/**
	 * A {@code $format} option, its {@code $} written or encoded, with the '&' before it.
	 */
	private static final Pattern FORMAT_OPTION = Pattern.compile("(?:^|&)(?:\\$|%24)format=[^&]*");

	private final OData odata;

	private final ServiceMetadata metadata;

	private final ODataService service;

	private final PlatformTransactionManager transactions;

	private final JsonBatch jsonBatch;

	ODataServlet(OData odata, ServiceMetadata metadata, ODataService service, PlatformTransactionManager transactions,
			JsonBatch jsonBatch) {
		this.odata = odata;
		this.metadata = metadata;
		this.service = service;
		this.transactions = transactions;
		this.jsonBatch = jsonBatch;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		ODataRequestException unsupported = JsonBatch.unsupportedType(request);
		if (unsupported == null && untypedBody(request)) {
			unsupported = ODataRequestException.unsupportedMediaType(null, CreatioErrorProcessor.JSON_BODIES);
		}
		if (unsupported != null) {
			this.service.json().answer(response, unsupported);
			return;
		}
		if (JsonBatch.handles(request)) {
			this.jsonBatch.process(request, response, this::dispatch);
			return;
		}
		dispatch(request, response);
	}

	/**
	 * A body announced without a Content-Type. Olingo takes a body with no bytes waiting
	 * for none, and supposes JSON for it; a client that asked to be told to send its body
	 * ({@code Expect: 100-continue}) has sent nothing yet when Olingo looks, so the
	 * body's announcement decides.
	 */
	private static boolean untypedBody(HttpServletRequest request) {
		return request.getContentType() == null && WRITES.contains(request.getMethod().toUpperCase(Locale.ROOT))
				&& (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
	}

	private void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (QueryNesting.tooDeep(request.getQueryString())) {
			this.service.json().answer(response, ODataRequestException.invalidQuery(QueryNesting.TOO_DEEP));
			return;
		}
		String withAnEmptyItem = ListOptions.withAnEmptyItem(request.getQueryString());
		if (withAnEmptyItem != null) {
			this.service.json()
				.answer(response, ODataRequestException.invalidQuery(ListOptions.emptyItem(withAnEmptyItem)));
			return;
		}
		process(request, response);
	}

	private void process(HttpServletRequest sent, HttpServletResponse response) {
		HttpServletRequest request = xmlForMetadata(plainTextForValues(tightLists(spacedNot(
				spacesForPlus(keysAsSegments(withoutTrailingSlash(serviceRootWithSlash(verboseAsMinimal(sent)))))))));
		String path = request.getRequestURI()
			.substring(request.getContextPath().length() + request.getServletPath().length());
		String uri = request.getRequestURL()
				+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "");
		ODataHttpHandler handler = this.odata.createHandler(this.metadata);
		handler.register(new ServiceDocumentWriter());
		handler.register(new EntityCollectionReader(this.service));
		handler.register(new EntityHandler(this.service));
		handler.register(new PropertyReader(this.service));
		handler.register(new MultipartBatchProcessor(this.transactions, this.service.json()));
		handler.register(new CreatioErrorProcessor(this.service.json(), this.service.sets(),
				new CreatioErrorProcessor.Sent(request.getMethod(), path, uri)));
		handler.register(new JsonOnly());
		handler.process(request, response);
	}

	/**
	 * Creatio's clients, its own batch examples among them, still ask for OData 3's
	 * {@code application/json;odata=verbose}; Creatio answers them in OData 4 JSON, and
	 * so does the stand.
	 */
	private static HttpServletRequest verboseAsMinimal(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("odata=verbose")) {
			return request;
		}
		return new Asking(request, accept.replaceAll("(?i);\\s*odata=verbose", ""));
	}

	/**
	 * Creatio also takes a key as a path segment ({@code City/<guid>}, as its batch
	 * examples write it); Olingo knows only {@code City(<guid>)}.
	 */
	private static HttpServletRequest keysAsSegments(HttpServletRequest request) {
		String path = request.getPathInfo();
		Matcher matcher = (path != null) ? KEY_SEGMENT.matcher(path) : null;
		if (matcher == null || !matcher.matches()) {
			return request;
		}
		String rewritten = "/" + matcher.group(1) + "(" + matcher.group(2) + ")"
				+ ((matcher.group(3) != null) ? matcher.group(3) : "");
		String url = request.getRequestURL().toString();
		String root = url.substring(0, url.length() - path.length());
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getPathInfo() {
				return rewritten;
			}

			@Override
			public String getRequestURI() {
				return getContextPath() + getServletPath() + rewritten;
			}

			@Override
			public StringBuffer getRequestURL() {
				return new StringBuffer(root).append(rewritten);
			}

		};
	}

	/**
	 * The service root without its slash ({@code /0/odata}, the guide's "service
	 * address") is the service document's address too, as on a stand; Olingo would
	 * redirect it to the address with the slash.
	 */
	private static HttpServletRequest serviceRootWithSlash(HttpServletRequest request) {
		if (request.getPathInfo() != null) {
			return request;
		}
		String uri = request.getRequestURI() + "/";
		String url = request.getRequestURL() + "/";
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getPathInfo() {
				return "/";
			}

			@Override
			public String getRequestURI() {
				return uri;
			}

			@Override
			public StringBuffer getRequestURL() {
				return new StringBuffer(url);
			}

		};
	}

	/**
	 * Creatio's URI parser (OData's for .NET) skips a trailing slash ({@code Contact/},
	 * {@code Contact(<guid>)/}); Olingo would refuse the empty segment. The service root
	 * keeps its slash: it is the service document's address.
	 */
	private static HttpServletRequest withoutTrailingSlash(HttpServletRequest request) {
		String path = request.getPathInfo();
		String uri = request.getRequestURI();
		if (path == null || path.length() < 2 || !path.endsWith("/") || !uri.endsWith("/")) {
			return request;
		}
		String url = request.getRequestURL().toString();
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getPathInfo() {
				return path.substring(0, path.length() - 1);
			}

			@Override
			public String getRequestURI() {
				return uri.substring(0, uri.length() - 1);
			}

			@Override
			public StringBuffer getRequestURL() {
				return new StringBuffer(url.substring(0, url.length() - 1));
			}

		};
	}

	/**
	 * ASP.NET reads a {@code +} in a query string as a space, and so does Creatio; Olingo
	 * would read it as a plus. A plus meant as such is sent as {@code %2B}.
	 */
	private static HttpServletRequest spacesForPlus(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || !query.contains("+")) {
			return request;
		}
		String spaced = query.replace("+", "%20");
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getQueryString() {
				return spaced;
			}

		};
	}

	/** A blank after {@code not} against its parenthesis ({@link NotOperator}). */
	private static HttpServletRequest spacedNot(HttpServletRequest request) {
		return withQuery(request, NotOperator.spaced(request.getQueryString()));
	}

	/** The list options without blanks around their commas ({@link ListOptions}). */
	private static HttpServletRequest tightLists(HttpServletRequest request) {
		return withQuery(request, ListOptions.withoutBlanksAroundCommas(request.getQueryString()));
	}

	/** The request with another query string, or as it is when that is the same. */
	private static HttpServletRequest withQuery(HttpServletRequest request, @Nullable String query) {
		if (query == null || query.equals(request.getQueryString())) {
			return request;
		}
		return new HttpServletRequestWrapper(request) {

			@Override
			public String getQueryString() {
				return query;
			}

		};
	}

	/**
	 * Creatio answers {@code $metadata} in XML CSDL whatever {@code Accept} or
	 * {@code $format} asks (ASP.NET Web API OData writes no JSON CSDL); Olingo would
	 * write JSON CSDL, OData 4.01's, under an {@code OData-Version: 4.0} header, or
	 * refuse with 406, so the request is shown to it as asking for XML.
	 */
	private static HttpServletRequest xmlForMetadata(HttpServletRequest request) {
		if (!"/$metadata".equals(request.getPathInfo())) {
			return request;
		}
		String query = request.getQueryString();
		String withoutFormat = (query != null) ? FORMAT_OPTION.matcher(query).replaceAll("").replaceFirst("^&", "")
				: null;
		return new Asking(request, "application/xml") {

			@Override
			public String getQueryString() {
				return (withoutFormat == null || withoutFormat.isEmpty()) ? null : withoutFormat;
			}

		};
	}

	/**
	 * Creatio answers {@code $value} in plain text whatever the Accept header asks;
	 * Olingo would refuse JSON there, so the request is shown to it as asking for plain
	 * text.
	 */
	private static HttpServletRequest plainTextForValues(HttpServletRequest request) {
		String path = request.getPathInfo();
		if (path == null || !path.endsWith("/$value")) {
			return request;
		}
		return new Asking(request, "text/plain");
	}

	/** The request as asking for one content type, whatever its Accept header says. */
	private static class Asking extends HttpServletRequestWrapper {

		private final String accept;

		Asking(HttpServletRequest request, String accept) {
			super(request);
			this.accept = accept;
		}

		@Override
		public String getHeader(String name) {
			return name.equalsIgnoreCase("Accept") ? this.accept : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return name.equalsIgnoreCase("Accept") ? Collections.enumeration(List.of(this.accept))
					: super.getHeaders(name);
		}

	}

}
