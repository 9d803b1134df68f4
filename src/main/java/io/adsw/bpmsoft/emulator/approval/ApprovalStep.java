package io.adsw.bpmsoft.emulator.approval;

import java.time.Instant;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.contact.Contact;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import org.jspecify.annotations.Nullable;

/**
 * One step (visa) of an approval chain: the approver expected at a position of a round.
 */
@Entity
@Table(name = "approval_step")
public class ApprovalStep {

	@Id
	private UUID id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "approval_id")
	private Approval approval;

	@Column(name = "round_no")
	private int round;

	@Column(name = "position_no")
	private int position;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "approver_id")
	private Contact approver;

	@Enumerated(EnumType.STRING)
	private StepStatus status;

	private @Nullable Instant decidedOn;

	/** Who set the visa: the approver, once decided (BaseVisa.SetBy). */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "set_by_id")
	private @Nullable Contact setBy;

	/**
	 * What the visa is for (BaseVisa.Objective): the approval's name when the chain
	 * arrived.
	 */
	private String objective;

	@Column(name = "comment_text")
	private String comment = "";

	/** BaseVisa.IsCanceled, derived from the status so that it can be filtered on. */
	@Formula("case when status = 'CANCELLED' then true else false end")
	private boolean canceled;

	private Instant createdOn;

	private @Nullable UUID createdById;

	private Instant modifiedOn;

	private @Nullable UUID modifiedById;

	@SuppressWarnings("NullAway.Init")
	protected ApprovalStep() {
	}

	private ApprovalStep(Approval approval, int round, int position, Contact approver, String objective, Instant now) {
		this.id = UUID.randomUUID();
		this.approval = approval;
		this.round = round;
		this.position = position;
		this.approver = approver;
		this.objective = objective;
		this.status = StepStatus.PENDING;
		this.createdOn = now;
		this.modifiedOn = now;
	}

	ApprovalStep(Approval approval, Approval.StepState state, Instant now) {
		this(approval, state.round(), state.position(), state.approver(),
				(state.objective() != null) ? state.objective() : approval.getName(), now);
		if (state.id() != null) {
			this.id = state.id();
		}
		this.status = state.status();
		this.decidedOn = state.decidedOn();
		this.setBy = state.status().isDecided() ? state.approver() : null;
		if (state.createdOn() != null) {
			this.createdOn = state.createdOn();
		}
		if (state.modifiedOn() != null) {
			this.modifiedOn = state.modifiedOn();
		}
	}

	public UUID getId() {
		return this.id;
	}

	public Approval getApproval() {
		return this.approval;
	}

	public int getRound() {
		return this.round;
	}

	public int getPosition() {
		return this.position;
	}

	public Contact getApprover() {
		return this.approver;
	}

	public StepStatus getStatus() {
		return this.status;
	}

	public @Nullable Instant getDecidedOn() {
		return this.decidedOn;
	}

	public @Nullable Contact getSetBy() {
		return this.setBy;
	}

	public String getObjective() {
		return this.objective;
	}

	public String getComment() {
		return this.comment;
	}

	public boolean isCanceled() {
		return this.status == StepStatus.CANCELLED;
	}

	public @Nullable UUID getCreatedById() {
		return this.createdById;
	}

	public @Nullable UUID getModifiedById() {
		return this.modifiedById;
	}

	public Instant getCreatedOn() {
		return this.createdOn;
	}

	public Instant getModifiedOn() {
		return this.modifiedOn;
	}

}
