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
 * A row of Creatio's {@code VisaStatus} lookup: the fixed id and name of a visa (step)
 * status.
 */
@Entity
@Immutable
@Table(name = "visa_status")
public class VisaStatusEntry {

	@Id
	private UUID id;

	@Enumerated(EnumType.STRING)
	private StepStatus code;

	private String name;

	private Instant createdOn;

	private Instant modifiedOn;

	@SuppressWarnings("NullAway.Init")
	protected VisaStatusEntry() {
	}

	public UUID getId() {
		return this.id;
	}

	public StepStatus getCode() {
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
