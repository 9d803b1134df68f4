package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One request of a JSON batch, {@code {"id","method","url","headers","body",
 * "atomicityGroup","dependsOn"}}, checked with all the others before any of them runs:
 * each is an object with an id unique in the batch, a method, a url under the batch's
 * service root that is no batch itself, headers named once each, and no other members; a
 * url that refers to an earlier request ({@code $1/Name}) names one, and so does
 * {@code dependsOn}.
 *
 * @param id its id, answered with its response
 * @param method its HTTP method, in upper case
 * @param url its url as sent
 * @param path its path and query under the service root ({@code /Contact?$top=1}); for a
 * url that refers to an earlier request, what follows the reference ({@code /Name})
 * @param atomicityGroup the group it changes together with, if any
 * @param headers its headers
 * @param body its body, if any
 * @param reference the id of the earlier request whose row its url starts from
 * ({@code $1}), if any
 * @param dependsOn the earlier requests and atomicity groups it needs to have succeeded
 */
record BatchItem(String id, String method, String url, String path, @Nullable String atomicityGroup,
		Map<String, String> headers, @Nullable JsonNode body, @Nullable String reference, List<String> dependsOn) {

	/** What a url may start with after {@code $} without referring to a request. */
	private static final List<String> RESOURCES = List.of("metadata", "batch", "all", "crossjoin", "entity");

	/** The members of a request, as OData's JSON batch format names them. */
	private static final List<String> MEMBERS = List.of("id", "method", "url", "headers", "body", "atomicityGroup",
			"dependsOn");

	/** A url that starts with a scheme ({@code http:}) is an absolute one. */
	private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

	/**
	 * Where the batch was sent: the urls of its requests are resolved against it.
	 *
	 * @param origin the scheme, host and port, {@code http://localhost:8080}
	 * @param path the service root's path, {@code /0/odata}
	 */
	record Root(String origin, String path) {

		/**
		 * The path and query under the service root a url names, as OData's JSON batch
		 * format resolves it: an absolute URL, an absolute path (resolved against the
		 * host), or a path relative to the service root; {@code null} for one outside it.
		 */
		@Nullable String resolve(String url) {
			String path = url;
			if (SCHEME.matcher(url).lookingAt()) {
				if (!url.regionMatches(true, 0, this.origin, 0, this.origin.length())) {
					return null;
				}
				path = url.substring(this.origin.length());
				if (!path.startsWith("/")) {
					return null;
				}
			}
			else if (!path.startsWith("/")) {
				return "/" + path;
			}
			if (!path.startsWith(this.path)) {
				return null;
			}
			String under = path.substring(this.path.length());
			if (under.isEmpty()) {
				return "/";
			}
			return under.startsWith("/") ? under : under.startsWith("?") ? "/" + under : null;
		}

	}

	/**
	 * The requests of a batch.
	 * @throws ODataRequestException when one of them is not a request the batch can run
	 */
	static List<BatchItem> of(JsonNode requests, Root root) {
		List<BatchItem> items = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		Set<String> earlier = new HashSet<>();
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
			String named = "The request '" + id + "' of the batch";
			for (String member : request.propertyNames()) {
				if (member.equals("if")) {
					throw ODataRequestException.invalidBody(named + " has the member 'if', OData 4.01's condition on"
							+ " a request, which the stand does not support: its requests take id, method, url,"
							+ " headers, body, atomicityGroup and dependsOn.");
				}
				if (!MEMBERS.contains(member)) {
					throw ODataRequestException.invalidBody(named + " has the member '" + member
							+ "', which a request of a batch does not have: its members are id, method, url,"
							+ " headers, body, atomicityGroup and dependsOn.");
				}
			}
			String method = text(request, "method");
			if (method == null || method.isBlank()) {
				throw ODataRequestException.invalidBody(named + " has no \"method\".");
			}
			String url = text(request, "url");
			if (url == null || url.isBlank()) {
				throw ODataRequestException.invalidBody(named + " has no \"url\".");
			}
			String reference = reference(url);
			if (reference != null && (!ids.contains(reference) || reference.equals(id))) {
				throw ODataRequestException.invalidBody("The url '" + url + "' of the request '" + id + "' refers to '"
						+ reference + "', which is not an earlier request of the batch.");
			}
			String path = (reference != null) ? url.substring(1 + reference.length()) : root.resolve(url);
			if (path == null) {
				throw ODataRequestException.invalidBody("The url '" + url + "' of the request '" + id
						+ "' is outside the service root " + root.path() + "/ the batch was sent to: a url is"
						+ " relative to the service root (Contact), an absolute path under it (" + root.path()
						+ "/Contact) or an absolute URL under it (" + root.origin() + root.path() + "/Contact).");
			}
			if (reference == null && isBatch(path)) {
				throw ODataRequestException.invalidBody("The url '" + url + "' of the request '" + id
						+ "' is a batch: a batch cannot hold another one; send its requests in this batch.");
			}
			String atomicityGroup = text(request, "atomicityGroup");
			List<String> dependsOn = dependsOn(request.get("dependsOn"), named, earlier);
			items.add(new BatchItem(id, method.strip().toUpperCase(Locale.ROOT), url, path, atomicityGroup,
					headers(request.get("headers"), named), body(request.get("body")), reference, dependsOn));
			earlier.add(id);
			if (atomicityGroup != null) {
				earlier.add(atomicityGroup);
			}
		}
		return items;
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

	/** Whether a path under the service root is its {@code $batch}. */
	private static boolean isBatch(String path) {
		int question = path.indexOf('?');
		String resource = (question >= 0) ? path.substring(0, question) : path;
		return resource.equals("/$batch") || resource.equals("/$batch/");
	}

	/**
	 * The requests and atomicity groups a request needs to have succeeded: earlier ones,
	 * as OData's JSON batch format allows no forward reference.
	 */
	private static List<String> dependsOn(@Nullable JsonNode given, String named, Set<String> earlier) {
		if (given == null || given.isNull()) {
			return List.of();
		}
		if (!given.isArray()) {
			throw ODataRequestException.invalidBody(named
					+ " has a \"dependsOn\" that is not an array: it lists the ids of the earlier requests it needs.");
		}
		List<String> names = new ArrayList<>();
		for (JsonNode entry : given) {
			if (!entry.isString()) {
				throw ODataRequestException.invalidBody(
						named + " lists " + entry + " in its \"dependsOn\", which takes request ids, as text.");
			}
			String name = entry.asString();
			if (!earlier.contains(name)) {
				throw ODataRequestException.invalidBody(named + " depends on '" + name + "', which is neither an"
						+ " earlier request nor an earlier atomicity group of the batch: \"dependsOn\" names only"
						+ " those that come before it.");
			}
			names.add(name);
		}
		return List.copyOf(names);
	}

	/**
	 * Its headers, each named once: header names are the same whatever their case, so one
	 * given twice would leave which of its values counts to chance.
	 */
	private static Map<String, String> headers(@Nullable JsonNode given, String named) {
		Map<String, String> headers = new LinkedHashMap<>();
		if (given == null || given.isNull()) {
			return headers;
		}
		if (!given.isObject()) {
			throw ODataRequestException.invalidBody(named
					+ " has \"headers\" that are not a JSON object: write them as {\"Content-Type\": \"application/json\"}.");
		}
		Map<String, String> names = new LinkedHashMap<>();
		given.properties().forEach((header) -> {
			String name = header.getKey();
			String first = names.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
			if (first != null) {
				throw ODataRequestException
					.invalidBody(named + " gives the header '" + first + "' more than once ('" + first + "' and '"
							+ name + "'): header names are the same whatever their case, so each is" + " given once.");
			}
			if (!header.getValue().isString() && !header.getValue().isNumber()) {
				throw ODataRequestException
					.invalidBody(named + " gives the header '" + name + "' a value that is not text.");
			}
			headers.put(name, header.getValue().asString());
		});
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
