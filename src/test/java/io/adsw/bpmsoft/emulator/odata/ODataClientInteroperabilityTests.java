package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.ElmaClient;
import io.adsw.bpmsoft.emulator.StandTest;
import io.restassured.response.Response;
import org.apache.olingo.client.api.EdmEnabledODataClient;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.ODataClientErrorException;
import org.apache.olingo.client.api.communication.request.batch.BatchManager;
import org.apache.olingo.client.api.communication.request.batch.ODataBatchRequest;
import org.apache.olingo.client.api.communication.request.batch.ODataBatchResponseItem;
import org.apache.olingo.client.api.communication.request.batch.ODataChangeset;
import org.apache.olingo.client.api.communication.request.cud.UpdateType;
import org.apache.olingo.client.api.communication.response.ODataBatchResponse;
import org.apache.olingo.client.api.communication.response.ODataEntityCreateResponse;
import org.apache.olingo.client.api.communication.response.ODataResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.api.domain.ClientServiceDocument;
import org.apache.olingo.client.api.uri.FilterFactory;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.client.core.serialization.ContextURLParser;
import org.apache.olingo.commons.api.data.ContextURL;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.EdmPrimitiveTypeKind;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.adsw.bpmsoft.emulator.ElmaClient.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The data service driven by Apache Olingo's own OData 4 client: it must read the
 * metadata, the service document, rows with Creatio's seven-digit timestamps, empty
 * values and context URLs, expansions, errors and batches, and write rows the way a
 * generic OData client does.
 */
@StandTest
class ODataClientInteroperabilityTests {

	private static final FullQualifiedName CONTACT = new FullQualifiedName(DataService.NAMESPACE, "Contact");

	@LocalServerPort
	int port;

	DataService odata;

	@Autowired
	ElmaClient elma;

	String serviceRoot;

	EdmEnabledODataClient client;

	String tag;

	@BeforeEach
	void setUp() {
		this.odata = new DataService(this.port);
		this.serviceRoot = this.odata.serviceRoot();
		this.client = ODataClientFactory.getEdmEnabledClient(this.serviceRoot);
		this.client.getConfiguration()
			.setHttpClientFactory(new PreemptiveBasicAuth(DataService.USER, DataService.PASSWORD));
		this.tag = DataService.tag();
	}

	private URI contacts() {
		return this.client.newURIBuilder(this.serviceRoot).appendEntitySetSegment("Contact").build();
	}

	private URI contact(Object id) {
		return this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("Contact")
			.appendKeySegment(id)
			.build();
	}

	private ClientEntity newContact(String name, String email) {
		ClientEntity contact = this.client.getObjectFactory().newEntity(CONTACT);
		contact.getProperties().add(text("Name", name));
		contact.getProperties().add(text("Email", email));
		return contact;
	}

	private org.apache.olingo.client.api.domain.ClientProperty text(String name, String value) {
		return this.client.getObjectFactory()
			.newPrimitiveProperty(name, this.client.getObjectFactory().newPrimitiveValueBuilder().buildString(value));
	}

	private static Object value(ClientEntity entity, String property) {
		return entity.getProperty(property).getPrimitiveValue().toValue();
	}

