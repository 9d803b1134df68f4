package io.adsw.bpmsoft.emulator.odata;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How the data service creates, changes and deletes the rows of a writable entity set,
 * keeping the stand's rules (unique emails, no dangling references to contacts).
 *
 * @param <E> the JPA entity
 */
interface EntityWrites<E> {

	/** A new row with this id, not yet stored. */
	E create(UUID id, @Nullable UUID by, Instant now);

	/**
	 * Completes a new row once the client's values are applied, from what the client
	 * gave: what the entity derives from them when others are left out.
	 * @param given the names of the properties the client's body sets
	 */
	default void completeNew(E entity, Set<String> given) {
	}

	/** The row, locked against concurrent changes for the rest of the transaction. */
	Optional<E> lock(UUID id);

	/**
	 * Stores a new or changed row once the client's values are applied.
	 * @throws ODataRequestException when the row breaks a rule of the stand
	 */
	void store(E entity, boolean created, @Nullable UUID by, Instant now);

	/**
	 * Deletes the row.
	 * @throws ODataRequestException when other rows still refer to it
	 */
	void delete(E entity);

}
