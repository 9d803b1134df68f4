package io.adsw.bpmsoft.emulator.admin;

import io.adsw.bpmsoft.emulator.elma.ElmaProperties.HttpStatusMode;
import io.adsw.bpmsoft.emulator.elma.ElmaSettings;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ElmaService settings that switch without a restart: {@code GET} and {@code PUT
 * /emulator/api/settings} with {@code {"enforceOrder": true, "httpStatus": "mirror"}}.
 */
@RestController
@RequestMapping("/emulator/api/settings")
class SettingsController {

	private final ElmaSettings settings;

	SettingsController(ElmaSettings settings) {
		this.settings = settings;
	}

	/** The settings; in a change, those left out stay as they are. */
	record Settings(@Nullable Boolean enforceOrder, @Nullable String httpStatus) {

	}

	@GetMapping
	Settings get() {
		return new Settings(this.settings.enforceOrder(), name(this.settings.httpStatus()));
	}

	@ApiResponse(responseCode = "200", description = "The settings after the change")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@PutMapping
	Settings change(@RequestBody Settings change) {
		if (change.httpStatus() != null) {
			this.settings.httpStatus(switch (change.httpStatus().strip().toLowerCase(java.util.Locale.ROOT)) {
				case "mirror" -> HttpStatusMode.MIRROR;
				case "always-200" -> HttpStatusMode.ALWAYS_200;
				default -> throw BadRequest.because("httpStatus must be mirror or always-200");
			});
		}
		if (change.enforceOrder() != null) {
			this.settings.enforceOrder(change.enforceOrder());
		}
		return get();
	}

	private static String name(HttpStatusMode mode) {
		return (mode == HttpStatusMode.MIRROR) ? "mirror" : "always-200";
	}

}
