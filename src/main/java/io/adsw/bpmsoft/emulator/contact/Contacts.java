package io.adsw.bpmsoft.emulator.contact;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
	 * The contact for each email, in the order given; one query for the whole list. An
	 * email holding a NUL character matches no contact, as none can hold one.
	 * @throws ContactNotFoundException naming the first email that matches no contact
	 */
	@Transactional(readOnly = true)
	public List<Contact> byEmails(List<String> emails) {
		Set<String> keys = new LinkedHashSet<>();
		for (String email : emails) {
			String key = Contact.emailKey(email);
			if (key == null || StorableText.holdsNul(key)) {
				throw new ContactNotFoundException(Whitespace.strip(email));
			}
			keys.add(key);
		}
		Map<String, Contact> found = this.repository.findByEmailKeyIn(keys)
			.stream()
			.collect(Collectors.toMap(Contact::getEmailKey, Function.identity()));
		List<Contact> contacts = new ArrayList<>(emails.size());
		for (String email : emails) {
			Contact contact = found.get(Contact.emailKey(email));
			if (contact == null) {
				throw new ContactNotFoundException(Whitespace.strip(email));
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
