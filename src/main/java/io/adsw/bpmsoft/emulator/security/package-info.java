/**
 * Who may call what: the X-Elma-Service key for ELMA, and the rest of the stand's filter
 * chains.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.security;

import org.jspecify.annotations.NullMarked;
