package io.adsw.bpmsoft.emulator.odata;

import java.util.List;
import java.util.UUID;

import org.apache.olingo.server.api.uri.UriInfoResource;
import org.apache.olingo.server.api.uri.UriResource;
import org.apache.olingo.server.api.uri.UriResourceCount;
import org.apache.olingo.server.api.uri.UriResourceEntitySet;
import org.apache.olingo.server.api.uri.UriResourceNavigation;
import org.apache.olingo.server.api.uri.UriResourcePrimitiveProperty;
import org.apache.olingo.server.api.uri.UriResourceValue;
import org.jspecify.annotations.Nullable;

/**
 * What a request's path names, in the forms Creatio serves: {@code Collection},
 * {@code Collection(<guid>)}, then optionally a navigation, a property, {@code $value} or
 * {@code $count}.
 *
 * @param set the entity set the path starts at
 * @param key the row's id, when the path names one
 * @param navigation the navigation followed from that row, if any
 * @param property the property named last, if any
 * @param value whether the path ends in {@code $value}
 * @param count whether the path ends in {@code $count}
 */
record ResourcePath(EntitySetMapping<?> set, @Nullable UUID key, @Nullable NavigationMapping navigation,
		@Nullable ColumnMapping<?> property, boolean value, boolean count) {

	static ResourcePath of(UriInfoResource uri, EntitySets sets) {
		// Every processor reads its path here first: options it would ignore are refused.
		ODataQuery.checkImplemented(uri);
		List<UriResource> parts = uri.getUriResourceParts();
		UriResourceEntitySet first = (UriResourceEntitySet) parts.get(0);
		EntitySetMapping<?> set = sets.get(first.getEntitySet().getName());
		UUID key = first.getKeyPredicates().isEmpty() ? null
				: UUID.fromString(first.getKeyPredicates().get(0).getText());
		NavigationMapping navigation = null;
		ColumnMapping<?> property = null;
		boolean value = false;
		boolean count = false;
		EntitySetMapping<?> current = set;
		for (UriResource part : parts.subList(1, parts.size())) {
			if (part instanceof UriResourceNavigation step && navigation == null && key != null) {
				navigation = set.navigation(step.getProperty().getName()).orElseThrow();
				if (!step.getKeyPredicates().isEmpty()) {
					String message = "A key after the navigation '" + navigation.name() + "' is not supported:"
							+ " address the row in its own entity set, " + navigation.target() + "(<key>).";
					throw new ODataRequestException(org.apache.olingo.commons.api.http.HttpStatusCode.NOT_IMPLEMENTED,
							message, message);
				}
				current = sets.get(navigation.target());
			}
			else if (part instanceof UriResourcePrimitiveProperty step && property == null) {
				property = current.column(step.getProperty().getName()).orElseThrow();
			}
			else if (part instanceof UriResourceValue) {
				value = true;
			}
			else if (part instanceof UriResourceCount) {
				count = true;
			}
			else if (part instanceof UriResourceNavigation && navigation != null) {
				String message = "A path follows one navigation at most: read '" + navigation.name() + "' and follow '"
						+ part.getSegmentValue() + "' from its row, or use $expand.";
				throw new ODataRequestException(org.apache.olingo.commons.api.http.HttpStatusCode.NOT_IMPLEMENTED,
						message, message);
			}
			else {
				throw new ODataRequestException(org.apache.olingo.commons.api.http.HttpStatusCode.NOT_IMPLEMENTED,
						"The path segment '" + part.getSegmentValue() + "' is not supported.",
						"The path segment '" + part.getSegmentValue() + "' is not supported.");
			}
		}
		return new ResourcePath(set, key, navigation, property, value, count);
	}

	/**
	 * The set whose rows the path ends at: the navigation's target, or the set itself.
	 */
	EntitySetMapping<?> target(EntitySets sets) {
		return (this.navigation != null) ? sets.get(this.navigation.target()) : this.set;
	}

}
