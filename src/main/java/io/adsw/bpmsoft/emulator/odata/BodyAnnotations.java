package io.adsw.bpmsoft.emulator.odata;

import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The annotations of a POST or PATCH body ({@code @odata.type},
 * {@code Status@odata.bind}, ...), read as ASP.NET OData reads them rather than skipped:
 * what a client copies from a row it read describes that row and is let through, a type
 * is checked, a link to another row is refused, since lookups are set through their
 * {@code <Name>Id} column, and other OData annotations have no place in a body.
 * Annotations of other vocabularies ({@code @Some.Term}) are let through, as ASP.NET
 * OData skips the ones it is not asked to read.
 */
final class BodyAnnotations {

	/**
	 * What a row read from the service carries about itself; a client sending it back (a
	 * read row, changed, as a PATCH body) changes nothing with it.
	 */
	private static final Set<String> DESCRIPTIVE = Set.of("odata.context", "odata.id", "odata.etag", "odata.editLink",
			"odata.readLink", "odata.metadataEtag", "odata.navigationLink", "odata.associationLink");

	private static final String ODATA = "odata.";

	private BodyAnnotations() {
	}

	/**
	 * Checks the annotation named {@code name} ({@code @term} for the row,
	 * {@code Property@term} for a property) with its value.
	 * @throws ODataRequestException when the body may not carry it
	 */
	static void check(EntitySetMapping<?> set, String name, JsonNode value) {
		int at = name.indexOf('@');
		String annotated = name.substring(0, at);
		String term = name.substring(at + 1);
		if (annotated.isEmpty()) {
			if (term.equals("odata.type")) {
				checkEntityType(set, value);
			}
			else {
				checkOther(term);
			}
			return;
		}
		Optional<NavigationMapping> navigation = set.navigation(annotated);
		if (navigation.isPresent()) {
			if (term.equals("odata.bind")) {
				throw notSettable(set, navigation.get());
			}
			checkOther(term);
			return;
		}
		ColumnMapping<?> column = set.column(annotated).orElseThrow(() -> unknownProperty(set, annotated));
		if (term.equals("odata.type")) {
			checkPropertyType(column, value);
		}
		else {
			checkOther(term);
		}
	}

	/**
	 * The refusal of a navigation property set in a body, as a value or bound with
	 * {@code @odata.bind}: a lookup is set through its column.
	 */
	static ODataRequestException notSettable(EntitySetMapping<?> set, NavigationMapping navigation) {
		String property = "The navigation property '" + navigation.name() + "' of type '" + type(set) + "'";
		if (navigation.collection()) {
			return ODataRequestException
				.invalidBody(property + " cannot be set: the rows it leads to change at their own address.");
		}
		boolean writable = set.column(navigation.column()).map(ColumnMapping::writable).orElse(false);
		return ODataRequestException.invalidBody(writable
				? property + " cannot be bound: set its column '" + navigation.column() + "' to the row's Id instead."
				: property + " is read-only: the stand maintains its column '" + navigation.column() + "'.");
	}

	/** ASP.NET OData's refusal of a property the type does not have. */
	static ODataRequestException unknownProperty(EntitySetMapping<?> set, String name) {
		return ODataRequestException.invalidBody("The property '" + name + "' does not exist on type '" + type(set)
				+ "'. Make sure to only use property names that are defined by the type.");
	}

	private static void checkEntityType(EntitySetMapping<?> set, JsonNode value) {
		String named = value.isString() ? withoutHash(value.stringValue()) : value.toString();
		if (named.equals(type(set))) {
			return;
		}
		if (named.startsWith(BpmEdmProvider.NAMESPACE + ".")) {
			// ASP.NET OData's words for a row of another entity type.
			throw ODataRequestException.invalidBody("A resource with type '" + named + "' was found, but it is not"
					+ " assignable to the expected type '" + type(set) + "'. The type specified in the resource must be"
					+ " equal to either the expected type or a derived type.");
		}
		throw ODataRequestException.invalidBody("A type named '" + named + "' could not be resolved by the model. When"
				+ " a model is available, each type name must resolve to a valid type.");
	}

	/**
	 * A property's {@code @odata.type}, as OData JSON writes primitive types:
	 * {@code Guid}, {@code #Guid} or {@code Edm.Guid}.
	 */
	private static void checkPropertyType(ColumnMapping<?> column, JsonNode value) {
		String expected = column.type().getFullQualifiedName().getFullQualifiedNameAsString();
		String named = value.isString() ? withoutHash(value.stringValue()) : value.toString();
		if (named.equals(expected) || ("Edm." + named).equals(expected)) {
			return;
		}
		throw ODataRequestException.invalidBody("The property '" + column.name() + "' is of type '" + expected
				+ "', not '" + named + "' as its @odata.type says.");
	}

	/**
	 * Any other annotation: what describes a row read from the service and other
	 * vocabularies' terms are let through; other OData annotations are refused.
	 */
	private static void checkOther(String term) {
		boolean odata = term.startsWith(ODATA);
		if ((odata && DESCRIPTIVE.contains(term)) || (!odata && term.indexOf('.') > 0)) {
			return;
		}
		throw ODataRequestException.invalidBody("The annotation '" + term + "' was found. This annotation is either"
				+ " not recognized or not expected at the current position.");
	}

	private static String withoutHash(String type) {
		return type.startsWith("#") ? type.substring(1) : type;
	}

	private static String type(EntitySetMapping<?> set) {
		return BpmEdmProvider.NAMESPACE + "." + set.name();
	}

}
