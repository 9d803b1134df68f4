package io.adsw.bpmsoft.emulator.seed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.adsw.bpmsoft.emulator.DatabaseKind;
import io.adsw.bpmsoft.emulator.Guids;
import io.adsw.bpmsoft.emulator.OneMomentReads;
import io.adsw.bpmsoft.emulator.Whitespace;
import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.approval.ApprovalRepository;
import io.adsw.bpmsoft.emulator.approval.ApprovalStep;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import io.adsw.bpmsoft.emulator.seed.SeedDocument.SeedApproval;
import io.adsw.bpmsoft.emulator.seed.SeedDocument.SeedContact;
import io.adsw.bpmsoft.emulator.seed.SeedDocument.SeedStep;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static io.adsw.bpmsoft.emulator.seed.SeedFields.author;
import static io.adsw.bpmsoft.emulator.seed.SeedFields.fits;
import static io.adsw.bpmsoft.emulator.seed.SeedFields.id;
import static io.adsw.bpmsoft.emulator.seed.SeedFields.present;
import static io.adsw.bpmsoft.emulator.seed.SeedFields.shown;

/**
 * Seed documents applied to the stand, and the stand's state exported as one. Applying is
 * an upsert (contacts by id or email, approvals by id) in one transaction; an approval
 * the document creates takes the state it gives, an existing one keeps its own.
 */
@Service
public class Seeds {

	/** How many entries of a document are read, written and let go of together. */
	static final int CHUNK = 500;

	/**
	 * The highest round a document may give: beyond what ELMA's chains reach on any
	 * stand, so that every export imports back, and still a billion chains from the
	 * column's limit.
	 */
	static final int MAX_ROUND = 1_000_000_000;

	/** How many keys one lookup binds at most. */
	private static final int KEYS_PER_LOOKUP = 1_000;

	private final ContactRepository contacts;

	private final ApprovalRepository approvals;

	private final EntityManager entityManager;

	private final Clock clock;

	private final JdbcTemplate jdbc;

	private final OneMomentReads oneMoment;

	private final DatabaseKind database;

	Seeds(ContactRepository contacts, ApprovalRepository approvals, EntityManager entityManager, Clock clock,
			JdbcTemplate jdbc, OneMomentReads oneMoment, DatabaseKind database) {
		this.contacts = contacts;
		this.approvals = approvals;
		this.entityManager = entityManager;
		this.clock = clock;
		this.jdbc = jdbc;
		this.oneMoment = oneMoment;
		this.database = database;
	}

	/**
	 * Applies a seed document.
	 * @param source where the document comes from, for messages
	 * @throws SeedException when the document is invalid or conflicts with the stand's
	 * data
	 */
	@Transactional
	public void apply(SeedDocument seed, String source) {
		apply(seed, source, NameParts.FROM_NAME);
	}

	private void apply(SeedDocument seed, String source, NameParts nameParts) {
		Instant now = this.clock.instant();
		// Where each id, email and visa id was first given, to name it when it comes
		// again.
		Map<UUID, String> ids = new HashMap<>();
		Map<String, String> emails = new HashMap<>();
		List<SeedContact> seedContacts = seed.contactList();
		for (int from = 0; from < seedContacts.size(); from += CHUNK) {
			applyContacts(source, seedContacts, from, Math.min(from + CHUNK, seedContacts.size()), ids, emails, now,
					nameParts);
		}
		ids.clear();
		Map<UUID, String> stepIds = new HashMap<>();
		List<SeedApproval> seedApprovals = seed.approvalList();
		for (int from = 0; from < seedApprovals.size(); from += CHUNK) {
			applyApprovals(source, seedApprovals, from, Math.min(from + CHUNK, seedApprovals.size()), ids, stepIds,
					now);
		}
	}

	/**
	 * Runs a chunk's lookup planned for the chunk. PostgreSQL plans a statement it has
	 * run five times once for all (a generic plan); planned while a seed fills empty
	 * tables, the lookups then scan the tables they fill, and a state of 40 000 contacts
	 * took a minute instead of seconds. Inserts keep their cached plans, which stay
	 * right.
	 */
	private <T> T plannedForTheChunk(Supplier<T> lookup) {
		if (!this.database.isPostgres()) {
			return lookup.get();
		}
		// No finally: a failed lookup rolls the transaction back, settings included.
		this.jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
		T found = lookup.get();
		this.jdbc.execute("SET LOCAL plan_cache_mode TO DEFAULT");
		return found;
	}

