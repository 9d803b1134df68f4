package io.adsw.bpmsoft.emulator.contact;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Contacts, looked up by id or by the case-insensitive form of their email.
 */
public interface ContactRepository extends JpaRepository<Contact, UUID> {

	Optional<Contact> findByEmailKey(String emailKey);

	List<Contact> findByEmailKeyIn(Collection<String> emailKeys);

}
