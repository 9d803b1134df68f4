package io.adsw.bpmsoft.emulator.odata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.adsw.bpmsoft.emulator.InMemoryBody;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code $batch} in the JSON format Creatio's clients send,
 * {@code {"requests":[{"id","method","url","headers","body","atomicityGroup"}]}},
 * answered {@code {"responses":[{"id","status","headers","body"}]}}. Olingo parses only
 * multipart batches, so each request is run here through the same handler as a request of
 * its own. Requests of one atomicity group share a transaction and fail together; without
 * {@code Prefer: continue-on-error} the batch stops at the first failure, and with it a
 * request that depends on one that failed ({@code dependsOn}) is not run. A batch whose
 * requests are not all well formed ({@link BatchItem}) runs none of them; a url may start
 * from the row an earlier request created, {@code $1/Name}, as OData's Content-ID
 * references do.
 */
class JsonBatch {

	/** At most this many requests in one batch, as on a Creatio stand. */
	static final int MAX_REQUESTS = 100;

	/** Runs one request through the data service. */
	@FunctionalInterface
	interface Dispatcher {

		void dispatch(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;

	}

	private final JsonMapper jsonMapper;

	private final CreatioJson json;

	private final PlatformTransactionManager transactions;

	JsonBatch(JsonMapper jsonMapper, CreatioJson json, PlatformTransactionManager transactions) {
		this.jsonMapper = jsonMapper;
		this.json = json;
		this.transactions = transactions;
	}

	static boolean handles(HttpServletRequest request) {
		String contentType = request.getContentType();
		return "POST".equals(request.getMethod()) && "/$batch".equals(request.getPathInfo()) && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
	}

