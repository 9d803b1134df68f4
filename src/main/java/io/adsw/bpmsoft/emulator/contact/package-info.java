/**
 * Contacts, the approvers ELMA names by email.
 */
@NullMarked
package io.adsw.bpmsoft.emulator.contact;

import org.jspecify.annotations.NullMarked;
