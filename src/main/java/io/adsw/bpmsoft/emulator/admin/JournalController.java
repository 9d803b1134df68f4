package io.adsw.bpmsoft.emulator.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.adsw.bpmsoft.emulator.journal.JournalEntries;
import io.adsw.bpmsoft.emulator.journal.JournalEntry;
import io.adsw.bpmsoft.emulator.journal.JournalQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What ELMA sent and what the stand answered: {@code GET /emulator/api/journal}, newest
 * first, filtered and paged; {@code DELETE} removes what a filter finds.
 */
@RestController
@Validated
@RequestMapping("/emulator/api/journal")
class JournalController {

	private final JournalEntries journal;

	JournalController(JournalEntries journal) {
		this.journal = journal;
	}

	/** A page of entries and how many the filter finds in all. */
	record JournalPage(List<JournalEntry> items, long total) {

	}

	@ApiResponse(responseCode = "200", description = "A page of entries, newest first")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@GetMapping
	JournalPage find(@RequestParam(required = false) @Nullable String idCrm,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String endpoint,
			@RequestParam(required = false) @Nullable Integer status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int size) {
		JournalQuery query = new JournalQuery(idCrm, email, endpoint, status, from, to);
		return new JournalPage(this.journal.find(query, page, size), this.journal.count(query));
	}

	@ApiResponse(responseCode = "200", description = "How many entries were deleted")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@DeleteMapping
	Map<String, Integer> delete(@RequestParam(required = false) @Nullable String idCrm,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String endpoint,
			@RequestParam(required = false) @Nullable Integer status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to) {
		return Map.of("deleted", this.journal.delete(new JournalQuery(idCrm, email, endpoint, status, from, to)));
	}

}
