package io.adsw.bpmsoft.emulator.odata;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.approval.ApprovalRepository;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Approvals through the data service: clients create, rename and delete them; their
 * status, round and visas change only as ELMA drives them. Changes take the same row lock
 * as ElmaService.
 */
@Component
class ApprovalWrites implements EntityWrites<Approval> {

	private final ApprovalRepository approvals;

	ApprovalWrites(ApprovalRepository approvals) {
		this.approvals = approvals;
	}

	@Override
	public Approval create(UUID id, @Nullable UUID by, Instant now) {
		Approval approval = new Approval(id, "", now);
		approval.createdBy(by);
		return approval;
	}

	@Override
	public Optional<Approval> lock(UUID id) {
		return this.approvals.lockById(id);
	}

	@Override
	public void store(Approval approval, boolean created, @Nullable UUID by, Instant now) {
		if (created) {
			this.approvals.save(approval);
		}
		else {
			approval.touch(by, now);
		}
		this.approvals.flush();
	}

	@Override
	public void delete(Approval approval) {
		this.approvals.delete(approval);
		this.approvals.flush();
	}

}
