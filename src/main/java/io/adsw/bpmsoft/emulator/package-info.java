/**
 * BPMSoft stand emulator: the ElmaService endpoints ELMA posts to, over a stateful
 * approval store.
 */
@NullMarked
package io.adsw.bpmsoft.emulator;

import org.jspecify.annotations.NullMarked;