	/**
	 * Looks keys up a slice at a time: the approvers and visas of a chunk's approvals are
	 * not bounded by the chunk (ELMA's chains may be long), and a statement takes at most
	 * 65 535 parameters on PostgreSQL and fewer than 100 000 on H2.
	 */
	private static <K, T> List<T> inSlices(Collection<K> keys, Function<List<K>, ? extends Iterable<T>> lookup) {
		List<K> all = List.copyOf(keys);
		List<T> found = new ArrayList<>();
		for (int from = 0; from < all.size(); from += KEYS_PER_LOOKUP) {
			lookup.apply(all.subList(from, Math.min(from + KEYS_PER_LOOKUP, all.size()))).forEach(found::add);
		}
		return found;
	}

	/**
	 * Contacts {@code from} to {@code to} of the document: those already stored are read
	 * in two queries, and the chunk is written and let go of at its end, so that a seed
	 * of any size costs the same per contact.
	 */
	private void applyContacts(String source, List<SeedContact> seedContacts, int from, int to, Map<UUID, String> ids,
			Map<String, String> emails, Instant now, NameParts nameParts) {
		List<UUID> chunkIds = new ArrayList<>();
		List<String> chunkEmails = new ArrayList<>();
		for (int i = from; i < to; i++) {
			String where = "contacts[" + i + "]";
			SeedContact contact = present(source, where, seedContacts.get(i), "a contact");
			UUID id = id(source, where, contact.id(), false);
			String emailKey = Contact.emailKey(email(contact));
			if (id == null && emailKey == null) {
				throw new SeedException(source, where + " has neither an id nor an email");
			}
			fits(source, where + ".email", email(contact), Contact.MAX_TEXT_LENGTH);
			fits(source, where + ".name", contact.name(), Contact.MAX_TEXT_LENGTH);
			fits(source, where + ".surname", contact.surname(), Contact.MAX_TEXT_LENGTH);
			fits(source, where + ".givenName", contact.givenName(), Contact.MAX_TEXT_LENGTH);
			fits(source, where + ".jobTitle", contact.jobTitle(), Contact.MAX_TEXT_LENGTH);
			fits(source, where + ".phone", contact.phone(), Contact.MAX_TEXT_LENGTH);
			fits(source, where + ".mobilePhone", contact.mobilePhone(), Contact.MAX_TEXT_LENGTH);
			author(source, where, "createdById", contact.createdById());
			author(source, where, "modifiedById", contact.modifiedById());
			shown(source, where, "createdOn", contact.createdOn());
			shown(source, where, "modifiedOn", contact.modifiedOn());
			String sameId = (id != null) ? ids.putIfAbsent(id, where) : null;
			if (sameId != null) {
				throw new SeedException(source, where + " repeats the id of " + sameId + ": " + id);
			}
			String sameEmail = (emailKey != null) ? emails.putIfAbsent(emailKey, where) : null;
			if (sameEmail != null) {
				throw new SeedException(source, where + " repeats the email of " + sameEmail + ": " + email(contact)
						+ " (emails are compared ignoring case)");
			}
			if (id != null) {
				chunkIds.add(id);
			}
			if (emailKey != null) {
				chunkEmails.add(emailKey);
			}
		}
		StoredContacts stored = plannedForTheChunk(() -> new StoredContacts(this.contacts.findAllById(chunkIds),
				this.contacts.findByEmailKeyIn(chunkEmails)));
		for (int i = from; i < to; i++) {
			SeedContact contact = seedContacts.get(i);
			String email = email(contact);
			Contact upserted = upsertContact(source, "contacts[" + i + "]", id(source, "", contact.id(), false),
					contact, email.isEmpty() ? null : email, stored, now, nameParts);
			details(upserted, contact);
		}
		this.entityManager.flush();
		this.entityManager.clear();
	}

