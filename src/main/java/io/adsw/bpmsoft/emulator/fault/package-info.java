/**
 * Fault rules: answers QA makes the stand give on purpose (an error status, a delay, a
 * dropped connection), matched per request and stored in the database so that every
 * replica obeys them.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.fault;

import org.jspecify.annotations.NullMarked;
