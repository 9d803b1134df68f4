package io.adsw.bpmsoft.emulator.admin;

import java.beans.PropertyEditorSupport;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.Guids;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * An id in a control plane address or query parameter is a GUID in its 36-character form,
 * as BPMSoft writes them; anything else, an empty value included, is refused as not a
 * GUID. Spring's own reading of a {@link UUID} would also take {@code 1-2-3-4-5}, and
 * read an empty {@code ?approval=} as no value at all: a reset of everything. An editor,
 * not a converter: Spring falls back to its own editor when a converter refuses a value.
 */
@ControllerAdvice(basePackageClasses = GuidBinding.class)
class GuidBinding {

	@InitBinder
	void guids(WebDataBinder binder) {
		binder.registerCustomEditor(UUID.class, new GuidEditor());
	}

	/** Reads a GUID in its 36-character form, and nothing else. */
	private static final class GuidEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			setValue(Guids.parse(text.strip()).orElseThrow(() -> new IllegalArgumentException("not a GUID")));
		}

	}

}
