package io.adsw.bpmsoft.emulator.journal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One request as the journal records it, before it is written.
 *
 * @param receivedOn when the request arrived
 * @param endpoint the operation called
 * @param clientAddress where it came from
 * @param auth how its key compared: {@code ok}, {@code missing} or {@code wrong}
 * @param requestBody the body as received, at most
 * {@link JournalProperties#maxBodyBytes()}
 * @param bodyTruncated whether the body was longer
 * @param status the envelope's status ({@code 0} when the connection was dropped)
 * @param httpStatus the HTTP status answered
 * @param message the envelope's message
 * @param durationMicros how long the answer took
 * @param idCrm {@code id_crm} as sent
 * @param emails the emails the request named
 * @param approvalId the approval the request reached
 * @param faultId the fault rule that changed the answer, if any
 */
public record JournalRecord(Instant receivedOn, String endpoint, String clientAddress, String auth, String requestBody,
		boolean bodyTruncated, int status, int httpStatus, String message, long durationMicros, @Nullable String idCrm,
		List<String> emails, @Nullable UUID approvalId, @Nullable UUID faultId) {

}