	@Test
	void plainClientReadsTheMetadata() {
		ODataClient plain = ODataClientFactory.getClient();
		plain.getConfiguration().setHttpClientFactory(new PreemptiveBasicAuth(DataService.USER, DataService.PASSWORD));
		Edm edm = plain.getRetrieveRequestFactory().getMetadataRequest(this.serviceRoot).execute().getBody();
		assertThat(edm.getSchema(DataService.NAMESPACE)).isNotNull();
		assertThat(edm.getEntityContainer().getEntitySets()).extracting((set) -> set.getName())
			.containsExactlyInAnyOrder("Contact", "Approval", "ApprovalVisa", "VisaStatus", "ApprovalStatus");
		EdmEntityType contact = edm.getEntityType(CONTACT);
		assertThat(contact.getPropertyNames()).containsExactly("Id", "Name", "Surname", "GivenName", "Email",
				"JobTitle", "Phone", "MobilePhone", "CreatedOn", "CreatedById", "ModifiedOn", "ModifiedById",
				"ProcessListeners");
		assertThat(contact.getKeyPredicateNames()).containsExactly("Id");
		assertThat(contact.getStructuralProperty("CreatedOn").getType().getFullQualifiedName())
			.isEqualTo(EdmPrimitiveTypeKind.DateTimeOffset.getFullQualifiedName());
		EdmEntityType approval = edm.getEntityType(new FullQualifiedName(DataService.NAMESPACE, "Approval"));
		EdmNavigationProperty visas = approval.getNavigationProperty("ApprovalVisaCollectionByApproval");
		assertThat(visas.isCollection()).isTrue();
		assertThat(visas.getType().getName()).isEqualTo("ApprovalVisa");
		EdmEntityType visa = edm.getEntityType(new FullQualifiedName(DataService.NAMESPACE, "ApprovalVisa"));
		assertThat(visa.getStructuralProperty("SetDate").getType().getFullQualifiedName())
			.isEqualTo(EdmPrimitiveTypeKind.DateTimeOffset.getFullQualifiedName());
		assertThat(visa.getNavigationProperty("VisaOwner").getType().getName()).isEqualTo("Contact");
	}

	@Test
	void clientReadsTheServiceDocument() {
		ClientServiceDocument document = this.client.getRetrieveRequestFactory()
			.getServiceDocumentRequest(this.serviceRoot)
			.execute()
			.getBody();
		assertThat(document.getEntitySets()).containsEntry("Contact", URI.create(this.serviceRoot + "/Contact"))
			.containsEntry("ApprovalVisa", URI.create(this.serviceRoot + "/ApprovalVisa"))
			.hasSize(5);
	}

	@Test
	void clientCreatesAContactAndReadsItBack() {
		String email = DataService.email(this.tag);
		ODataEntityCreateResponse<ClientEntity> created = this.client.getCUDRequestFactory()
			.getEntityCreateRequest(contacts(), newContact(this.tag, email))
			.execute();
		assertThat(created.getStatusCode()).isEqualTo(201);
		ClientEntity echoed = created.getBody();
		assertThat(value(echoed, "Id")).isInstanceOf(UUID.class);
		UUID id = (UUID) value(echoed, "Id");
		assertThat(created.getHeader("Location")).containsExactly(this.serviceRoot + "/Contact(" + id + ")");
		ClientEntity read = this.client.getRetrieveRequestFactory().getEntityRequest(contact(id)).execute().getBody();
		assertThat(read.getTypeName()).isEqualTo(CONTACT);
		assertThat(value(read, "Name")).isEqualTo(this.tag);
		assertThat(value(read, "Email")).isEqualTo(email);
		assertThat(value(read, "Surname")).isEqualTo("");
		assertThat(value(read, "ProcessListeners")).isEqualTo(0);
		assertThat(value(read, "CreatedOn")).isInstanceOf(Timestamp.class);
	}

	@Test
	void clientReadsSevenDigitTimestampsExactly() throws Exception {
		Response posted = this.odata.post("Contact", ElmaClient.json("Name", this.tag));
		String echoed = DataService.json(posted).get("CreatedOn").asString();
		assertThat(echoed).matches(DataService.TIMESTAMP);
		ClientEntity fromEcho = this.client.getReader()
			.readEntity(new ByteArrayInputStream(posted.asByteArray()), ContentType.JSON);
		assertThat(((Timestamp) value(fromEcho, "CreatedOn")).toInstant()).isEqualTo(Instant.parse(echoed));
		UUID id = (UUID) value(fromEcho, "Id");
		String stored = this.odata.entity("Contact", id.toString()).get("ModifiedOn").asString();
		ClientEntity read = this.client.getRetrieveRequestFactory().getEntityRequest(contact(id)).execute().getBody();
		assertThat(((Timestamp) value(read, "ModifiedOn")).toInstant()).isEqualTo(Instant.parse(stored));
	}

