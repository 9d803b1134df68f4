package io.adsw.bpmsoft.emulator.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.adsw.bpmsoft.emulator.StorableText;
import io.adsw.bpmsoft.emulator.Whitespace;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds contacts by email the way BPMSoft matches them: trimmed and case-insensitive.
 */
@Service
public class Contacts {

	private final ContactRepository repository;

	Contacts(ContactRepository repository) {
		this.repository = repository;
	}

	/**
	 * The contact for each email, in the order given. An email holding a NUL character
	 * matches no contact, as none can hold one.
	 * @throws ContactNotFoundException naming the first email that matches no contact
	 */
	@Transactional(readOnly = true)
	public List<Contact> byEmails(List<String> emails) {
		// One lookup per distinct email, stopping at the first unknown one: Hibernate
		// translates a query with a list parameter again on every call, which costs
		// more than the few lookups of a chain.
		Map<String, Contact> found = new HashMap<>();
		List<Contact> contacts = new ArrayList<>(emails.size());
		for (String email : emails) {
			String key = Contact.emailKey(email);
			if (key == null) {
				throw new ContactNotFoundException(Whitespace.strip(email));
			}
			Contact contact = found.get(key);
			if (contact == null) {
				contact = byEmail(email);
				found.put(key, contact);
			}
			contacts.add(contact);
		}
		return contacts;
	}

	/**
	 * The contact with this email.
	 * @throws ContactNotFoundException when there is none
	 */
	@Transactional(readOnly = true)
	public Contact byEmail(String email) {
		// A query of its own: a list parameter makes Hibernate translate the query again
		// for every new list size, which costs more than the lookup itself.
		String key = Contact.emailKey(email);
		return Optional.ofNullable(key)
			.filter((stored) -> !StorableText.holdsNul(stored))
			.flatMap(this.repository::findByEmailKey)
			.orElseThrow(() -> new ContactNotFoundException(Whitespace.strip(email)));
	}

}
