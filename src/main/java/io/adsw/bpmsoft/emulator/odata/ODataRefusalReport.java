package io.adsw.bpmsoft.emulator.odata;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import io.adsw.bpmsoft.emulator.BodyLimits;
import io.adsw.bpmsoft.emulator.RefusalReport;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.core.uri.parser.Parser;
import org.apache.olingo.server.core.uri.parser.UriParserException;
import org.apache.olingo.server.core.uri.validator.UriValidationException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * An OData error for data service requests the web server refuses before the service
 * reads them, saying what to look for: most often a space left unencoded in an address
 * typed for {@code curl}. A request line over the limit is refused before its address is
 * known, and keeps Tomcat's page.
 */
@Component
class ODataRefusalReport implements RefusalReport {

	static final String MALFORMED = "The request could not be read: the web server refused its address, headers or body.";

	static final String MALFORMED_DETAIL = "Look for a space left unencoded in the address (send it as %20), a"
			+ " letter outside ASCII left unencoded (send it percent-encoded as UTF-8: curl -G --data-urlencode does),"
			+ " a control character, a character such as \" { } | < > unencoded in its path, a '%' not followed by two hex digits, an encoded"
			+ " slash (%2F), an empty segment (//) or a ';' or '..' segment in its path, headers over 16 KB in all, or a"
			+ " body the client stopped sending.";

	private final CreatioJson json;

	private final BodyLimits limits;

	private final OData odata;

	private final ServiceMetadata metadata;

	private final EntitySets sets;

	ODataRefusalReport(CreatioJson json, BodyLimits limits, OData odata, ServiceMetadata metadata, EntitySets sets) {
		this.json = json;
		this.limits = limits;
		this.odata = odata;
		this.metadata = metadata;
		this.sets = sets;
	}

	@Override
	public boolean covers(String requestUri) {
		return requestUri.startsWith("/0/odata/") || requestUri.equals("/0/odata") || requestUri.startsWith("/odata/")
				|| requestUri.equals("/odata");
	}

	@Override
	public Optional<Answer> answer(int status, String requestUri, String method, @Nullable Throwable failure) {
		if (status == 405) {
			return Optional.of(methodNotAllowed(requestUri, method));
		}
		String message;
		String detail;
		if (status == 408 || RefusalReport.timedOut(failure)) {
			message = "The request was not received in full: the client stopped sending it.";
			detail = message;
		}
		else if (status == 400) {
			message = MALFORMED;
			detail = MALFORMED_DETAIL;
		}
		else if (status == 413) {
			message = "The request body is larger than the " + this.limits.dataService().toBytes()
					+ " bytes the data service takes (emulator.body-limits.data-service).";
			detail = message;
		}
		else {
			// Not a refusal of the web server's: a failure of the stand's own, which
			// Spring Boot's error document reports.
			return Optional.empty();
		}
		return Optional.of(new Answer(ODataService.JSON,
				new String(this.json.error(message, detail), StandardCharsets.UTF_8), Map.of("OData-Version", "4.0")));
	}

	/**
	 * TRACE, which the web server refuses on every address: 405, with the methods the
	 * resource takes in {@code Allow}, none for an address that names no resource.
	 */
	private Answer methodNotAllowed(String requestUri, String method) {
		String prefix = requestUri.startsWith("/0/odata") ? "/0/odata" : "/odata";
		ODataRequestException refusal;
		try {
			UriInfo uri = new Parser(this.metadata.getEdm(), this.odata).parseUri(requestUri.substring(prefix.length()),
					null, null, prefix);
			refusal = AllowedMethods.refusal(uri, this.sets, method);
		}
		catch (UriParserException | UriValidationException ex) {
			String message = "The requested resource does not support http method '" + method + "'.";
			refusal = ODataRequestException.methodNotAllowed(message, "", "The address names no resource.");
		}
		return new Answer(ODataService.JSON,
				new String(this.json.error(refusal.getMessage(), refusal.innerMessage()), StandardCharsets.UTF_8),
				Map.of("OData-Version", "4.0", HttpHeader.ALLOW, (refusal.allow() != null) ? refusal.allow() : ""));
	}

}
