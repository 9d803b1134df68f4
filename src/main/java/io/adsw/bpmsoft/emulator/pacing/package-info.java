/**
 * Pacing: how many requests the stand works on at once. Requests past that number wait
 * their turn, first come first served, so that a burst of ELMA or OData traffic neither
 * starves the JIT compiler of a small machine nor leaves some clients waiting far longer
 * than others.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.pacing;

import org.jspecify.annotations.NullMarked;
