package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One request of a JSON batch, {@code {"id","method","url","headers","body",
 * "atomicityGroup"}}, checked with all the others before any of them runs: each is an
 * object with an id unique in the batch, a method and a url, and a url that refers to an
 * earlier request ({@code $1/Name}) names one.
 *
 * @param id its id, answered with its response
 * @param method its HTTP method, in upper case
 * @param url its url, relative to the service root or absolute
 * @param atomicityGroup the group it changes together with, if any
 * @param headers its headers
 * @param body its body, if any
 * @param reference the id of the earlier request whose row its url starts from
 * ({@code $1}), if any
 */
record BatchItem(String id, String method, String url, @Nullable String atomicityGroup, Map<String, String> headers,
		@Nullable JsonNode body, @Nullable String reference) {

	/** What a url may start with after {@code $} without referring to a request. */
	private static final List<String> RESOURCES = List.of("metadata", "batch", "all", "crossjoin", "entity");

	/**
	 * The requests of a batch.
	 * @throws ODataRequestException when one of them is not a request the batch can run
	 */
	static List<BatchItem> of(JsonNode requests) {
		List<BatchItem> items = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (JsonNode request : requests) {
			String position = "The request at position " + (items.size() + 1) + " of the batch";
			if (!request.isObject()) {
				throw ODataRequestException.invalidBody(position + " is not a JSON object.");
			}
			String id = text(request, "id");
			if (id == null || id.isEmpty()) {
				throw ODataRequestException
					.invalidBody(position + " has no \"id\": every request needs one, unique in the batch.");
			}
			if (!ids.add(id)) {
				throw ODataRequestException.invalidBody(
						"The id '" + id + "' is given to more than one request of the batch: ids must be unique.");
			}
			String method = text(request, "method");
			if (method == null || method.isBlank()) {
				throw ODataRequestException.invalidBody("The request '" + id + "' of the batch has no \"method\".");
			}
			String url = text(request, "url");
			if (url == null || url.isBlank()) {
				throw ODataRequestException.invalidBody("The request '" + id + "' of the batch has no \"url\".");
			}
			String reference = reference(url);
			if (reference != null && (!ids.contains(reference) || reference.equals(id))) {
				throw ODataRequestException.invalidBody("The url '" + url + "' of the request '" + id + "' refers to '"
						+ reference + "', which is not an earlier request of the batch.");
			}
			items.add(new BatchItem(id, method.strip().toUpperCase(Locale.ROOT), url, text(request, "atomicityGroup"),
					headers(request.get("headers")), body(request.get("body")), reference));
		}
		return items;
	}

	/**
	 * The url with the reference to an earlier request replaced by the address of the row
	 * that request created.
	 */
	String urlFrom(String location) {
		return location + this.url.substring(1 + this.reference.length());
	}

	/**
	 * The id a url's {@code $id} names at its start, as OData's Content-ID references.
	 */
	private static @Nullable String reference(String url) {
		if (!url.startsWith("$")) {
			return null;
		}
		int end = 1;
		while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?' && url.charAt(end) != '(') {
			end++;
		}
		String name = url.substring(1, end);
		return RESOURCES.contains(name) ? null : name;
	}

	private static Map<String, String> headers(@Nullable JsonNode given) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (given != null && given.isObject()) {
			given.properties().forEach((header) -> headers.put(header.getKey(), header.getValue().asString()));
		}
		return headers;
	}

	private static @Nullable JsonNode body(@Nullable JsonNode body) {
		return (body == null || body.isNull()) ? null : body;
	}

	/** A member's text: a string's, or a number's as written; {@code null} for others. */
	private static @Nullable String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return (value != null && (value.isString() || value.isNumber())) ? value.asString() : null;
	}

}