	@Test
	void clientReadsEmptyLookupsAndTheEmptyDate() {
		String email = DataService.email(this.tag);
		this.odata.createContact(this.tag, email);
		String approval = this.odata.createApproval(this.tag);
		this.elma.createChain(approval, email).spec(success());
		URI uri = this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("ApprovalVisa")
			.filter(this.client.getFilterFactory().eq("ApprovalId", UUID.fromString(approval)))
			.build();
		ClientEntity visa = this.client.getRetrieveRequestFactory()
			.getEntitySetRequest(uri)
			.execute()
			.getBody()
			.getEntities()
			.get(0);
		assertThat(value(visa, "SetById")).isEqualTo(new UUID(0, 0));
		assertThat(((Timestamp) value(visa, "SetDate")).toInstant()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
		assertThat(value(visa, "IsCanceled")).isEqualTo(false);
		assertThat(value(visa, "StatusId")).isEqualTo(UUID.fromString(DataService.WAITING));
		assertThat(value(visa, "Comment")).isEqualTo("");
	}

	@Test
	void clientParsesTheContextUrls() throws Exception {
		this.odata.createContact(this.tag, DataService.email(this.tag));
		ContextURL collection = ContextURLParser.parse(this.client.getDeserializer(ContentType.JSON)
			.toEntitySet(body(this.odata.get("Contact?$select=Id,Name&$filter=Name eq '" + this.tag + "'")))
			.getContextURL());
		assertThat(collection.getServiceRoot()).isEqualTo(URI.create(this.serviceRoot + "/"));
		assertThat(collection.getEntitySetOrSingletonOrType()).isEqualTo("Contact");
		assertThat(collection.getSelectList()).isEqualTo("Id,Name");
		assertThat(collection.isEntity()).isFalse();
		String id = this.odata.column("Contact?$filter=Name eq '" + this.tag + "'", "Id").get(0);
		ContextURL entity = ContextURLParser.parse(this.client.getDeserializer(ContentType.JSON)
			.toEntity(body(this.odata.get("Contact(" + id + ")")))
			.getContextURL());
		assertThat(entity.getEntitySetOrSingletonOrType()).isEqualTo("Contact");
		assertThat(entity.isEntity()).isTrue();
	}

	private static InputStream body(Response response) {
		assertThat(response.statusCode()).isEqualTo(200);
		return new ByteArrayInputStream(response.asByteArray());
	}

	@Test
	void clientFiltersSortsPagesAndCountsWithTheUriBuilder() {
		List<UUID> ids = new ArrayList<>();
		for (String letter : List.of("A", "B", "C", "D")) {
			ClientEntity created = this.client.getCUDRequestFactory()
				.getEntityCreateRequest(contacts(), newContact(this.tag + " " + letter, DataService.email(this.tag)))
				.execute()
				.getBody();
			ids.add((UUID) value(created, "Id"));
		}
		FilterFactory filters = this.client.getFilterFactory();
		URI uri = this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("Contact")
			.filter(filters.and(filters.match(filters.getArgFactory()
				.startswith(filters.getArgFactory().property("Name"), filters.getArgFactory().literal(this.tag))),
					filters.ne("Id", ids.get(0))))
			.orderBy("Name desc")
			.top(2)
			.skip(1)
			.count(true)
			.select("Id", "Name")
			.build();
		ClientEntitySet page = this.client.getRetrieveRequestFactory().getEntitySetRequest(uri).execute().getBody();
		assertThat(page.getCount()).isEqualTo(3);
		assertThat(page.getEntities()).extracting((row) -> value(row, "Name"))
			.containsExactly(this.tag + " C", this.tag + " B");
		URI byId = this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("Contact")
			.filter(filters.eq("Id", ids.get(3)))
			.build();
		assertThat(this.client.getRetrieveRequestFactory().getEntitySetRequest(byId).execute().getBody().getEntities())
			.extracting((row) -> value(row, "Name"))
			.containsExactly(this.tag + " D");
	}

	@Test
	void clientExpandsACollectionALookupAndANestedLookup() {
		String first = DataService.email(this.tag);
		String second = DataService.email(this.tag);
		this.odata.createContact(this.tag + " first", first);
		this.odata.createContact(this.tag + " second", second);
		String approval = this.odata.createApproval(this.tag);
		this.elma.createChain(approval, first + ";" + second).spec(success());
		URI uri = this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("Approval")
			.appendKeySegment(UUID.fromString(approval))
			.expand("Status", "ApprovalVisaCollectionByApproval($orderby=Position;$expand=VisaOwner)")
			.build();
		ClientEntity row = this.client.getRetrieveRequestFactory().getEntityRequest(uri).execute().getBody();
		ClientEntity status = row.getNavigationLink("Status").asInlineEntity().getEntity();
		assertThat(value(status, "Name")).isEqualTo("InProgress");
		List<ClientEntity> visas = row.getNavigationLink("ApprovalVisaCollectionByApproval")
			.asInlineEntitySet()
			.getEntitySet()
			.getEntities();
		assertThat(visas).extracting((visa) -> value(visa, "Position")).containsExactly(1, 2);
		assertThat(visas)
			.extracting((visa) -> value(visa.getNavigationLink("VisaOwner").asInlineEntity().getEntity(), "Email"))
			.containsExactly(first, second);
	}

	@Test
	void clientReadsAPropertyItsRawValueAndTheCount() {
		String id = this.odata.createContact(this.tag + " Кириллица", DataService.email(this.tag));
		URI property = this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("Contact")
			.appendKeySegment(UUID.fromString(id))
			.appendPropertySegment("Name")
			.build();
		assertThat(this.client.getRetrieveRequestFactory()
			.getPropertyRequest(property)
			.execute()
			.getBody()
			.getPrimitiveValue()
			.toValue()).isEqualTo(this.tag + " Кириллица");
		URI raw = this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("Contact")
			.appendKeySegment(UUID.fromString(id))
			.appendPropertySegment("Name")
			.appendValueSegment()
			.build();
		assertThat(this.client.getRetrieveRequestFactory().getValueRequest(raw).execute().getBody().toValue())
			.isEqualTo(this.tag + " Кириллица");
		URI count = this.client.newURIBuilder(this.serviceRoot).appendEntitySetSegment("VisaStatus").count().build();
		assertThat(this.client.getRetrieveRequestFactory().getValueRequest(count).execute().getBody().toValue())
			.isEqualTo("4");
	}

	@Test
	void clientChangesAndDeletesARow() {
		UUID id = (UUID) value(this.client.getCUDRequestFactory()
			.getEntityCreateRequest(contacts(), newContact(this.tag, DataService.email(this.tag)))
			.execute()
			.getBody(), "Id");
		ClientEntity change = this.client.getObjectFactory().newEntity(CONTACT);
		change.getProperties().add(text("JobTitle", "Olingo"));
		assertThat(this.client.getCUDRequestFactory()
			.getEntityUpdateRequest(contact(id), UpdateType.PATCH, change)
			.execute()
			.getStatusCode()).isEqualTo(204);
		assertThat(this.odata.entity("Contact", id.toString()).get("JobTitle").asString()).isEqualTo("Olingo");
		assertThat(this.client.getCUDRequestFactory().getDeleteRequest(contact(id)).execute().getStatusCode())
			.isEqualTo(204);
		ODataClientErrorException gone = catchThrowableOfType(ODataClientErrorException.class,
				() -> this.client.getRetrieveRequestFactory().getEntityRequest(contact(id)).execute());
		assertThat(gone.getStatusLine().getStatusCode()).isEqualTo(404);
	}

	@Test
	void clientReadsCreatiosErrorEnvelope() {
		URI uri = this.client.newURIBuilder(this.serviceRoot)
			.appendEntitySetSegment("Contact")
			.filter("Foo eq 1")
			.build();
		ODataClientErrorException error = catchThrowableOfType(ODataClientErrorException.class,
				() -> this.client.getRetrieveRequestFactory().getEntitySetRequest(uri).execute());
		assertThat(error.getStatusLine().getStatusCode()).isEqualTo(400);
		assertThat(error.getODataError().getCode()).isEmpty();
		assertThat(error.getODataError().getMessage()).startsWith("The query specified in the URI is not valid."
				+ " Could not find a property named 'Foo' on type 'BPMSoft.Configuration.OData.Contact'.");
		assertThat(innerMessage(error))
			.isEqualTo("Could not find a property named 'Foo' on type 'BPMSoft.Configuration.OData.Contact'.");
	}

	@Test
	void clientRefusedWriteCarriesTheEnvelope() {
		ClientEntity contact = newContact(this.tag, DataService.email(this.tag));
		contact.getProperties().add(text("Foo", "bar"));
		ODataClientErrorException error = catchThrowableOfType(ODataClientErrorException.class,
				() -> this.client.getCUDRequestFactory().getEntityCreateRequest(contacts(), contact).execute());
		assertThat(error.getStatusLine().getStatusCode()).isEqualTo(400);
		assertThat(innerMessage(error)).isEqualTo(
				"item : The property 'Foo' does not exist on type 'BPMSoft.Configuration.OData.Contact'. Make sure to"
						+ " only use property names that are defined by the type.\r\n");
		assertThat(this.odata.rows("Contact?$filter=Name eq '" + this.tag + "'")).isEmpty();
	}

	/**
	 * The client keeps each member of {@code innererror} as JSON text, quotes included;
	 * this is its value.
	 */
	private static String innerMessage(ODataClientErrorException error) {
		assertThat(error.getODataError().getInnerError()).containsKeys("message", "type", "stacktrace");
		return DataService.JSON.readTree(error.getODataError().getInnerError().get("message")).asString();
	}

	@Test
	void clientSendsAMultipartBatchWithAChangeSet() {
		ODataBatchRequest batch = this.client.getBatchRequestFactory().getBatchRequest(this.serviceRoot);
		BatchManager payload = batch.payloadManager();
		payload.addRequest(this.client.getRetrieveRequestFactory()
			.getEntitySetRequest(
					this.client.newURIBuilder(this.serviceRoot).appendEntitySetSegment("VisaStatus").build()));
		ODataChangeset changes = payload.addChangeset();
		changes.addRequest(this.client.getCUDRequestFactory()
			.getEntityCreateRequest(contacts(), newContact(this.tag, DataService.email(this.tag))));
		ODataBatchResponse response = payload.getResponse();
		assertThat(response.getStatusCode()).isEqualTo(200);
		List<Integer> statuses = new ArrayList<>();
		List<Integer> visaStatuses = new ArrayList<>();
		Iterator<ODataBatchResponseItem> items = response.getBody();
		while (items.hasNext()) {
			ODataBatchResponseItem item = items.next();
			while (item.hasNext()) {
				ODataResponse answer = item.next();
				statuses.add(answer.getStatusCode());
				if (answer instanceof org.apache.olingo.client.api.communication.response.ODataRetrieveResponse<?> read
						&& read.getBody() instanceof ClientEntitySet set) {
					visaStatuses.add(set.getEntities().size());
				}
			}
		}
		assertThat(statuses).containsExactly(200, 201);
		assertThat(visaStatuses).containsExactly(4);
		assertThat(this.odata.rows("Contact?$filter=Name eq '" + this.tag + "'")).hasSize(1);
	}

}
