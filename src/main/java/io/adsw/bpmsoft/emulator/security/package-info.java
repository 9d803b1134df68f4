/**
 * Who may call what: the X-Elma-Service key for ELMA; Creatio's forms login
 * (AuthService.svc), its session cookies and BPMCSRF header for the data service and the
 * control plane; HTTP Basic where the stand allows it.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.security;

import org.jspecify.annotations.NullMarked;
