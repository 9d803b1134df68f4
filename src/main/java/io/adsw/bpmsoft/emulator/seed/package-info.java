/**
 * Seed files: contacts and approvals loaded at start-up, idempotently.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.seed;

import org.jspecify.annotations.NullMarked;
