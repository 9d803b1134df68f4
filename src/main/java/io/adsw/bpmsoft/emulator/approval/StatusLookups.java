package io.adsw.bpmsoft.emulator.approval;

import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/**
 * The fixed ids of the status lookups ({@code ApprovalStatus}, {@code VisaStatus}), read
 * once from their tables.
 */
@Component
public class StatusLookups {

	private final EntityManager entityManager;

	private volatile Map<ApprovalStatus, UUID> approvalStatusIds = Map.of();

	private volatile Map<StepStatus, UUID> visaStatusIds = Map.of();

	StatusLookups(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	public UUID idOf(ApprovalStatus status) {
		if (this.approvalStatusIds.isEmpty()) {
			Map<ApprovalStatus, UUID> ids = new EnumMap<>(ApprovalStatus.class);
			this.entityManager.createQuery("select e from ApprovalStatusEntry e", ApprovalStatusEntry.class)
				.getResultList()
				.forEach((entry) -> ids.put(entry.getCode(), entry.getId()));
			this.approvalStatusIds = ids;
		}
		return this.approvalStatusIds.get(status);
	}

	public UUID idOf(StepStatus status) {
		if (this.visaStatusIds.isEmpty()) {
			Map<StepStatus, UUID> ids = new EnumMap<>(StepStatus.class);
			this.entityManager.createQuery("select e from VisaStatusEntry e", VisaStatusEntry.class)
				.getResultList()
				.forEach((entry) -> ids.put(entry.getCode(), entry.getId()));
			this.visaStatusIds = ids;
		}
		return this.visaStatusIds.get(status);
	}

}
