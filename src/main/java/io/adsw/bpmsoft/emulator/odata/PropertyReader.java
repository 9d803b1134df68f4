package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.PrimitiveValueProcessor;
import org.apache.olingo.server.api.uri.UriInfo;

/**
 * One property of a row ({@code Contact(<id>)/Name}) and its raw value
 * ({@code .../Name/$value}, always in plain text). Properties change only through their
 * row.
 */
class PropertyReader implements PrimitiveValueProcessor {

	private final ODataService service;

	PropertyReader(ODataService service) {
		this.service = service;
	}

	@Override
	public void init(OData odata, ServiceMetadata metadata) {
	}

	@Override
	public void readPrimitive(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format) {
		read(request, response, uri, false);
	}

	@Override
	public void readPrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format) {
		read(request, response, uri, true);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void read(ODataRequest request, ODataResponse response, UriInfo uri, boolean raw) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		ColumnMapping column = path.property();
		byte[] body = this.service.read(() -> {
			Optional<?> row = this.service.reads().byId(path.set(), path.key());
			if (row.isEmpty()) {
				return null;
			}
			Object value = column.reader().apply(row.get());
			if (raw) {
				return CreatioJson.text(column.type(), value).getBytes(StandardCharsets.UTF_8);
			}
			String context = request.getRawBaseUri() + "/$metadata#" + path.set().name() + "(" + path.key() + ")/"
					+ column.name();
			return this.service.json().property(context, column.type(), value);
		});
		if (body == null) {
			response.setStatusCode(HttpStatusCode.NOT_FOUND.getStatusCode());
			return;
		}
		response.setContent(new ByteArrayInputStream(body));
		response.setStatusCode(HttpStatusCode.OK.getStatusCode());
		response.setHeader(HttpHeader.CONTENT_TYPE, raw ? ODataService.TEXT : ODataService.JSON);
	}

	@Override
	public void updatePrimitive(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
			ContentType responseFormat) {
		throw propertyChange(request);
	}

	@Override
	public void deletePrimitive(ODataRequest request, ODataResponse response, UriInfo uri) {
		throw propertyChange(request);
	}

	@Override
	public void updatePrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri,
			ContentType requestFormat, ContentType responseFormat) {
		throw propertyChange(request);
	}

	@Override
	public void deletePrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri) {
		throw propertyChange(request);
	}

	private static ODataRequestException propertyChange(ODataRequest request) {
		return new ODataRequestException(HttpStatusCode.METHOD_NOT_ALLOWED,
				"The requested resource does not support http method '" + request.getMethod() + "'.",
				"Properties change with a PATCH of their row.");
	}

}