	private static String email(SeedContact contact) {
		return (contact.email() != null) ? Whitespace.strip(contact.email()) : "";
	}

	/**
	 * Approvals {@code from} to {@code to} of the document, with the approvers their
	 * steps name read in two queries.
	 */
	private void applyApprovals(String source, List<SeedApproval> seedApprovals, int from, int to,
			Map<UUID, String> ids, Map<UUID, String> stepIds, Instant now) {
		List<UUID> chunkIds = new ArrayList<>();
		Set<UUID> approverIds = new LinkedHashSet<>();
		Set<String> approverEmails = new LinkedHashSet<>();
		for (int i = from; i < to; i++) {
			String where = "approvals[" + i + "]";
			SeedApproval approval = present(source, where, seedApprovals.get(i), "an approval");
			UUID id = id(source, where, approval.id(), true);
			String sameId = ids.putIfAbsent(id, where);
			if (sameId != null) {
				throw new SeedException(source, where + " repeats the id of " + sameId + ": " + id);
			}
			fits(source, where + ".name", approval.name(), Approval.MAX_NAME_LENGTH);
			author(source, where, "createdById", approval.createdById());
			author(source, where, "modifiedById", approval.modifiedById());
			shown(source, where, "createdOn", approval.createdOn());
			shown(source, where, "modifiedOn", approval.modifiedOn());
			chunkIds.add(id);
			List<SeedStep> steps = (approval.steps() != null) ? approval.steps() : List.of();
			for (int j = 0; j < steps.size(); j++) {
				String at = where + ".steps[" + j + "]";
				SeedStep step = present(source, at, steps.get(j), "a step");
				shown(source, at, "createdOn", step.createdOn());
				shown(source, at, "modifiedOn", step.modifiedOn());
				shown(source, at, "decidedOn", step.decidedOn());
				UUID stepId = id(source, at, step.id(), false);
				String sameStepId = (stepId != null) ? stepIds.putIfAbsent(stepId, at) : null;
				if (sameStepId != null) {
					throw new SeedException(source, at + " repeats the id of " + sameStepId + ": " + stepId);
				}
			}
			for (SeedStep step : steps) {
				if (step.approverId() != null) {
					Guids.parse(step.approverId().strip()).ifPresent(approverIds::add);
				}
				if (step.approver() != null && Contact.emailKey(step.approver()) != null) {
					approverEmails.add(Contact.emailKey(step.approver()));
				}
			}
		}
		Map<UUID, Approval> existing = new HashMap<>();
		plannedForTheChunk(() -> this.approvals.findAllById(chunkIds))
			.forEach((approval) -> existing.put(approval.getId(), approval));
		refuseVisaIdsInUse(source, seedApprovals, from, to, existing.keySet());
		StoredContacts approvers = approverIds.isEmpty() && approverEmails.isEmpty()
				? new StoredContacts(List.of(), List.of())
				: plannedForTheChunk(() -> new StoredContacts(inSlices(approverIds, this.contacts::findAllById),
						inSlices(approverEmails, this.contacts::findByEmailKeyIn)));
		for (int i = from; i < to; i++) {
			String where = "approvals[" + i + "]";
			SeedApproval approval = seedApprovals.get(i);
			UUID id = chunkIds.get(i - from);
			String name = (approval.name() != null) ? approval.name() : "";
			Approval stored = existing.get(id);
			if (stored != null) {
				stored.rename(name, now);
				continue;
			}
			Approval created = new Approval(id, name, now);
			if (approval.status() != null || approval.steps() != null || approval.round() != null) {
				SeedApprovalStates.restore(source, where, created, approval, approvers, now);
			}
			created.restoreSystemColumns((approval.createdOn() != null) ? approval.createdOn() : now,
					author(source, where, "createdById", approval.createdById()),
					(approval.modifiedOn() != null) ? approval.modifiedOn() : now,
					author(source, where, "modifiedById", approval.modifiedById()));
			this.entityManager.persist(created);
		}
		this.entityManager.flush();
		this.entityManager.clear();
	}

