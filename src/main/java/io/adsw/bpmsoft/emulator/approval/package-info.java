/**
 * Approvals and their steps (visas): the lifecycle of rounds, decisions and order
 * enforcement.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.approval;

import org.jspecify.annotations.NullMarked;
