package io.adsw.bpmsoft.emulator.odata;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.olingo.commons.api.format.ContentType;
import org.apache.olingo.server.api.serializer.CustomContentTypeSupport;
import org.apache.olingo.server.api.serializer.RepresentationType;

/**
 * Data in JSON only, as Creatio's OData 4 service answers it (its guide names
 * {@code application/json} alone): XML and Atom are taken out of what Olingo negotiates
 * for rows, properties and the service document, so {@code $format=xml} or an
 * {@code Accept} of XML alone is refused with 406 instead of answered in JSON.
 * {@code $metadata} stays XML CSDL (the servlet shows Olingo every request for it as
 * asking for XML); {@code $value} and {@code /$count} stay plain text.
 */
class JsonOnly implements CustomContentTypeSupport {

	private static final String STREAMING = "odata.streaming";

	private static final Set<RepresentationType> AS_OLINGO_HAS_THEM = Set.of(RepresentationType.METADATA,
			RepresentationType.VALUE, RepresentationType.COUNT, RepresentationType.MEDIA, RepresentationType.BINARY,
			RepresentationType.BATCH);

	@Override
	public List<ContentType> modifySupportedContentTypes(List<ContentType> defaultContentTypes,
			RepresentationType type) {
		if (AS_OLINGO_HAS_THEM.contains(type)) {
			return defaultContentTypes;
		}
		List<ContentType> json = new ArrayList<>();
		for (ContentType contentType : defaultContentTypes) {
			if (contentType.getSubtype().equalsIgnoreCase("json")) {
				json.add(contentType);
			}
		}
		if (json.isEmpty()) {
			return defaultContentTypes;
		}
		// The type a Creatio stand answers with names odata.streaming: a client that
		// sends it back in Accept or $format gets JSON too.
		for (ContentType contentType : List.copyOf(json)) {
			json.add(ContentType.create(contentType, STREAMING, "true"));
			json.add(ContentType.create(contentType, STREAMING, "false"));
		}
		return json;
	}

}
