package io.adsw.bpmsoft.emulator.odata;

import java.util.List;

import org.apache.olingo.server.api.uri.UriInfo;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourceKind;
import org.apache.olingo.server.api.uri.UriResourceNavigation;

/**
 * The methods each resource of the data service takes, for the {@code Allow} header and
 * the message of a 405: a writable set's collection takes GET and POST, its rows GET,
 * PATCH (or PUT) and DELETE; read-only sets, and what a path reaches beyond a row
 * (navigations, properties, {@code /$count}), only GET; {@code $batch} only POST.
 */
final class AllowedMethods {

	private static final String GET = "GET";

	private AllowedMethods() {
	}

	/** The 405 of a request whose method the resource it names does not take. */
	static ODataRequestException refusal(UriInfo uri, EntitySets sets, String method) {
		String message = "The requested resource does not support http method '" + method + "'.";
		return switch (uri.getKind()) {
			case metadata -> ODataRequestException.methodNotAllowed(message, "GET, HEAD",
					"The metadata document is only read, with GET.");
			case service -> ODataRequestException.methodNotAllowed(message, "GET, HEAD",
					"The service document is only read, with GET.");
			case batch -> ODataRequestException.methodNotAllowed(message, "POST", "A batch is sent with POST.");
			case resource -> resource(uri.getUriResourceParts(), sets, message);
			default -> ODataRequestException.methodNotAllowed(message, GET, "This resource is only read, with GET.");
		};
	}

	private static ODataRequestException resource(List<UriResource> parts, EntitySets sets, String message) {
		UriResourceEntitySet first = (UriResourceEntitySet) parts.get(0);
		EntitySetMapping<?> set = sets.get(first.getEntitySet().getName());
		String name = set.name();
		if (set.readOnly()) {
			String why = name.equals(EntitySets.APPROVAL_VISA)
					? "visas change only as ELMA drives their approval, so that its lifecycle rules always hold."
					: "its rows are the stand's fixed lookup values.";
			return ODataRequestException.methodNotAllowed(message, GET,
					"The entity set '" + name + "' is read-only: " + why);
		}
		boolean key = !first.getKeyPredicates().isEmpty();
		if (parts.size() == 1) {
			return key ? ODataRequestException.methodNotAllowed(message, "GET, PATCH, PUT, DELETE", "A row of '" + name
					+ "' is read with GET, changed with PATCH (or PUT) and deleted with DELETE; new rows are posted"
					+ " to the collection, " + name + ".")
					: ODataRequestException.methodNotAllowed(message, "GET, POST", "The collection '" + name
							+ "' is read with GET and takes new rows with POST; a row is changed or deleted at its own"
							+ " address, " + name + "(<id>).");
		}
		UriResource last = parts.get(parts.size() - 1);
		String row = name + (key ? "(" + first.getKeyPredicates().get(0).getText() + ")" : "");
		if (last instanceof UriResourceNavigation navigation) {
			return ODataRequestException.methodNotAllowed(message, GET,
					"What the navigation '" + navigation.getProperty().getName() + "' leads to is only read here: a"
							+ " row changes at its own address, and a lookup with a PATCH of its <Name>Id column.");
		}
		if (last.getKind() == UriResourceKind.count) {
			return ODataRequestException.methodNotAllowed(message, GET, "/$count is only read, with GET.");
		}
		return ODataRequestException.methodNotAllowed(message, GET,
				"Properties are only read here: they change with a PATCH of their row, " + row + ".");
	}

}
