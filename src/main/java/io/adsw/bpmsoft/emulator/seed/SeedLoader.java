package io.adsw.bpmsoft.emulator.seed;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.adsw.bpmsoft.emulator.Whitespace;
import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.Guids;
import io.adsw.bpmsoft.emulator.approval.ApprovalRepository;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.contact.ContactRepository;
import io.adsw.bpmsoft.emulator.seed.SeedDocument.SeedApproval;
import io.adsw.bpmsoft.emulator.seed.SeedDocument.SeedContact;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the seed named by {@code emulator.seed} before the stand starts answering.
 * Loading is an upsert (contacts by id or email, approvals by id), so restarting with the
 * same seed changes nothing, and all of it happens in one transaction: a bad seed leaves
 * the data as it was.
 */
@Component
class SeedLoader implements SmartInitializingSingleton {

	private static final Logger logger = LoggerFactory.getLogger(SeedLoader.class);

	/**
	 * A Spring resource prefix such as {@code file:} or {@code classpath:}, not a drive
	 * letter.
	 */
	private static final Pattern RESOURCE_PREFIX = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.*-]+:.*");

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final SeedProperties properties;

	private final ResourceLoader resourceLoader;

	private final ContactRepository contacts;

	private final ApprovalRepository approvals;

	private final TransactionTemplate transaction;

	private final Clock clock;

	SeedLoader(SeedProperties properties, ResourceLoader resourceLoader, ContactRepository contacts,
			ApprovalRepository approvals, TransactionTemplate transaction, Clock clock) {
		this.properties = properties;
		this.resourceLoader = resourceLoader;
		this.contacts = contacts;
		this.approvals = approvals;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String location = this.properties.seed();
		if (location == null || location.isBlank()) {
			return;
		}
		SeedDocument seed = read(location.strip());
		this.transaction.executeWithoutResult((status) -> apply(location, seed));
		logger.info("Loaded seed {}: {} contacts, {} approvals", location, seed.contactList().size(),
				seed.approvalList().size());
	}

	private SeedDocument read(String location) {
		Resource resource = RESOURCE_PREFIX.matcher(location).matches() ? this.resourceLoader.getResource(location)
				: new FileSystemResource(location);
		if (!resource.exists()) {
			throw new SeedException(location, "there is no such file");
		}
		ObjectMapper mapper = location.toLowerCase().endsWith(".json") ? JSON : YAML;
		try (InputStream in = resource.getInputStream()) {
			SeedDocument seed = mapper.readValue(in, SeedDocument.class);
			return (seed != null) ? seed : new SeedDocument(null, null);
		}
		catch (JacksonException ex) {
			throw new SeedException(location, ex.getOriginalMessage() + " (line " + ex.getLocation().getLineNr()
					+ ", column " + ex.getLocation().getColumnNr() + ")");
		}
		catch (IOException ex) {
			throw new SeedException(location, ex.getMessage(), ex);
		}
	}

	private void apply(String location, SeedDocument seed) {
		Instant now = this.clock.instant();
		Set<UUID> ids = new HashSet<>();
		Set<String> emails = new HashSet<>();
		List<SeedContact> seedContacts = seed.contactList();
		for (int i = 0; i < seedContacts.size(); i++) {
			String where = "contacts[" + i + "]";
			SeedContact contact = seedContacts.get(i);
			UUID id = id(location, where, contact.id(), false);
			String email = (contact.email() != null) ? Whitespace.strip(contact.email()) : "";
			String emailKey = Contact.emailKey(email);
			if (id == null && emailKey == null) {
				throw new SeedException(location, where + " has neither an id nor an email");
			}
			if ((id != null && !ids.add(id)) || (emailKey != null && !emails.add(emailKey))) {
				throw new SeedException(location, where + " repeats the id or email of an earlier contact");
			}
			String name = (contact.name() != null) ? contact.name().strip() : email;
			upsertContact(location, where, id, name, email.isEmpty() ? null : email, now);
		}
		ids.clear();
		List<SeedApproval> seedApprovals = seed.approvalList();
		for (int i = 0; i < seedApprovals.size(); i++) {
			String where = "approvals[" + i + "]";
			SeedApproval approval = seedApprovals.get(i);
			UUID id = id(location, where, approval.id(), true);
			if (!ids.add(id)) {
				throw new SeedException(location, where + " repeats the id of an earlier approval");
			}
			String name = (approval.name() != null) ? approval.name().strip() : "";
			Optional<Approval> existing = this.approvals.findById(id);
			if (existing.isPresent()) {
				existing.get().rename(name, now);
			}
			else {
				this.approvals.save(new Approval(id, name, now));
			}
		}
	}

	private void upsertContact(String location, String where, @Nullable UUID id, String name, @Nullable String email,
			Instant now) {
		String emailKey = Contact.emailKey(email);
		Optional<Contact> byEmail = (emailKey != null) ? this.contacts.findByEmailKey(emailKey) : Optional.empty();
		if (id == null) {
			if (byEmail.isPresent()) {
				byEmail.get().update(name, email, now);
			}
			else {
				this.contacts.save(new Contact(UUID.randomUUID(), name, email, now));
			}
			return;
		}
		if (byEmail.isPresent() && !byEmail.get().getId().equals(id)) {
			throw new SeedException(location,
					where + ": the email " + email + " already belongs to contact " + byEmail.get().getId());
		}
		Optional<Contact> existing = this.contacts.findById(id);
		if (existing.isPresent()) {
			existing.get().update(name, email, now);
		}
		else {
			this.contacts.save(new Contact(id, name, email, now));
		}
	}

	private static @Nullable UUID id(String location, String where, @Nullable String value, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw new SeedException(location, where + " has no id");
			}
			return null;
		}
		return Guids.parse(value.strip())
			.orElseThrow(() -> new SeedException(location, where + ": id " + value + " is not a GUID"));
	}

}
