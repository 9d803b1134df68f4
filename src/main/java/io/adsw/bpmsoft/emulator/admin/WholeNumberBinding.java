package io.adsw.bpmsoft.emulator.admin;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A whole number in a control plane parameter is written in the digits 0 to 9. Spring's
 * own reading would also take {@code 0x3}, {@code #3} and a fullwidth {@code ３} as 3, and
 * a journal filter {@code status=0x190} as one on 400. An editor, as for GUIDs: Spring
 * falls back to its own editor when a converter refuses a value.
 */
@ControllerAdvice(basePackageClasses = WholeNumberBinding.class)
class WholeNumberBinding {

	private static final Pattern DIGITS = Pattern.compile("[-+]?[0-9]+");

	@InitBinder
	void wholeNumbers(WebDataBinder binder) {
		binder.registerCustomEditor(Integer.class, new WholeNumberEditor());
		binder.registerCustomEditor(int.class, new WholeNumberEditor());
	}

	/** Reads a whole number in ASCII digits, and nothing else. */
	private static final class WholeNumberEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			String digits = text.strip();
			if (!DIGITS.matcher(digits).matches()) {
				throw new IllegalArgumentException("not a whole number in the digits 0 to 9");
			}
			setValue(Integer.valueOf(digits));
		}

	}

}
