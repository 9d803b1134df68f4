package io.adsw.bpmsoft.emulator.contact;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.Whitespace;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A BPMSoft contact: a person ELMA can name as an approver by email.
 */
@Entity
@Table(name = "contact")
public class Contact {

	/** The most characters each of a contact's text columns holds (V1, V2). */
	public static final int MAX_TEXT_LENGTH = 250;

	@Id
	private UUID id;

	private String name;

	private @Nullable String email;

	/**
	 * The email as it is matched: trimmed and lower-cased, or null when there is none.
	 */
	@Column(name = "email_key")
	private @Nullable String emailKey;

	private String surname = "";

	private String givenName = "";

	private String jobTitle = "";

	private String phone = "";

	private String mobilePhone = "";

	private Instant createdOn;

	private @Nullable UUID createdById;

	private Instant modifiedOn;

	private @Nullable UUID modifiedById;

	@Version
	private long version;

	protected Contact() {
		this.id = new UUID(0, 0);
		this.name = "";
		this.createdOn = Instant.EPOCH;
		this.modifiedOn = Instant.EPOCH;
	}

	public Contact(UUID id, String name, @Nullable String email, Instant now) {
		this.id = id;
		this.name = name;
		this.email = email;
		this.emailKey = emailKey(email);
		this.createdOn = now;
		this.modifiedOn = now;
	}

	/**
	 * Puts back the system columns a saved state carries (a snapshot, an exported state),
	 * for a contact made from it.
	 */
	public void restoreSystemColumns(Instant createdOn, @Nullable UUID createdById, Instant modifiedOn,
			@Nullable UUID modifiedById) {
		this.createdOn = createdOn;
		this.createdById = createdById;
		this.modifiedOn = modifiedOn;
		this.modifiedById = modifiedById;
	}

	/**
	 * The form an email is compared in: BPMSoft matches emails without regard to case or
	 * surrounding spaces.
	 */
	public static @Nullable String emailKey(@Nullable String email) {
		if (email == null) {
			return null;
		}
		String key = Whitespace.strip(email).toLowerCase(Locale.ROOT);
		return key.isEmpty() ? null : key;
	}

	/**
	 * Changes name and email, leaving the row untouched when both are already as given.
	 * @return whether anything changed
	 */
	public boolean update(String name, @Nullable String email, Instant now) {
		if (this.name.equals(name) && Objects.equals(this.email, email)) {
			return false;
		}
		this.name = name;
		this.email = email;
		this.emailKey = emailKey(email);
		this.modifiedOn = now;
		return true;
	}

	/**
	 * Records who changed the contact and when, after a change through the data service.
	 */
	public void touch(@Nullable UUID by, Instant now) {
		this.modifiedById = by;
		this.modifiedOn = now;
	}

	/** Records who created the contact, for a contact made through the data service. */
	public void createdBy(@Nullable UUID by) {
		this.createdById = by;
		this.modifiedById = by;
	}

	/**
	 * Fills the given name and the surname from the name, as Creatio does for a new
	 * contact given only its name (its OData guide posts "New User" and answers GivenName
	 * "New", Surname "User"): the first word is the given name, the rest of the name the
	 * surname, empty for a name of one word.
	 */
	public void splitName() {
		String whole = Whitespace.strip(this.name);
		int end = 0;
		while (end < whole.length() && !Whitespace.is(whole.charAt(end))) {
			end++;
		}
		this.givenName = whole.substring(0, end);
		this.surname = Whitespace.strip(whole.substring(end));
	}

	public void setName(String name) {
		this.name = name;
	}

	public void setEmail(@Nullable String email) {
		this.email = email;
		this.emailKey = emailKey(email);
	}

	public void setSurname(String surname) {
		this.surname = surname;
	}

	public void setGivenName(String givenName) {
		this.givenName = givenName;
	}

	public void setJobTitle(String jobTitle) {
		this.jobTitle = jobTitle;
	}

	public void setPhone(String phone) {
		this.phone = phone;
	}

	public void setMobilePhone(String mobilePhone) {
		this.mobilePhone = mobilePhone;
	}

	public UUID getId() {
		return this.id;
	}

	public String getSurname() {
		return this.surname;
	}

	public String getGivenName() {
		return this.givenName;
	}

	public String getJobTitle() {
		return this.jobTitle;
	}

	public String getPhone() {
		return this.phone;
	}

	public String getMobilePhone() {
		return this.mobilePhone;
	}

	public @Nullable UUID getCreatedById() {
		return this.createdById;
	}

	public @Nullable UUID getModifiedById() {
		return this.modifiedById;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public @Nullable String getEmailKey() {
		return this.emailKey;
	}

	public Instant getCreatedOn() {
		return this.createdOn;
	}

	public Instant getModifiedOn() {
		return this.modifiedOn;
	}

}
