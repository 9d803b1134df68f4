package io.adsw.bpmsoft.emulator.contact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.StorableText;
import io.adsw.bpmsoft.emulator.Whitespace;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/**
 * Finds contacts by email the way BPMSoft matches them: trimmed and case-insensitive.
 * Lookups run in the caller's transaction, on plain JDBC: ELMA's requests make them on
 * every call, and one indexed statement costs less than an entity.
 */
@Service
public class Contacts {

	private static final int KEYS_PER_STATEMENT = 500;

	private final JdbcTemplate jdbc;

	Contacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The contact for each email, in the order given, found with one statement for up to
	 * {@value #KEYS_PER_STATEMENT} distinct emails.
	 * @throws ContactNotFoundException naming the first email that matches no contact
	 */
	public List<ContactRef> byEmails(List<String> emails) {
		List<String> keys = emails.stream().map(Contact::emailKey).toList();
		Map<String, ContactRef> found = byKeys(keys.stream().filter(Contacts::searchable).distinct().toList());
		List<ContactRef> contacts = new ArrayList<>(emails.size());
		for (int i = 0; i < emails.size(); i++) {
			ContactRef contact = found.get(keys.get(i));
			if (contact == null) {
				throw new ContactNotFoundException(Whitespace.strip(emails.get(i)));
			}
			contacts.add(contact);
		}
		return contacts;
	}

	// A chain may name thousands of approvers; a statement takes a few hundred of them,
	// well below the databases' limits on parameters.
	private Map<String, ContactRef> byKeys(List<String> keys) {
		Map<String, ContactRef> found = new HashMap<>();
		for (int from = 0; from < keys.size(); from += KEYS_PER_STATEMENT) {
			List<String> chunk = keys.subList(from, Math.min(from + KEYS_PER_STATEMENT, keys.size()));
			String placeholders = String.join(", ", Collections.nCopies(chunk.size(), "?"));
			this.jdbc.query("SELECT id, email, email_key FROM contact WHERE email_key IN (" + placeholders + ")",
					(RowCallbackHandler) (row) -> found.put(row.getString(3),
							new ContactRef(row.getObject(1, UUID.class), row.getString(2))),
					chunk.toArray());
		}
		return found;
	}

	/**
	 * The contact with this email.
	 * @throws ContactNotFoundException when there is none
	 */
	public ContactRef byEmail(String email) {
		String key = Contact.emailKey(email);
		if (!searchable(key)) {
			throw new ContactNotFoundException(Whitespace.strip(email));
		}
		return this.jdbc
			.query("SELECT id, email FROM contact WHERE email_key = ?",
					(row, number) -> new ContactRef(row.getObject(1, UUID.class), row.getString(2)), key)
			.stream()
			.findFirst()
			.orElseThrow(() -> new ContactNotFoundException(Whitespace.strip(email)));
	}

	// No contact can hold a NUL character, so an email holding one matches none.
	private static boolean searchable(@Nullable String key) {
		return key != null && !StorableText.holdsNul(key);
	}

}
