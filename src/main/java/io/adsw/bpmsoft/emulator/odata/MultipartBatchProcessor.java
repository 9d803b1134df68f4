package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.commons.api.http.HttpHeader;
import org.apache.olingo.commons.api.http.HttpStatusCode;
import org.apache.olingo.server.api.OData;
import org.apache.olingo.server.api.ODataApplicationException;
import org.apache.olingo.server.api.ODataLibraryException;
import org.apache.olingo.server.api.ODataRequest;
import org.apache.olingo.server.api.ODataResponse;
import org.apache.olingo.server.api.ServiceMetadata;
import org.apache.olingo.server.api.batch.BatchFacade;
import org.apache.olingo.server.api.deserializer.batch.BatchOptions;
import org.apache.olingo.server.api.deserializer.batch.BatchRequestPart;
import org.apache.olingo.server.api.deserializer.batch.ODataResponsePart;
import org.apache.olingo.server.api.processor.BatchProcessor;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code $batch} in multipart/mixed: requests run one after another through the same
 * processors; each change set is one transaction, undone entirely when one of its
 * requests fails. At most {@value JsonBatch#MAX_REQUESTS} requests.
 */
class MultipartBatchProcessor implements BatchProcessor {

	private final PlatformTransactionManager transactions;

	private final CreatioJson json;

	private OData odata;

	MultipartBatchProcessor(PlatformTransactionManager transactions, CreatioJson json) {
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	public void init(OData odata, ServiceMetadata metadata) {
		this.odata = odata;
	}

	@Override
	public void processBatch(BatchFacade facade, ODataRequest request, ODataResponse response)
			throws ODataApplicationException, ODataLibraryException {
		String boundary = facade.extractBoundaryFromContentType(request.getHeader(HttpHeader.CONTENT_TYPE));
		BatchOptions options = BatchOptions.with()
			.rawBaseUri(request.getRawBaseUri())
			.rawServiceResolutionUri(request.getRawServiceResolutionUri())
			.build();
		List<BatchRequestPart> parts = this.odata.createFixedFormatDeserializer()
			.parseBatchRequest(request.getBody(), boundary, options);
		if (parts.stream().mapToInt((part) -> part.getRequests().size()).sum() > JsonBatch.MAX_REQUESTS) {
			throw JsonBatch.tooLarge();
		}
		List<ODataResponsePart> answers = new ArrayList<>();
		for (BatchRequestPart part : parts) {
			ODataResponse refused = part.isChangeSet() ? null : refusal(part.getRequests().get(0));
			answers.add((refused != null) ? new ODataResponsePart(refused, false) : facade.handleBatchRequest(part));
		}
		String answerBoundary = "batchresponse_" + UUID.randomUUID();
		response.setContent(this.odata.createFixedFormatSerializer().batchResponse(answers, answerBoundary));
		response.setHeader(HttpHeader.CONTENT_TYPE, ContentType.MULTIPART_MIXED + ";boundary=" + answerBoundary);
		response.setStatusCode(HttpStatusCode.OK.getStatusCode());
	}

	@Override
	public ODataResponsePart processChangeSet(BatchFacade facade, List<ODataRequest> requests) {
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		return transaction.execute((status) -> {
			List<ODataResponse> answers = new ArrayList<>();
			for (ODataRequest request : requests) {
				ODataResponse answer = refusal(request);
				try {
					if (answer == null) {
						answer = facade.handleODataRequest(request);
					}
				}
				catch (ODataApplicationException | ODataLibraryException ex) {
					throw new IllegalStateException(ex);
				}
				if (answer.getStatusCode() >= 400) {
					status.setRollbackOnly();
					return new ODataResponsePart(answer, false);
				}
				answers.add(answer);
			}
			return new ODataResponsePart(answers, true);
		});
	}

	/**
	 * The part's answer when the stand refuses it before Olingo parses its query, as the
	 * servlet does for a request of its own (see {@link QueryNesting}); {@code null} when
	 * the part goes on to Olingo.
	 */
	private @Nullable ODataResponse refusal(ODataRequest request) {
		if (!QueryNesting.tooDeep(request.getRawQueryPath())) {
			return null;
		}
		ODataResponse answer = new ODataResponse();
		this.json.answer(answer, ODataRequestException.invalidQuery(QueryNesting.TOO_DEEP));
		return answer;
	}

}
