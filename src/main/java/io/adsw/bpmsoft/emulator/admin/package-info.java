/**
 * The stand's controls for QA under {@code /emulator/api}: the journal, fault rules,
 * state reset, export, import and snapshots, runtime settings; and the dashboard at
 * {@code /emulator/}.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.admin;

import org.jspecify.annotations.NullMarked;
