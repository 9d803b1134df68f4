package io.adsw.bpmsoft.emulator.odata;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.processor.EntityProcessor;
import org.apache.olingo.server.api.uri.UriInfo;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Single rows: read ({@code Contact(<id>)}, {@code ApprovalVisa(<id>)/VisaOwner}; 204
 * when the navigation's lookup is empty), create (POST, 201 with {@code Location} and the
 * row), change (PATCH or PUT, 204) and delete (204). Each change is one transaction; a
 * refused one writes nothing.
 */
class EntityHandler implements EntityProcessor {

	private final ODataService service;

	EntityHandler(ODataService service) {
		this.service = service;
	}

	@Override
	public void init(OData odata, ServiceMetadata metadata) {
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void readEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType format) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		ODataQuery query = ODataQuery.of(uri);
		this.service.expansions().check(path.target(this.service.sets()), query.expand());
		boolean severalStatements = path.navigation() != null || query.expand() != null;
		Reply reply = this.service.read(severalStatements, () -> {
			RowAtPath found = this.service.reads().single(path);
			if (found.row() == null) {
				return found.emptyLookup() ? Reply.NO_CONTENT : Reply.NOT_FOUND;
			}
			EntitySetMapping target = found.set();
			List<Row> rows = this.service.expansions().rows(target, List.of(found.row()), query.expand());
			return Reply.json(this.service.json()
				.entity(ODataService.context(request, target, query.select(), query.expand(), "/$entity"), target,
						rows.get(0), query.select(), this.service.sets()));
		});
		reply.writeTo(response);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void createEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
			ContentType responseFormat) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		EntitySetMapping set = writable(path, uri, "POST");
		ODataQuery.checkNone(uri, "POST");
		Map<ColumnMapping, Object> values = (Map) this.service.body(request, set, null);
		UUID id = this.service.newId((Map) values);
		Set<String> given = values.keySet().stream().map(ColumnMapping::name).collect(Collectors.toSet());
		byte[] body = write(() -> {
			if (this.service.reads().byId(set, id).isPresent()) {
				throw ODataRequestException
					.invalidBody("A row with the Id '" + id + "' already exists in " + set.name() + ".");
			}
			Instant now = this.service.now();
			UUID author = this.service.author();
			Object entity = set.writes().create(id, author, now);
			apply(values, entity);
			set.writes().completeNew(entity, given);
			set.writes().store(entity, true, author, now);
			return this.service.json()
				.entity(ODataService.context(request, set, null, null, "/$entity"), set, new Row(entity), null,
						this.service.sets());
		});
		response.setHeader(HttpHeader.LOCATION, request.getRawBaseUri() + "/" + set.name() + "(" + id + ")");
		new Reply(HttpStatusCode.CREATED, body, ODataService.JSON).writeTo(response);
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void updateEntity(ODataRequest request, ODataResponse response, UriInfo uri, ContentType requestFormat,
			ContentType responseFormat) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		EntitySetMapping set = writable(path, uri, request.getMethod().name());
		ODataQuery.checkNone(uri, request.getMethod().name());
		Map<ColumnMapping, Object> values = (Map) this.service.body(request, set, path.key());
		Boolean found = write(() -> {
			Optional<?> entity = set.writes().lock(path.key());
			if (entity.isEmpty()) {
				return false;
			}
			unchanged(set, values, entity.get());
			apply(values, entity.get());
			set.writes().store(entity.get(), false, this.service.author(), this.service.now());
			return true;
		});
		response.setStatusCode(
				found ? HttpStatusCode.NO_CONTENT.getStatusCode() : HttpStatusCode.NOT_FOUND.getStatusCode());
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public void deleteEntity(ODataRequest request, ODataResponse response, UriInfo uri) {
		ResourcePath path = ResourcePath.of(uri, this.service.sets());
		EntitySetMapping set = writable(path, uri, "DELETE");
		ODataQuery.checkNone(uri, "DELETE");
		Boolean found = write(() -> {
			Optional<?> entity = set.writes().lock(path.key());
			entity.ifPresent((row) -> set.writes().delete(row));
			return entity.isPresent();
		});
		response.setStatusCode(
				found ? HttpStatusCode.NO_CONTENT.getStatusCode() : HttpStatusCode.NOT_FOUND.getStatusCode());
	}

	/**
	 * The set a change is made in: a writable set's row or collection, never what a path
	 * reaches beyond a row.
	 */
	private EntitySetMapping<?> writable(ResourcePath path, UriInfo uri, String method) {
		if (path.navigation() != null || path.set().readOnly()) {
			throw AllowedMethods.refusal(uri, this.service.sets(), method);
		}
		return path.set();
	}

	/**
	 * Refuses a read-only property whose value is not the row's, compared as the data
	 * service shows them (an empty lookup and the empty GUID alike): a row read, edited
	 * and sent back carries them unchanged, and is taken.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void unchanged(EntitySetMapping set, Map<ColumnMapping, Object> values, Object entity) {
		values.forEach((column, value) -> {
			String shown = CreatioJson.text(column.type(), column.reader().apply(entity));
			if (!column.writable() && !shown.equals(CreatioJson.text(column.type(), value))) {
				// A row's Id never changes: another one is no stale read.
				throw column.name().equals("Id") ? ODataService.readOnly(set, column)
						: ODataService.readOnlyChanged(set, column, shown);
			}
		});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void apply(Map<ColumnMapping, Object> values, Object entity) {
		values.forEach((column, value) -> {
			if (column.writer() != null) {
				column.writer().accept(entity, value);
			}
		});
	}

	/**
	 * Runs a change; a row that breaks a database constraint is refused like any bad
	 * value.
	 */
	private <T> T write(java.util.function.Supplier<T> work) {
		try {
			return this.service.write(work);
		}
		catch (DataIntegrityViolationException ex) {
			throw ODataRequestException
				.invalidBody("The change conflicts with existing data (a duplicate email or a row still referred to).");
		}
	}

}
