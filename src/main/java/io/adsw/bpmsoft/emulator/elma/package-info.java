/**
 * ElmaService.svc as ELMA calls it: transport checks, the check order, the envelope and
 * its messages.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.elma;

import org.jspecify.annotations.NullMarked;
