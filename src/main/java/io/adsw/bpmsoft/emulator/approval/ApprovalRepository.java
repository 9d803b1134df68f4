package io.adsw.bpmsoft.emulator.approval;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Approvals, with the row lock that serialises concurrent requests on one approval.
 */
public interface ApprovalRepository extends JpaRepository<Approval, UUID> {

	/**
	 * The approval, locked for the rest of the transaction: requests on the same approval
	 * wait for each other, so no decision is lost.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Approval a where a.id = :id")
	Optional<Approval> lockById(UUID id);

	long countByStatus(ApprovalStatus status);

}
