package io.adsw.bpmsoft.emulator.approval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.contact.Contact;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A BPMSoft approval and its chain of steps, round by round, as the data service and the
 * seeds read and write it. ELMA's requests change approvals through {@link Approvals}
 * under {@link LifecycleRules}.
 */
@Entity
@Table(name = "approval")
public class Approval {

	/** The most characters an approval's name holds (V1). */
	public static final int MAX_NAME_LENGTH = 500;

	@Id
	private UUID id;

	private String name;

	@Enumerated(EnumType.STRING)
	private ApprovalStatus status;

	@Column(name = "round_no")
	private int round;

	private Instant createdOn;

	private @Nullable UUID createdById;

	private Instant modifiedOn;

	private @Nullable UUID modifiedById;

	@Version
	private long version;

	@OneToMany(mappedBy = "approval", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("round, position")
	private List<ApprovalStep> steps = new ArrayList<>();

	@SuppressWarnings("NullAway.Init")
	protected Approval() {
	}

	public Approval(UUID id, String name, Instant now) {
		this.id = id;
		this.name = name;
		this.status = ApprovalStatus.NEW;
		this.createdOn = now;
		this.modifiedOn = now;
	}

	/**
	 * Restores a state saved earlier (a snapshot or an exported seed): status, round and
	 * every step of every round, replacing what the approval had.
	 */
	public void restore(ApprovalStatus status, int round, List<StepState> steps, Instant now) {
		this.steps.clear();
		this.status = status;
		this.round = round;
		for (StepState step : steps) {
			this.steps.add(new ApprovalStep(this, step, now));
		}
		this.modifiedOn = now;
	}

	/**
	 * Puts back the system columns a saved state carries (a snapshot, an exported state),
	 * for an approval made from it.
	 */
	public void restoreSystemColumns(Instant createdOn, @Nullable UUID createdById, Instant modifiedOn,
			@Nullable UUID modifiedById) {
		this.createdOn = createdOn;
		this.createdById = createdById;
		this.modifiedOn = modifiedOn;
		this.modifiedById = modifiedById;
	}

	/**
	 * A step as saved: its id (a new one when none), where it stands in its chain, who
	 * decides it, how it stands, when it was created and last changed (the time of the
	 * restore when not given), and what it is for (the approval's name when not given).
	 */
	public record StepState(@Nullable UUID id, int round, int position, Contact approver, StepStatus status,
			@Nullable Instant decidedOn, @Nullable Instant createdOn, @Nullable Instant modifiedOn,
			@Nullable String objective) {

	}

	/** Every step of every round, oldest round first. */
	public List<ApprovalStep> getSteps() {
		return List.copyOf(this.steps);
	}

	/** Records who created the approval, for one made through the data service. */
	public void createdBy(@Nullable UUID by) {
		this.createdById = by;
		this.modifiedById = by;
	}

	/**
	 * Sets the name, for a change through the data service; {@link #touch} records it.
	 */
	public void setName(String name) {
		this.name = name;
	}

	/** Records who changed the approval through the data service, and when. */
	public void touch(@Nullable UUID by, Instant now) {
		this.modifiedById = by;
		this.modifiedOn = now;
	}

	public @Nullable UUID getCreatedById() {
		return this.createdById;
	}

	public @Nullable UUID getModifiedById() {
		return this.modifiedById;
	}

	public boolean rename(String name, Instant now) {
		if (this.name.equals(name)) {
			return false;
		}
		this.name = name;
		this.modifiedOn = now;
		return true;
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public ApprovalStatus getStatus() {
		return this.status;
	}

	public int getRound() {
		return this.round;
	}

	public Instant getCreatedOn() {
		return this.createdOn;
	}

	public Instant getModifiedOn() {
		return this.modifiedOn;
	}

}
