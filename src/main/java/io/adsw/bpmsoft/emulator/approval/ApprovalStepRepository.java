package io.adsw.bpmsoft.emulator.approval;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Approval steps (visas), read by the data service; they change only through their
 * approval.
 */
public interface ApprovalStepRepository extends JpaRepository<ApprovalStep, UUID> {

	/** Whether any step names the contact as its approver or as the one who set it. */
	@Query("select count(s) > 0 from ApprovalStep s where s.approver.id = :contactId or s.setBy.id = :contactId")
	boolean refersTo(UUID contactId);

}