	/**
	 * For a batch sent neither as JSON nor as multipart/mixed, its 415; {@code null} for
	 * every other request.
	 */
	static @Nullable ODataRequestException unsupportedType(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod()) || !"/$batch".equals(request.getPathInfo())) {
			return null;
		}
		String contentType = request.getContentType();
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT).strip() : null;
		if (type != null && (type.startsWith("application/json") || type.startsWith("multipart/mixed"))) {
			return null;
		}
		return ODataRequestException.unsupportedMediaType(contentType,
				"A batch is sent with Content-Type: application/json (Creatio's JSON batch) or multipart/mixed.");
	}

	static ODataRequestException tooLarge() {
		return ODataRequestException.badRequest("A batch request can contain up to " + MAX_REQUESTS + " requests.");
	}

	void process(HttpServletRequest request, HttpServletResponse response, Dispatcher dispatcher)
			throws IOException, ServletException {
		JsonNode batch;
		try {
			batch = JsonBodies.read(this.jsonMapper, request.getInputStream().readAllBytes(),
					ODataService.declaredCharset(request.getContentType()), "The batch");
		}
		catch (ODataRequestException ex) {
			this.json.answer(response, ex);
			return;
		}
		JsonNode requests = (batch != null) ? batch.get("requests") : null;
		if (requests == null || !requests.isArray()) {
			this.json.answer(response,
					ODataRequestException.invalidBody("A JSON batch is an object with a \"requests\" array."));
			return;
		}
		for (String member : batch.propertyNames()) {
			if (!member.equals("requests")) {
				this.json.answer(response, ODataRequestException.invalidBody("The batch has the member '" + member
						+ "', which a JSON batch does not have: it is an object with a \"requests\" array."));
				return;
			}
		}
		if (requests.size() > MAX_REQUESTS) {
			this.json.answer(response, tooLarge());
			return;
		}
		String address = request.getRequestURL().toString();
		BatchItem.Root root = new BatchItem.Root(
				address.substring(0, address.length() - request.getRequestURI().length()),
				request.getContextPath() + request.getServletPath());
		List<BatchItem> items;
		try {
			items = BatchItem.of(requests, root);
		}
		catch (ODataRequestException ex) {
			this.json.answer(response, ex);
			return;
		}
		boolean continueOnError = Collections.list(request.getHeaders("Prefer"))
			.stream()
			.map((prefer) -> prefer.toLowerCase(Locale.ROOT))
			.anyMatch((prefer) -> prefer.contains("continue-on-error") && !prefer.contains("continue-on-error=false"));
		Run run = new Run(request, response, dispatcher, root);
		List<BatchItem> group = new ArrayList<>();
		for (BatchItem item : items) {
			String atomicity = item.atomicityGroup();
			if (!group.isEmpty() && !Objects.equals(atomicity, group.get(0).atomicityGroup())) {
				boolean succeeded = run.group(group);
				group.clear();
				if (!succeeded && !continueOnError) {
					break;
				}
			}
			if (atomicity == null) {
				if (!run.one(item) && !continueOnError) {
					break;
				}
			}
			else {
				group.add(item);
			}
		}
		if (!group.isEmpty()) {
			run.group(group);
		}
		ObjectNode answer = this.jsonMapper.createObjectNode();
		answer.set("responses", run.responses);
		response.setStatus(200);
		response.setContentType("application/json; charset=utf-8");
		response.setHeader("OData-Version", "4.0");
		this.jsonMapper.writeValue(response.getOutputStream(), answer);
	}

	/**
	 * One batch as it runs: its responses so far, and the rows its requests created, by
	 * request id, for the urls that refer to them ({@code $1/Name}).
	 */
	private final class Run {

		private final HttpServletRequest outer;

		private final HttpServletResponse outerResponse;

		private final Dispatcher dispatcher;

		private final ArrayNode responses = JsonBatch.this.jsonMapper.createArrayNode();

		private final BatchItem.Root root;

		private final Map<String, String> locations = new HashMap<>();

		/**
		 * The requests and atomicity groups that failed, for those that depend on them.
		 */
		private final Set<String> failed = new HashSet<>();

		Run(HttpServletRequest outer, HttpServletResponse outerResponse, Dispatcher dispatcher, BatchItem.Root root) {
			this.outer = outer;
			this.outerResponse = outerResponse;
			this.dispatcher = dispatcher;
			this.root = root;
		}

		/** Runs a request of its own; whether it succeeded. */
		boolean one(BatchItem item) throws IOException, ServletException {
			ObjectNode answer = withoutFailedDependency(item);
			if (answer == null) {
				answer = execute(item);
			}
			this.responses.add(answer);
			boolean succeeded = answer.get("status").intValue() < 400;
			if (!succeeded) {
				this.failed.add(item.id());
			}
			return succeeded;
		}

		/**
		 * For a request that depends on one that failed, its 424, as OData's JSON batch
		 * format answers it: it is not run; {@code null} for others.
		 */
		private @Nullable ObjectNode withoutFailedDependency(BatchItem item) {
			for (String needed : item.dependsOn()) {
				if (this.failed.contains(needed)) {
					return refused(item, 424, "The request '" + item.id() + "' depends on '" + needed
							+ "', which failed, so it was not run.");
				}
			}
			return null;
		}

		/**
		 * Runs an atomicity group in one transaction: all its changes, or none; whether
		 * it succeeded.
		 */
		boolean group(List<BatchItem> group) {
			for (BatchItem item : group) {
				ObjectNode refused = withoutFailedDependency(item);
				if (refused != null) {
					undone(group, refused);
					return false;
				}
			}
			List<ObjectNode> answers = new ArrayList<>();
			TransactionTemplate transaction = new TransactionTemplate(JsonBatch.this.transactions);
			Boolean succeeded = transaction.execute((status) -> {
				for (BatchItem item : group) {
					ObjectNode answer;
					try {
						answer = execute(item);
					}
					catch (IOException | ServletException ex) {
						throw new IllegalStateException(ex);
					}
					answers.add(answer);
					if (answer.get("status").intValue() >= 400) {
						status.setRollbackOnly();
						return false;
					}
				}
				return true;
			});
			if (!Boolean.TRUE.equals(succeeded)) {
				undone(group, answers.get(answers.size() - 1));
				return false;
			}
			answers.forEach(this.responses::add);
			return true;
		}

		/**
		 * The answers of an atomicity group one of whose requests failed: its own, and
		 * 424 for the others.
		 */
		private void undone(List<BatchItem> group, ObjectNode failed) {
			for (BatchItem item : group) {
				this.failed.add(item.id());
				if (item.atomicityGroup() != null) {
					this.failed.add(item.atomicityGroup());
				}
				if (item.id().equals(failed.get("id").asString())) {
					this.responses.add(failed);
				}
				else {
					// Undone with the group: the rows they created are gone.
					this.locations.remove(item.id());
					String message = "Another request of the atomicity group failed, so none of its changes were"
							+ " kept.";
					this.responses.add(refused(item, 424, message));
				}
			}
		}

		private ObjectNode execute(BatchItem item) throws IOException, ServletException {
			String path = item.path();
			if (item.reference() != null) {
				String location = this.locations.get(item.reference());
				path = (location != null) ? this.root.resolve(location + item.path()) : null;
				if (path == null) {
					return refused(item, 400, "The url '" + item.url() + "' of the request '" + item.id()
							+ "' refers to the request '" + item.reference() + "', which created no row.");
				}
			}
			// A body without a Content-Type is refused, as a request of its own is: the
			// batch supposes no type for it.
			byte[] content = (item.body() != null) ? JsonBatch.this.jsonMapper.writeValueAsBytes(item.body())
					: new byte[0];
			SubRequest request = new SubRequest(this.outer, item.method(), path, item.headers(), content);
			Capture response = new Capture();
			this.dispatcher.dispatch(request, response.wrap(this.outerResponse));
			ObjectNode answer = head(item, response.status);
			ObjectNode answerHeaders = answer.putObject("headers");
			response.headers.forEach((name, value) -> answerHeaders.put(name.toLowerCase(Locale.ROOT), value));
			if (answerHeaders.has("location")) {
				this.locations.put(item.id(), answerHeaders.get("location").asString());
			}
			byte[] bytes = response.body.toByteArray();
			if (bytes.length > 0) {
				String type = response.headers.getOrDefault("Content-Type", "");
				if (type.startsWith("application/json")) {
					answer.set("body", JsonBatch.this.jsonMapper.readTree(bytes));
				}
				else {
					answer.put("body", new String(bytes, StandardCharsets.UTF_8));
				}
			}
			return answer;
		}

		/** The answer to a request the batch refuses itself, in Creatio's envelope. */
		private ObjectNode refused(BatchItem item, int status, String message) {
			ObjectNode answer = head(item, status);
			answer.putObject("headers").put("odata-version", "4.0").put("content-type", ODataService.JSON);
			answer.set("body", JsonBatch.this.jsonMapper.readTree(JsonBatch.this.json.error(message, message)));
			return answer;
		}

		private ObjectNode head(BatchItem item, int status) {
			ObjectNode answer = JsonBatch.this.jsonMapper.createObjectNode();
			answer.put("id", item.id());
			if (item.atomicityGroup() != null) {
				answer.put("atomicityGroup", item.atomicityGroup());
			}
			answer.put("status", status);
			return answer;
		}

	}

	/**
	 * One request of the batch, seen by Olingo as a request of its own under the same
	 * service root.
	 */
	private static final class SubRequest extends InMemoryBody {

		private final String method;

		private final String pathInfo;

		private final @Nullable String query;

		private final Map<String, String> headers;

		/**
		 * @param path its path and query under the service root, {@code /Contact?$top=1}
		 */
		SubRequest(HttpServletRequest outer, String method, String path, Map<String, String> headers, byte[] body) {
			super(outer, body);
			this.method = method;
			String relative = path;
			int question = relative.indexOf('?');
			this.pathInfo = (question >= 0) ? relative.substring(0, question) : relative;
			this.query = (question >= 0) ? relative.substring(question + 1) : null;
			this.headers = headers;
		}

		@Override
		public String getMethod() {
			return this.method;
		}

		@Override
		public String getPathInfo() {
			return this.pathInfo;
		}

		@Override
		public String getRequestURI() {
			return getContextPath() + getServletPath() + this.pathInfo;
		}

		@Override
		public StringBuffer getRequestURL() {
			String outer = super.getRequestURL().toString();
			String root = outer.substring(0, outer.length() - "/$batch".length());
			return new StringBuffer(root).append(this.pathInfo);
		}

		@Override
		public @Nullable String getQueryString() {
			return this.query;
		}

		@Override
		public @Nullable String getHeader(String name) {
			for (Map.Entry<String, String> header : this.headers.entrySet()) {
				if (header.getKey().equalsIgnoreCase(name)) {
					return header.getValue();
				}
			}
			return name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length") ? null
					: super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			String value = getHeader(name);
			return Collections.enumeration((value != null) ? List.of(value) : List.of());
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = new ArrayList<>(this.headers.keySet());
			for (String name : Collections.list(super.getHeaderNames())) {
				if (names.stream().noneMatch(name::equalsIgnoreCase) && !name.equalsIgnoreCase("Content-Type")
						&& !name.equalsIgnoreCase("Content-Length")) {
					names.add(name);
				}
			}
			return Collections.enumeration(names);
		}

		@Override
		public @Nullable String getContentType() {
			return getHeader("Content-Type");
		}

	}

	/** What one request of the batch answered. */
	private static final class Capture {

		private int status = 200;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		/**
		 * A response that keeps everything here and never touches the batch's own
		 * response.
		 */
		HttpServletResponse wrap(HttpServletResponse outer) {
			return new HttpServletResponseWrapper(outer) {

				@Override
				public void setStatus(int status) {
					Capture.this.status = status;
				}

				@Override
				public void sendError(int status) {
					Capture.this.status = status;
				}

				@Override
				public void sendError(int status, String message) {
					Capture.this.status = status;
				}

				@Override
				public int getStatus() {
					return Capture.this.status;
				}

				@Override
				public void setHeader(String name, String value) {
					Capture.this.headers.put(name, value);
				}

				@Override
				public void addHeader(String name, String value) {
					Capture.this.headers.merge(name, value, (a, b) -> a + ", " + b);
				}

				@Override
				public void setContentType(String type) {
					Capture.this.headers.put("Content-Type", type);
				}

				@Override
				public ServletOutputStream getOutputStream() {
					return new ServletOutputStream() {

						@Override
						public void write(int b) {
							Capture.this.body.write(b);
						}

						@Override
						public void write(byte[] bytes, int offset, int length) {
							Capture.this.body.write(bytes, offset, length);
						}

						@Override
						public boolean isReady() {
							return true;
						}

						@Override
						public void setWriteListener(WriteListener listener) {
						}

					};
				}

				@Override
				public PrintWriter getWriter() {
					return new PrintWriter(Capture.this.body, true, StandardCharsets.UTF_8);
				}

				@Override
				public void setContentLength(int length) {
				}

				@Override
				public void setContentLengthLong(long length) {
				}

				@Override
				public void setCharacterEncoding(String encoding) {
				}

				@Override
				public void flushBuffer() {
				}

				@Override
				public boolean isCommitted() {
					return false;
				}

				@Override
				public void reset() {
					Capture.this.headers.clear();
					Capture.this.body.reset();
				}

				@Override
				public void resetBuffer() {
					Capture.this.body.reset();
				}

			};
		}

	}

}
