package io.adsw.bpmsoft.emulator.contact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.StorableText;
import io.adsw.bpmsoft.emulator.Whitespace;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Finds contacts by email the way BPMSoft matches them: trimmed and case-insensitive.
 * Lookups run in the caller's transaction, on plain JDBC: ELMA's requests make them on
 * every call, and one indexed statement costs less than an entity.
 */
@Service
public class Contacts {

	private final JdbcTemplate jdbc;

	Contacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The contact for each email, in the order given. An email holding a NUL character
	 * matches no contact, as none can hold one.
	 * @throws ContactNotFoundException naming the first email that matches no contact
	 */
	public List<ContactRef> byEmails(List<String> emails) {
		Map<String, ContactRef> found = new HashMap<>();
		List<ContactRef> contacts = new ArrayList<>(emails.size());
		for (String email : emails) {
			String key = Contact.emailKey(email);
			if (key == null) {
				throw new ContactNotFoundException(Whitespace.strip(email));
			}
			ContactRef contact = found.get(key);
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
	public ContactRef byEmail(String email) {
		String key = Contact.emailKey(email);
		if (key == null || StorableText.holdsNul(key)) {
			throw new ContactNotFoundException(Whitespace.strip(email));
		}
		return this.jdbc
			.query("SELECT id, email FROM contact WHERE email_key = ?",
					(row, number) -> new ContactRef(row.getObject(1, UUID.class), row.getString(2)), key)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ContactNotFoundException(Whitespace.strip(email)));
	}

}
