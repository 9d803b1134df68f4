package io.adsw.bpmsoft.emulator.seed;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A seed document: contacts and approvals, in YAML or JSON. The same format holds a whole
 * exported state, with each approval's status, round and steps.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeedDocument(@Nullable List<SeedContact> contacts, @Nullable List<SeedApproval> approvals) {

	List<SeedContact> contactList() {
		return (this.contacts != null) ? this.contacts : List.of();
	}

	List<SeedApproval> approvalList() {
		return (this.approvals != null) ? this.approvals : List.of();
	}

	/**
	 * A contact, matched by id when it has one, by email otherwise. The name and its
	 * parts are written even when empty: a contact without a name gets its email as its
	 * name, and a new contact given its name alone gets the parts from the name, so an
	 * exported contact whose name or parts were left empty must say so to come back as it
	 * was.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record SeedContact(@Nullable String id, @Nullable String email,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String name,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String surname,
			@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String givenName, @Nullable String jobTitle,
			@Nullable String phone, @Nullable String mobilePhone, @Nullable Instant createdOn,
			@Nullable String createdById, @Nullable Instant modifiedOn, @Nullable String modifiedById) {

		public SeedContact(@Nullable String id, @Nullable String email, @Nullable String name) {
			this(id, email, name, null, null, null, null, null, null, null, null, null);
		}

	}

	/**
	 * An approval, matched by id. A new one starts {@code New}, or in the state given:
	 * status ({@code New}, {@code InProgress}, {@code Approved}, {@code Rejected}), round
	 * and steps.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SeedApproval(@Nullable String id, @Nullable String name, @Nullable String status,
			@Nullable Integer round, @Nullable List<SeedStep> steps, @Nullable Instant createdOn,
			@Nullable String createdById, @Nullable Instant modifiedOn, @Nullable String modifiedById) {

		public SeedApproval(@Nullable String id, @Nullable String name) {
			this(id, name, null, null, null, null, null, null, null);
		}

	}

	/**
	 * A step (visa) of a round: its id (the data service's {@code ApprovalVisa.Id}; a new
	 * one when left out), its approver (by id, or by email), its status ({@code Pending},
	 * {@code Approved}, {@code Rejected}, {@code Cancelled}) and its objective
	 * ({@code ApprovalVisa.Objective}: the approval's name when its chain came, kept when
	 * the approval is renamed; the approval's name when left out).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record SeedStep(@Nullable String id, int round, int position, @Nullable String approver,
			@Nullable String approverId, String status, @Nullable Instant decidedOn, @Nullable Instant createdOn,
			@Nullable Instant modifiedOn, @Nullable String objective) {

	}

}
