package io.adsw.bpmsoft.emulator.security;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The contacts that stand for the stand's users
 * ({@code emulator.security.users[*].contact-id}), as {@code SysAdminUnit.ContactId} does
 * on a Creatio stand.
 */
@Component
public class UserContacts {

	/** By user name in lower case: names are matched at sign-in whatever their case. */
	private final Map<String, UUID> byName;

	UserContacts(StandSecurityProperties properties) {
		this.byName = properties.users()
			.stream()
			.filter((user) -> user.contactId() != null)
			.collect(Collectors.toUnmodifiableMap((user) -> key(user.name()), StandSecurityProperties.User::contactId));
	}

	/**
	 * The contact of the user the current request is signed in as; {@code null} when the
	 * user has none or nobody is signed in.
	 */
	public @Nullable UUID current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? this.byName.get(key(authentication.getName())) : null;
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