	/**
	 * Refuses visa ids of the new approvals of a chunk that stored visas already have
	 * (existing approvals keep their steps, so theirs are not read).
	 */
	private void refuseVisaIdsInUse(String source, List<SeedApproval> seedApprovals, int from, int to,
			Set<UUID> existing) {
		Map<UUID, String> given = new HashMap<>();
		for (int i = from; i < to; i++) {
			SeedApproval approval = seedApprovals.get(i);
			if (approval.steps() == null || existing.contains(id(source, "", approval.id(), true))) {
				continue;
			}
			for (int j = 0; j < approval.steps().size(); j++) {
				String where = "approvals[" + i + "].steps[" + j + "]";
				UUID stepId = id(source, where, approval.steps().get(j).id(), false);
				if (stepId != null) {
					given.put(stepId, where);
				}
			}
		}
		if (given.isEmpty()) {
			return;
		}
		List<UUID> inUse = plannedForTheChunk(() -> inSlices(given.keySet(),
				(ids) -> this.entityManager
					.createQuery("select s.id from ApprovalStep s where s.id in :ids", UUID.class)
					.setParameter("ids", ids)
					.getResultList()));
		if (!inUse.isEmpty()) {
			throw new SeedException(source,
					given.get(inUse.get(0)) + ": the visa id " + inUse.get(0) + " belongs to another approval");
		}
	}

	/**
	 * Replaces the stand's contacts and approvals with those of the document, states
	 * included.
	 * @throws SeedException when the document is invalid; then nothing changes
	 */
	@Transactional
	public void replace(SeedDocument seed, String source) {
		deleteAll();
		apply(seed, source, NameParts.FROM_NAME);
	}

	/**
	 * Puts back a state saved by the stand itself (a snapshot): every contact's name
	 * parts as saved, also from a snapshot taken before exports wrote empty parts.
	 * @throws SeedException when the document is invalid; then nothing changes
	 */
	@Transactional
	public void restore(SeedDocument saved, String source) {
		deleteAll();
		apply(saved, source, NameParts.AS_SAVED);
	}

	/**
	 * Deletes every contact, approval and step. Replacements of the data take turns (the
	 * lock of V8); then the approvals' rows are locked, in the order ELMA's requests lock
	 * (the approval, then its steps): a request under way finishes before anything is
	 * deleted, and later ones wait for this transaction, instead of the two deadlocking
	 * over the steps.
	 */
	@Transactional
	public void deleteAll() {
		takeTurn();
		this.jdbc.query("SELECT id FROM approval FOR UPDATE", (row) -> {
		});
		this.entityManager.createQuery("delete from ApprovalStep").executeUpdate();
		this.entityManager.createQuery("delete from Approval").executeUpdate();
		this.entityManager.createQuery("delete from Contact").executeUpdate();
		this.entityManager.clear();
	}

	/**
	 * Waits for the replacements of the data and the snapshots taken at the same time to
	 * end, and holds the others off until the caller's transaction ends (the lock row of
	 * V8).
	 */
	void takeTurn() {
		this.jdbc.query("SELECT id FROM data_replacement_lock FOR UPDATE", (row) -> {
		});
	}

	/**
	 * The stand's contacts and approvals, with every approval's status, round and steps,
	 * as they stood at one moment, while ELMA's requests and the data service's writes go
	 * on. Read at the default level, an approval's round and its steps could come from
	 * two moments, a state no import accepts; locking the rows instead made ELMA wait and
	 * deadlocked with changesets that lock a contact, then an approval.
	 */
	public SeedDocument export() {
		return Objects.requireNonNull(this.oneMoment.read(this::read));
	}

