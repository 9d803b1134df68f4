package io.adsw.bpmsoft.emulator.admin;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.fault.FaultRule;
import io.adsw.bpmsoft.emulator.fault.FaultSpec;
import io.adsw.bpmsoft.emulator.fault.Faults;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fault rules: {@code POST /emulator/api/faults} makes one (201 with the rule),
 * {@code GET} lists them, {@code DELETE /emulator/api/faults/{id}} removes one,
 * {@code DELETE} without an id all.
 */
@RestController
@RequestMapping("/emulator/api/faults")
class FaultController {

	private final Faults faults;

	FaultController(Faults faults) {
		this.faults = faults;
	}

	@ApiResponse(responseCode = "201", description = "The rule, with its id")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@PostMapping
	ResponseEntity<FaultView> create(@RequestBody FaultSpec spec) {
		FaultRule rule = this.faults.create(spec);
		return ResponseEntity.created(URI.create("/emulator/api/faults/" + rule.getId())).body(FaultView.of(rule));
	}

	@GetMapping
	List<FaultView> list() {
		return this.faults.list().stream().map(FaultView::of).toList();
	}

	@ApiResponse(responseCode = "200", description = "The rule")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@ApiResponse(responseCode = "404", description = "No rule with that id")
	@GetMapping("/{id}")
	FaultView get(@PathVariable UUID id) {
		return this.faults.find(id).map(FaultView::of).orElseThrow(() -> noSuchRule(id));
	}

	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@ApiResponse(responseCode = "404", description = "No rule with that id")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		if (!this.faults.delete(id)) {
			throw noSuchRule(id);
		}
		return ResponseEntity.noContent().build();
	}

	private static ErrorResponseException noSuchRule(UUID id) {
		return NotFound.because("No fault rule with id " + id);
	}

	@ApiResponse(responseCode = "204", description = "All removed")
	@DeleteMapping
	ResponseEntity<Void> deleteAll() {
		this.faults.deleteAll();
		return ResponseEntity.noContent().build();
	}

}
