package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.CountEntityCollectionProcessor;
import org.apache.olingo.server.api.uri.UriInfo;

/**
 * Collections ({@code Contact}, {@code Approval(<id>)/ApprovalVisaCollectionByApproval})
 * and their {@code /$count}.
 */
class EntityCollectionReader implements CountEntityCollectionProcessor {

	private final ODataService service;

	EntityCollectionReader(ODataService service) {
		this.service = service;
	}

	@Override
	public void init(OData odata, ServiceMetadata metadata) {
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void readEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		ODataQuery query = ODataQuery.of(uri);
		EntitySetMapping target = path.target(this.service.sets());
		this.service.expansions().check(target, query.expand());
		boolean severalStatements = path.navigation() != null || query.count() || query.expand() != null;
		byte[] body = this.service.read(severalStatements, () -> {
			ODataReads.Restriction restriction = restriction(path);
			if (restriction == null && path.navigation() != null) {
				return null;
			}
			List<?> entities = this.service.reads()
				.list(target, query.filter(), query.orders(), query.skip(), query.limit(), restriction);
			Long count = query.count() ? this.service.reads().count(target, query.filter(), restriction) : null;
			List<Row> rows = this.service.expansions().rows(target, (List) entities, query.expand());
			return this.service.json()
				.collection(ODataService.context(request, target, query.select(), query.expand(), ""), count, target,
						rows, query.select(), this.service.sets());
		});
		if (body == null) {
			response.setStatusCode(HttpStatusCode.NOT_FOUND.getStatusCode());
			return;
		}
		response.setContent(new ByteArrayInputStream(body));
		response.setStatusCode(HttpStatusCode.OK.getStatusCode());
		response.setHeader(HttpHeader.CONTENT_TYPE, ODataService.JSON);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void countEntityCollection(ODataRequest request, ODataResponse response, UriInfo uri) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		ODataQuery query = ODataQuery.of(uri);
		EntitySetMapping target = path.target(this.service.sets());
		Long count = this.service.read(path.navigation() != null, () -> {
			ODataReads.Restriction restriction = restriction(path);
			if (restriction == null && path.navigation() != null) {
				return null;
			}
			return this.service.reads().count(target, query.filter(), restriction);
		});
		if (count == null) {
			response.setStatusCode(HttpStatusCode.NOT_FOUND.getStatusCode());
			return;
		}
		// Creatio answers /$count in plain text, whatever the Accept header asks for.
		response.setContent(new ByteArrayInputStream(count.toString().getBytes(StandardCharsets.UTF_8)));
		response.setStatusCode(HttpStatusCode.OK.getStatusCode());
		response.setHeader(HttpHeader.CONTENT_TYPE, ODataService.TEXT);
	}

	/**
	 * For a collection reached through a navigation, the rows that refer to the parent;
	 * {@code null} when the parent does not exist.
	 */
	private ODataReads.Restriction restriction(ResourcePath path) {
		if (path.navigation() == null) {
			return null;
		}
		if (this.service.reads().byId(path.set(), path.key()).isEmpty()) {
			return null;
		}
		return new ODataReads.Restriction(path.navigation().column(), List.of(path.key()));
	}

}
