/**
 * Secrets kept encrypted in configuration as {@code ENC(...)}: AES-256-GCM with Bouncy
 * Castle, a master key from the environment, and the jar's {@code keygen} and
 * {@code encrypt} commands.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.crypto;

import org.jspecify.annotations.NullMarked;
