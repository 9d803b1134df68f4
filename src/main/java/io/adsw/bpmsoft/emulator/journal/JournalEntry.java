package io.adsw.bpmsoft.emulator.journal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A journal entry as stored: the record and its place in the journal.
 *
 * @param id its number, increasing with time
 * @param time when the request arrived
 * @param endpoint the operation called
 * @param clientAddress where it came from
 * @param auth {@code ok}, {@code missing} or {@code wrong}
 * @param requestBody the body as received (cut when {@code bodyTruncated})
 * @param bodyTruncated whether the body was longer than the journal keeps
 * @param status the envelope's status
 * @param httpStatus the HTTP status answered
 * @param message the envelope's message
 * @param durationMs how long the answer took
 * @param idCrm {@code id_crm} as sent
 * @param emails the emails the request named
 * @param approvalId the approval it reached
 * @param faultId the fault rule that changed the answer
 */
public record JournalEntry(long id, Instant time, String endpoint, String clientAddress, String auth,
		String requestBody, boolean bodyTruncated, int status, int httpStatus, String message, double durationMs,
		@Nullable String idCrm, List<String> emails, @Nullable UUID approvalId, @Nullable UUID faultId) {

}
