package io.adsw.bpmsoft.emulator.odata;

import java.nio.charset.StandardCharsets;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.PrimitiveValueProcessor;
import org.apache.olingo.server.api.uri.UriInfo;

/**
 * One property of a row ({@code Contact(<id>)/Name}), also of the row a single-valued
 * navigation leads to ({@code Approval(<id>)/Status/Name}), and its raw value
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

	/**
	 * The property of the row the path ends at: {@code Contact(<id>)/Name}, or through a
	 * single-valued navigation, {@code Approval(<id>)/Status/Name}, the target row's.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void read(ODataRequest request, ODataResponse response, UriInfo uri, boolean raw) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		ColumnMapping column = path.property();
		Reply reply = this.service.read(path.navigation() != null, () -> {
			RowAtPath found = this.service.reads().single(path);
			if (found.row() == null) {
				return found.emptyLookup() ? Reply.NO_CONTENT : Reply.NOT_FOUND;
			}
			Object value = column.reader().apply(found.row());
			if (raw) {
				return Reply.text(CreatioJson.text(column.type(), value).getBytes(StandardCharsets.UTF_8));
			}
			// The context names the row the property belongs to, as OData 4 has it.
			EntitySetMapping set = found.set();
			String context = request.getRawBaseUri() + "/$metadata#" + set.name() + "(" + set.id(found.row()) + ")/"
					+ column.name();
			return Reply.json(this.service.json().property(context, column.type(), value));
		});
		reply.writeTo(response);
	}

	@Override
	public void updatePrimitive(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
			ContentType responseFormat) {
		throw propertyChange(request, uri);
	}

	@Override
	public void deletePrimitive(ODataRequest request, ODataResponse response, UriInfo uri) {
		throw propertyChange(request, uri);
	}

	@Override
	public void updatePrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri,
			ContentType requestFormat, ContentType responseFormat) {
		throw propertyChange(request, uri);
	}

	@Override
	public void deletePrimitiveValue(ODataRequest request, ODataResponse response, UriInfo uri) {
		throw propertyChange(request, uri);
	}

	private ODataRequestException propertyChange(ODataRequest request, UriInfo uri) {
		return AllowedMethods.refusal(uri, this.service.sets(), request.getMethod().name());
	}

}
