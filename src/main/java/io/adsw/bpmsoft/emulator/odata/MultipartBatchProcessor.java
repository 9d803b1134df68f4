package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

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

	private static final Pattern HOST_HEADER = Pattern.compile("(?im)^Host:[^\r\n]*\r?\n");

	/**
	 * A request line of a method without a body, its headers and one blank line before
	 * the boundary.
	 */
	private static final Pattern BODILESS_BEFORE_BOUNDARY = Pattern
		.compile("(?m)^((?:GET|DELETE) [^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*)(\r?\n--)");

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
			.parseBatchRequest(readable(request.getBody()), boundary, options);
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

	/**
	 * The batch as ASP.NET OData reads it, in the form Olingo reads. Olingo refuses a
	 * request whose {@code Host} is not the stand's own address and port
	 * ({@code Host: localhost} of OData's examples, or the name a proxy was reached by),
	 * and uses it for nothing else: the {@code Host} headers are left out. A line that
	 * starts with {@code Host:} is a header, since the bodies of a batch's requests are
	 * JSON. And a request without a body followed by one blank line and the boundary, as
	 * in OData's own examples, lacks the blank line after its headers for Olingo, which
	 * takes the line break before a boundary as the boundary's: it is given a second one.
	 * The bytes are read as ISO-8859-1, which gives every byte back as it was.
	 */
	private static InputStream readable(InputStream body) throws ODataApplicationException {
		byte[] bytes;
		try {
			bytes = body.readAllBytes();
		}
		catch (IOException ex) {
			throw new ODataApplicationException("The batch could not be read.",
					HttpStatusCode.BAD_REQUEST.getStatusCode(), Locale.ROOT, ex);
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		String readable = BODILESS_BEFORE_BOUNDARY.matcher(HOST_HEADER.matcher(text).replaceAll(""))
			.replaceAll("$1\r\n$2");
		return new ByteArrayInputStream(readable.equals(text) ? bytes : readable.getBytes(StandardCharsets.ISO_8859_1));
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
