package io.adsw.bpmsoft.emulator.approval;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A row of the {@code ApprovalStatus} lookup: the fixed id and name of an approval
 * status.
 */
@Entity
@Immutable
@Table(name = "approval_status")
public class ApprovalStatusEntry {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	private ApprovalStatus code;

	private String name;

	private Instant createdOn;

	private Instant modifiedOn;

	@SuppressWarnings("NullAway.Init")
	protected ApprovalStatusEntry() {
	}

	public UUID getId() {
		return this.id;
	}

	public ApprovalStatus getCode() {
		return this.code;
	}

	public String getName() {
		return this.name;
	}

	public Instant getCreatedOn() {
		return this.createdOn;
	}

	public Instant getModifiedOn() {
		return this.modifiedOn;
	}

}
