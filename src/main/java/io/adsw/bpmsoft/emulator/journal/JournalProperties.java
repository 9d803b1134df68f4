package io.adsw.bpmsoft.emulator.journal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the journal ({@code emulator.journal.*}).
 *
 * @param maxEntries how many entries the database keeps; older ones are deleted once a
 * hundredth of this many have been written since the last deletion, or a second has
 * passed
 * @param maxAge how long entries are kept, at least a second
 * @param maxBodyBytes how much of a request body an entry keeps, at most 64 KiB (the
 * column holds 70 000 characters); longer ones are cut and flagged
 * @param queueCapacity how many entries may wait to be written; beyond that a request
 * waits up to a second for room
 */
@Validated
@ConfigurationProperties("emulator.journal")
public record JournalProperties(@DefaultValue("100000") @Min(1) int maxEntries,
		@DefaultValue("7d") @DurationMin(seconds = 1) Duration maxAge,
		@DefaultValue("65536") @Min(0) @Max(65536) int maxBodyBytes, @DefaultValue("10000") @Min(1) int queueCapacity) {

}
