package io.adsw.bpmsoft.emulator.seed;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.contact.Contact;
import org.jspecify.annotations.Nullable;

/**
 * Stored contacts by id and by email key, kept up to date as a chunk changes them.
 */
final class StoredContacts {

	private final Map<UUID, Contact> byId = new HashMap<>();

	private final Map<String, Contact> byEmailKey = new HashMap<>();

	StoredContacts(Iterable<Contact> byId, Iterable<Contact> byEmailKey) {
		byId.forEach(this::add);
		byEmailKey.forEach(this::add);
	}

	void add(Contact contact) {
		this.byId.put(contact.getId(), contact);
		if (contact.getEmailKey() != null) {
			this.byEmailKey.put(contact.getEmailKey(), contact);
		}
	}

	Optional<Contact> byId(UUID id) {
		return Optional.ofNullable(this.byId.get(id));
	}

	Optional<Contact> byEmailKey(@Nullable String emailKey) {
		return (emailKey != null) ? Optional.ofNullable(this.byEmailKey.get(emailKey)) : Optional.empty();
	}

	void emailChanged(@Nullable String formerKey, Contact contact) {
		if (formerKey != null && this.byEmailKey.get(formerKey) == contact) {
			this.byEmailKey.remove(formerKey);
		}
		add(contact);
	}

}
