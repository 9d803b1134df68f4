package io.adsw.bpmsoft.emulator.journal;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which journal entries to find: every condition given must hold.
 *
 * @param idCrm {@code id_crm} as sent, in any case
 * @param email an email the request named, in any case
 * @param endpoint the operation
 * @param status the envelope's status
 * @param from received at or after
 * @param to received before
 */
public record JournalQuery(@Nullable String idCrm, @Nullable String email, @Nullable String endpoint,
		@Nullable Integer status, @Nullable Instant from, @Nullable Instant to) {

	public static final JournalQuery ALL = new JournalQuery(null, null, null, null, null, null);

}
