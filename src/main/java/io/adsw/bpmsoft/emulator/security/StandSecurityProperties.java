package io.adsw.bpmsoft.emulator.security;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import io.adsw.bpmsoft.emulator.crypto.SecretSettingException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the stand besides ELMA ({@code emulator.security.*}).
 *
 * @param httpBasic whether HTTP Basic is accepted (local and dev stands); Basic requests
 * need no {@code BPMCSRF} and never get a session
 * @param csrfOnGet whether a session's GET (and HEAD, OPTIONS) requests must carry the
 * {@code BPMCSRF} header too, as Creatio's own clients always send it; with {@code false}
 * only state-changing requests are checked
 * @param users the stand's users, with BCrypt password hashes
 */
@Validated
@ConfigurationProperties("emulator.security")
record StandSecurityProperties(@DefaultValue("true") boolean httpBasic, @DefaultValue("true") boolean csrfOnGet,
		@DefaultValue List<@Valid User> users) {

	private static final Pattern BCRYPT = Pattern.compile("\\{bcrypt\\}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}");

	/**
	 * Checks the passwords here, not with a constraint on the field: bean validation
	 * prints a refused value in the start-up failure report and keeps it in its
	 * exception's message, and a password that is not a hash is the password itself, in
	 * clear or decrypted from {@code ENC(...)}.
	 */
	StandSecurityProperties {
		for (int i = 0; i < users.size(); i++) {
			String password = users.get(i).password();
			String setting = "emulator.security.users[" + i + "].password";
			// The binder passes null for a user given without one.
			if (password == null || password.isBlank()) {
				throw new SecretSettingException(
						setting + " is not set: give the user's {bcrypt} hash, made with the hash-password command");
			}
			if (!BCRYPT.matcher(password).matches()) {
				throw new SecretSettingException(
						setting + " is not a {bcrypt} hash: make one with the hash-password command");
			}
		}
	}

	/**
	 * A user of the stand.
	 *
	 * @param name the user name, as on a Creatio stand (e.g. {@code Supervisor})
	 * @param password the password's BCrypt hash, {@code {bcrypt}$2a$...}, as the
	 * {@code hash-password} command prints it
	 * @param roles {@code ADMIN} may use the stand's controls
	 * @param contactId the contact that stands for the user, as
	 * {@code SysAdminUnit.ContactId} does on a Creatio stand: rows the user writes
	 * through the data service name it in {@code CreatedById} and {@code ModifiedById};
	 * without one they are left empty
	 */
	record User(@NotBlank String name, String password, @DefaultValue("ADMIN") List<String> roles,
			@Nullable UUID contactId) {

		@Override
		public String toString() {
			return "User[name=" + this.name + ", roles=" + this.roles + ", contactId=" + this.contactId + "]";
		}

	}

}