	private SeedDocument read() {
		List<SeedContact> contacts = this.contacts.findAll()
			.stream()
			.sorted(Comparator.comparing(Contact::getCreatedOn).thenComparing(Contact::getId))
			.map((contact) -> new SeedContact(contact.getId().toString(), contact.getEmail(), contact.getName(),
					contact.getSurname(), contact.getGivenName(), contact.getJobTitle(), contact.getPhone(),
					contact.getMobilePhone(), contact.getCreatedOn(), text(contact.getCreatedById()),
					contact.getModifiedOn(), text(contact.getModifiedById())))
			.toList();
		List<SeedApproval> approvals = this.approvals.findAll()
			.stream()
			.sorted(Comparator.comparing(Approval::getCreatedOn).thenComparing(Approval::getId))
			.map((approval) -> new SeedApproval(approval.getId().toString(), approval.getName(),
					approval.getStatus().label(), approval.getRound(),
					approval.getSteps().stream().map(Seeds::step).toList(), approval.getCreatedOn(),
					text(approval.getCreatedById()), approval.getModifiedOn(), text(approval.getModifiedById())))
			.toList();
		return new SeedDocument(contacts, approvals);
	}

	private static SeedStep step(ApprovalStep step) {
		return new SeedStep(step.getId().toString(), step.getRound(), step.getPosition(), step.getApprover().getEmail(),
				step.getApprover().getId().toString(), SeedApprovalStates.label(step.getStatus()), step.getDecidedOn(),
				step.getCreatedOn(), step.getModifiedOn(), step.getObjective());
	}

	private static @Nullable String text(@Nullable UUID id) {
		return (id != null) ? id.toString() : null;
	}

	private Contact upsertContact(String source, String where, @Nullable UUID id, SeedContact seed,
			@Nullable String email, StoredContacts stored, Instant now, NameParts nameParts) {
		String name = (seed.name() != null) ? seed.name() : (email != null) ? email : "";
		String emailKey = Contact.emailKey(email);
		Optional<Contact> byEmail = stored.byEmailKey(emailKey);
		if (id == null) {
			if (byEmail.isPresent()) {
				byEmail.get().update(name, email, now);
				return byEmail.get();
			}
			return created(source, where, new Contact(UUID.randomUUID(), name, email, now), seed, stored, now,
					nameParts);
		}
		if (byEmail.isPresent() && !byEmail.get().getId().equals(id)) {
			throw new SeedException(source,
					where + ": the email " + email + " already belongs to contact " + byEmail.get().getId());
		}
		Optional<Contact> existing = stored.byId(id);
		if (existing.isPresent()) {
			Contact contact = existing.get();
			String formerKey = contact.getEmailKey();
			contact.update(name, email, now);
			if (!Objects.equals(formerKey, contact.getEmailKey())) {
				// Hibernate writes inserts before updates: the freed email must be
				// written
				// before a later contact of the chunk takes it.
				this.entityManager.flush();
				stored.emailChanged(formerKey, contact);
			}
			return contact;
		}
		return created(source, where, new Contact(id, name, email, now), seed, stored, now, nameParts);
	}

	private Contact created(String source, String where, Contact contact, SeedContact seed, StoredContacts stored,
			Instant now, NameParts nameParts) {
		if (nameParts == NameParts.FROM_NAME && seed.name() != null && seed.surname() == null
				&& seed.givenName() == null) {
			// As the data service fills a new contact given its name alone.
			contact.splitName();
		}
		contact.restoreSystemColumns((seed.createdOn() != null) ? seed.createdOn() : now,
				author(source, where, "createdById", seed.createdById()),
				(seed.modifiedOn() != null) ? seed.modifiedOn() : now,
				author(source, where, "modifiedById", seed.modifiedById()));
		this.entityManager.persist(contact);
		stored.add(contact);
		return contact;
	}

	/** The optional columns a seed may give; those it leaves out stay as they are. */
	private static void details(Contact contact, SeedContact seed) {
		if (seed.surname() != null) {
			contact.setSurname(seed.surname());
		}
		if (seed.givenName() != null) {
			contact.setGivenName(seed.givenName());
		}
		if (seed.jobTitle() != null) {
			contact.setJobTitle(seed.jobTitle());
		}
		if (seed.phone() != null) {
			contact.setPhone(seed.phone());
		}
		if (seed.mobilePhone() != null) {
			contact.setMobilePhone(seed.mobilePhone());
		}
	}

	/**
	 * Whether a new contact given its name alone gets its given name and surname from it.
	 */
	private enum NameParts {

		/** As the data service fills them, for documents written by hand. */
		FROM_NAME,

		/** As saved, empty ones too. */
		AS_SAVED

	}

}
