package io.adsw.bpmsoft.emulator.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import io.adsw.bpmsoft.emulator.approval.Approvals;
import io.adsw.bpmsoft.emulator.elma.ElmaSettings;
import io.adsw.bpmsoft.emulator.fault.Faults;
import io.adsw.bpmsoft.emulator.journal.JournalEntries;
import io.adsw.bpmsoft.emulator.journal.JournalQuery;
import io.adsw.bpmsoft.emulator.seed.SeedDocument;
import io.adsw.bpmsoft.emulator.seed.SeedFormat;
import io.adsw.bpmsoft.emulator.seed.SeedLoader;
import io.adsw.bpmsoft.emulator.seed.Seeds;
import io.adsw.bpmsoft.emulator.seed.Snapshots;
import io.adsw.bpmsoft.emulator.seed.Snapshots.Snapshot;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stand's state: reset, export and import as a seed document, named snapshots.
 */
@RestController
@Validated
@RequestMapping("/emulator/api")
class StateController {

	private static final java.util.regex.Pattern UNSUPPORTED_CHARSET = java.util.regex.Pattern
		.compile("unsupported charset '([^']*)'");

	/** The types a state is read in: JSON, and YAML by the names it goes by. */
	private static final List<MediaType> STATE_TYPES = MediaType
		.parseMediaTypes(List.of(MediaType.APPLICATION_JSON_VALUE, "application/*+json",
				MediaType.APPLICATION_YAML_VALUE, "application/x-yaml", "text/yaml", "text/x-yaml"));

	private final Seeds seeds;

	private final SeedLoader seedLoader;

	private final Snapshots snapshots;

	private final JournalEntries journal;

	private final Faults faults;

	private final Approvals approvals;

	private final ElmaSettings settings;

	StateController(Seeds seeds, SeedLoader seedLoader, Snapshots snapshots, JournalEntries journal, Faults faults,
			Approvals approvals, ElmaSettings settings) {
		this.settings = settings;
		this.seeds = seeds;
		this.seedLoader = seedLoader;
		this.snapshots = snapshots;
		this.journal = journal;
		this.faults = faults;
		this.approvals = approvals;
	}

	/**
	 * {@code POST /emulator/api/reset}: everything back to how the stand started (data,
	 * journal, fault rules, then the configured seed again, and this instance's runtime
	 * settings as configured); {@code ?scope=journal}, {@code faults} or {@code data} for
	 * only that; {@code ?approval=<id>} puts one approval back to {@code New}.
	 */
	@ApiResponse(responseCode = "200", description = "What was reset")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@ApiResponse(responseCode = "404", description = "No approval with that id")
	@PostMapping("/reset")
	Map<String, String> reset(
			@RequestParam(required = false) @Pattern(regexp = "all|journal|faults|data",
					message = "must be all, journal, faults or data") @Nullable String scope,
			@RequestParam(required = false) @Nullable UUID approval) {
		if (approval != null) {
			if (scope != null) {
				throw BadRequest.because("approval and scope cannot be combined: reset one approval, or a scope");
			}
			this.approvals.reset(approval.toString());
			return Map.of("reset", "approval " + approval);
		}
		return resetScope((scope != null) ? scope : "all");
	}

	/**
	 * The data first: it is the only part that can fail (a seed file edited since the
	 * start), and then nothing else is reset either.
	 */
	private Map<String, String> resetScope(String scope) {
		if (scope.equals("all") || scope.equals("data")) {
			this.seedLoader.reset();
		}
		if (scope.equals("all")) {
			this.settings.restoreConfigured();
		}
		if (scope.equals("all") || scope.equals("journal")) {
			this.journal.delete(JournalQuery.ALL);
		}
		if (scope.equals("all") || scope.equals("faults")) {
			this.faults.deleteAll();
		}
		return Map.of("reset", scope);
	}

