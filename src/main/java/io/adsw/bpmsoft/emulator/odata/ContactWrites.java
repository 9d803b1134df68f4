package io.adsw.bpmsoft.emulator.odata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.approval.ApprovalStepRepository;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Contacts through the data service: emails stay unique (case-insensitively), and a
 * contact that visas refer to, or that other rows name as their creator or last modifier,
 * cannot be deleted.
 */
@Component
class ContactWrites implements EntityWrites<Contact> {

	/** The entities with Creatio's system columns, and how a message names their rows. */
	private static final String[][] AUTHORED = { { "Contact", "contacts" }, { "Approval", "approvals" },
			{ "ApprovalStep", "approval visas" } };

	private final ContactRepository contacts;

	private final ApprovalStepRepository steps;

	private final jakarta.persistence.EntityManager entityManager;

	ContactWrites(ContactRepository contacts, ApprovalStepRepository steps,
			jakarta.persistence.EntityManager entityManager) {
		this.contacts = contacts;
		this.steps = steps;
		this.entityManager = entityManager;
	}

	@Override
	public Contact create(UUID id, @Nullable UUID by, Instant now) {
		Contact contact = new Contact(id, "", null, now);
		contact.createdBy(by);
		return contact;
	}

	/**
	 * A new contact given its name but neither its given name nor its surname gets them
	 * from its name, as on a Creatio stand; ones the client gives, even empty, are kept.
	 */
	@Override
	public void completeNew(Contact contact, Set<String> given) {
		if (given.contains("Name") && !given.contains("Surname") && !given.contains("GivenName")) {
			contact.splitName();
		}
	}

	@Override
	public Optional<Contact> lock(UUID id) {
		return Optional.ofNullable(this.entityManager.find(Contact.class, id, LockModeType.PESSIMISTIC_WRITE));
	}

	@Override
	public void store(Contact contact, boolean created, @Nullable UUID by, Instant now) {
		String key = contact.getEmailKey();
		if (key != null) {
			// Looked up before the change is flushed, so that a duplicate is told apart
			// from other
			// conflicts and refused in the same words for POST and PATCH.
			List<UUID> owners = this.entityManager
				.createQuery("select c.id from Contact c where c.emailKey = :key", UUID.class)
				.setParameter("key", key)
				.setFlushMode(FlushModeType.COMMIT)
				.getResultList();
			if (owners.stream().anyMatch((owner) -> !owner.equals(contact.getId()))) {
				throw ODataRequestException.invalidBody("A contact with the email '" + contact.getEmail()
						+ "' already exists: emails of contacts are unique, whatever their case.");
			}
		}
		if (created) {
			this.contacts.save(contact);
		}
		else {
			contact.touch(by, now);
		}
		this.contacts.flush();
	}

	@Override
	public void delete(Contact contact) {
		if (this.steps.refersTo(contact.getId())) {
			throw ODataRequestException
				.badRequest("The contact " + contact.getId() + " cannot be deleted: approval visas refer to it.");
		}
		List<String> authored = authored(contact.getId());
		if (!authored.isEmpty()) {
			throw ODataRequestException.badRequest("The contact " + contact.getId() + " cannot be deleted: "
					+ listed(authored) + " name it as their creator or last modifier (CreatedById, ModifiedById).");
		}
		this.contacts.delete(contact);
		this.contacts.flush();
	}

	/**
	 * The kinds of rows that name the contact as their creator or last modifier: on a
	 * Creatio stand {@code CreatedById} and {@code ModifiedById} are foreign keys to
	 * {@code Contact}, so such a contact cannot be deleted. The contact's own row does
	 * not count; it goes with it.
	 */
	private List<String> authored(UUID id) {
		List<String> kinds = new ArrayList<>();
		for (String[] kind : AUTHORED) {
			boolean refers = this.entityManager
				.createQuery(
						"select count(r) > 0 from " + kind[0]
								+ " r where r.id <> :id and (r.createdById = :id or r.modifiedById = :id)",
						Boolean.class)
				.setParameter("id", id)
				.getSingleResult();
			if (refers) {
				kinds.add(kind[1]);
			}
		}
		return kinds;
	}

	private static String listed(List<String> kinds) {
		if (kinds.size() == 1) {
			return kinds.get(0);
		}
		return String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
	}

}
