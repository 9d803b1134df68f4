package io.adsw.bpmsoft.emulator.contact;

import java.util.UUID;

/**
 * A contact as an approval chain refers to it: its id, and its email as stored (the form
 * the stand's answers quote).
 */
public record ContactRef(UUID id, String email) {

}