	/** {@code GET /emulator/api/state}: the whole state as a seed document. */
	@ApiResponse(responseCode = "200", description = "The state: JSON, or YAML for Accept: application/yaml",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = SeedDocument.class)),
					@Content(mediaType = MediaType.APPLICATION_YAML_VALUE,
							schema = @Schema(implementation = SeedDocument.class)) })
	@GetMapping("/state")
	SeedDocument export() {
		return this.seeds.export();
	}

	/**
	 * {@code PUT /emulator/api/state}: replaces contacts and approvals with a seed
	 * document (JSON, or YAML with a YAML content type), states included. Any other
	 * content type is a 415, as for the operations that read JSON: a body curl sends
	 * without {@code -H} is a form, which Spring MVC's form reader would take away before
	 * the document is read. Checked here rather than by the mapping, whose refusal of a
	 * request without a type would name it {@code 'null'}.
	 */
	// The body is read here, not bound: the document says what it takes.
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The whole state, as GET /emulator/api/state exports it, or a seed document",
			content = {
					@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
							schema = @Schema(implementation = SeedDocument.class)),
					@Content(mediaType = MediaType.APPLICATION_YAML_VALUE,
							schema = @Schema(implementation = SeedDocument.class)) })
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@ApiResponse(responseCode = "415", description = "Neither JSON nor YAML")
	@PutMapping("/state")
	Map<String, String> replace(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		MediaType type = contentType(request);
		if (STATE_TYPES.stream().noneMatch((supported) -> supported.includes(type))) {
			throw new HttpMediaTypeNotSupportedException(type, STATE_TYPES, HttpMethod.PUT);
		}
		boolean yaml = type.getSubtype().endsWith("yaml");
		SeedDocument state;
		try (InputStream body = request.getInputStream()) {
			state = SeedFormat.read(unicode(body, type.getCharset()), yaml, "the state sent");
		}
		// The whole state is replaced, so a list left out would be emptied
		// without a word; null or {} is far more likely a mistake than a wish
		// to empty the stand, which an explicit document says. A seed loaded
		// at start only adds: it may leave a list out.
		if (state.contacts() == null && state.approvals() == null) {
			throw BadRequest.because("the state sent names neither contacts nor approvals; "
					+ "send {\"contacts\": [], \"approvals\": []} to empty the stand");
		}
		if (state.contacts() == null || state.approvals() == null) {
			String missing = (state.contacts() == null) ? "contacts" : "approvals";
			throw BadRequest
				.because("the state sent names no " + missing + "; send \"" + missing + "\": [] to empty them");
		}
		this.seeds.replace(state, "the state sent");
		return Map.of("replaced", "state");
	}

	/** The request's type, as Spring MVC reads it for the operations that read JSON. */
	private static MediaType contentType(HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		try {
			return (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType())
					: MediaType.APPLICATION_OCTET_STREAM;
		}
		catch (InvalidMediaTypeException ex) {
			// Spring checks a charset as it parses the type.
			Matcher charset = UNSUPPORTED_CHARSET.matcher(String.valueOf(ex.getMessage()));
			if (charset.find()) {
				// Without its cause: the handlers would answer for that instead.
				throw new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
								"the charset '" + charset.group(1) + "' the Content-Type names is not supported"),
						null);
			}
			throw new HttpMediaTypeNotSupportedException(ex.getMessage());
		}
	}

	/**
	 * The body as Unicode: read in the charset its Content-Type names when that is not
	 * one of Unicode's (which the parsers tell apart themselves) and the body is not
	 * UTF-8. A body in UTF-8 is read as such whatever it declares: clients declare a
	 * default charset they do not use (ISO-8859-1), and text in a one-byte charset such
	 * as windows-1251 is almost never valid UTF-8.
	 */
	private static InputStream unicode(InputStream body, @Nullable Charset charset) throws IOException {
		if (charset == null || charset.name().startsWith("UTF-")) {
			return body;
		}
		byte[] bytes = body.readAllBytes();
		if (decodes(bytes, StandardCharsets.UTF_8)) {
			return new ByteArrayInputStream(bytes);
		}
		try {
			String text = decoder(charset).decode(ByteBuffer.wrap(bytes)).toString();
			return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (CharacterCodingException ex) {
			throw BadRequest
				.because("the state sent is not text in the charset " + charset.name() + " its Content-Type names");
		}
	}

	private static boolean decodes(byte[] bytes, Charset charset) {
		try {
			decoder(charset).decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static CharsetDecoder decoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/**
	 * A snapshot to take. One constraint, one message, whatever is wrong with the name:
	 * missing, empty, only spaces and dots, a space at either end, too long or with other
	 * characters. A name of dots alone ({@code ..}) would be a path segment no client
	 * sends as it is, so the snapshot could never be restored or deleted; one that
	 * differs from another by a space at its end is a slip that restores the wrong state.
	 */
	record SnapshotRequest(@NotNull(message = NAME) @Pattern(
			regexp = "(?=.*[\\p{L}\\p{N}_-])(?! )(?!.* $)[\\p{L}\\p{N}._ -]{1,200}", message = NAME) String name) {

		static final String NAME = "must be 1 to 200 letters, digits, spaces, dots, dashes or underscores, "
				+ "not only spaces and dots, and no space at either end";

	}

	@ApiResponse(responseCode = "201", description = "The snapshot")
	@ApiResponse(responseCode = "400", description = "A problem detail naming the field and what it should hold")
	@PostMapping("/snapshots")
	ResponseEntity<Snapshot> take(@Validated @RequestBody SnapshotRequest snapshot) {
		return ResponseEntity.status(201).body(this.snapshots.take(snapshot.name()));
	}

	@GetMapping("/snapshots")
	List<Snapshot> snapshots() {
		return this.snapshots.list();
	}

	@ApiResponse(responseCode = "200", description = "Restored")
	@ApiResponse(responseCode = "404", description = "No snapshot of that name")
	@PostMapping("/snapshots/{name}/restore")
	Map<String, String> restore(@PathVariable String name) {
		if (!this.snapshots.restore(name)) {
			throw noSuchSnapshot(name);
		}
		return Map.of("restored", name);
	}

	@ApiResponse(responseCode = "204", description = "Removed")
	@ApiResponse(responseCode = "404", description = "No snapshot of that name")
	@DeleteMapping("/snapshots/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		if (!this.snapshots.delete(name)) {
			throw noSuchSnapshot(name);
		}
		return ResponseEntity.noContent().build();
	}

	private static ErrorResponseException noSuchSnapshot(String name) {
		return NotFound.because("No snapshot named " + name);
	}

}
