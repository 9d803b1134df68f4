package io.adsw.bpmsoft.emulator.approval;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Approvals as the data service and the seeds read and write them; ELMA's requests go
 * through {@link ApprovalLedger}, which locks the same row.
 */
public interface ApprovalRepository extends JpaRepository<Approval, UUID> {

	/**
	 * The approval, locked for the rest of the transaction: a data service write on it
	 * and ELMA's requests on it wait for each other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Approval a where a.id = :id")
	Optional<Approval> lockById(UUID id);

	/**
	 * How many approvals stand in each status that any holds: rows of status and count.
	 */
	@Query("select a.status, count(a) from Approval a group by a.status")
	List<Object[]> countEachStatus();

}
