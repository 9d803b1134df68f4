package io.adsw.bpmsoft.emulator.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.adsw.bpmsoft.emulator.Guids;
import io.adsw.bpmsoft.emulator.approval.Approval;
import io.adsw.bpmsoft.emulator.approval.Approval.StepState;
import io.adsw.bpmsoft.emulator.approval.ApprovalStatus;
import io.adsw.bpmsoft.emulator.approval.StepStatus;
import io.adsw.bpmsoft.emulator.contact.Contact;
import io.adsw.bpmsoft.emulator.seed.SeedDocument.SeedApproval;
import io.adsw.bpmsoft.emulator.seed.SeedDocument.SeedStep;

import static io.adsw.bpmsoft.emulator.seed.SeedFields.id;

/**
 * The state a document gives a new approval (status, round and steps), checked against
 * the lifecycle ELMA's requests follow, so that the next request meets a state it can
 * reach.
 */
final class SeedApprovalStates {

	private static final Map<String, ApprovalStatus> APPROVAL_STATUSES = Map.of("new", ApprovalStatus.NEW, "inprogress",
			ApprovalStatus.IN_PROGRESS, "approved", ApprovalStatus.APPROVED, "rejected", ApprovalStatus.REJECTED);

	private static final Map<String, StepStatus> STEP_STATUSES = Map.of("pending", StepStatus.PENDING, "approved",
			StepStatus.APPROVED, "rejected", StepStatus.REJECTED, "cancelled", StepStatus.CANCELLED);

	private SeedApprovalStates() {
	}

	/**
	 * Gives the approval the state the document gives it.
	 * @throws SeedException when the state is incomplete, or one the lifecycle never
	 * reaches
	 */
	static void restore(String source, String where, Approval approval, SeedApproval seed, StoredContacts approvers,
			Instant now) {
		ApprovalStatus status = (seed.status() != null) ? APPROVAL_STATUSES.get(key(seed.status()))
				: ApprovalStatus.NEW;
		if (seed.round() != null && (seed.round() < 0 || seed.round() > Seeds.MAX_ROUND)) {
			throw new SeedException(source, where + ".round " + seed.round() + " is not from 0 to " + Seeds.MAX_ROUND);
		}
		if (status == null) {
			throw new SeedException(source,
					where + ".status " + seed.status() + " is none of New, InProgress, Approved, Rejected");
		}
		List<StepState> steps = new ArrayList<>();
		int lastRound = 0;
		List<SeedStep> seedSteps = (seed.steps() != null) ? seed.steps() : List.of();
		Set<String> places = new HashSet<>();
		for (int i = 0; i < seedSteps.size(); i++) {
			String at = where + ".steps[" + i + "]";
			SeedStep step = seedSteps.get(i);
			if (step.status() == null) {
				throw new SeedException(source,
						at + " has no status: it is one of Pending, Approved, Rejected, Cancelled");
			}
			StepStatus stepStatus = STEP_STATUSES.get(key(step.status()));
			if (stepStatus == null) {
				throw new SeedException(source,
						at + ".status " + step.status() + " is none of Pending, Approved, Rejected, Cancelled");
			}
			if (step.round() < 1 || step.position() < 1 || !places.add(step.round() + "/" + step.position())) {
				throw new SeedException(source, at + " needs a round and a position from 1, each pair once");
			}
			if (step.round() > Seeds.MAX_ROUND) {
				throw new SeedException(source, at + ".round " + step.round() + " is not from 1 to " + Seeds.MAX_ROUND);
			}
			if (stepStatus == StepStatus.PENDING && step.decidedOn() != null) {
				throw new SeedException(source, at + " is Pending, so it has no decidedOn (a decision sets it)");
			}
			if (stepStatus == StepStatus.CANCELLED && step.decidedOn() != null) {
				throw new SeedException(source,
						at + " is Cancelled, so it has no decidedOn (a new round cancels a step undecided)");
			}
			if (step.decidedOn() != null && step.createdOn() != null && step.decidedOn().isBefore(step.createdOn())) {
				throw new SeedException(source, at + ".decidedOn " + step.decidedOn() + " is before its createdOn "
						+ step.createdOn() + ": a step is decided after it is created");
			}
			// A decision without its time was taken at the import, as a row without its
			// creation time is created then: the data service tells decided visas by it.
			Instant decidedOn = (stepStatus.isDecided() && step.decidedOn() == null) ? now : step.decidedOn();
			if (step.objective() != null && step.objective().length() > Approval.MAX_NAME_LENGTH) {
				throw new SeedException(source,
						at + ".objective is longer than " + Approval.MAX_NAME_LENGTH + " characters");
			}
			steps.add(new StepState(id(source, at, step.id(), false), step.round(), step.position(),
					approver(source, at, step, approvers), stepStatus, decidedOn, step.createdOn(), step.modifiedOn(),
					step.objective()));
			lastRound = Math.max(lastRound, step.round());
		}
		int round = (seed.round() != null) ? seed.round() : lastRound;
		if (round < lastRound) {
			throw new SeedException(source, where + ".round " + round + " is before the rounds of its steps");
		}
		agrees(source, (seed.status() != null) ? where : where + " has no status: it", status, round, steps);
		approval.restore(status, round, steps, now);
	}

	/**
	 * Refuses a status that the steps contradict: ELMA's next request would meet a state
	 * its lifecycle can never reach. A new round cancels what the one before left
	 * pending, so only the approval's own round may hold Pending steps.
	 */
	static void agrees(String source, String where, ApprovalStatus status, int round, List<StepState> steps) {
		List<StepStatus> current = steps.stream()
			.filter((step) -> step.round() == round)
			.map(StepState::status)
			.toList();
		String problem = switch (status) {
			case NEW -> (round == 0 && steps.isEmpty()) ? null
					: "is New, so it has no round and no steps yet (ELMA's chain starts them)";
			case IN_PROGRESS -> (current.contains(StepStatus.PENDING) && !current.contains(StepStatus.REJECTED)
					&& !current.contains(StepStatus.CANCELLED)) ? null
							: "is InProgress, so its round " + round
									+ " needs a Pending step and no Rejected or Cancelled one";
			case APPROVED -> (round >= 1 && current.stream().allMatch(StepStatus.APPROVED::equals)) ? null
					: "is Approved, so it has a round from 1 whose steps are all Approved";
			case REJECTED ->
				(round >= 1 && current.contains(StepStatus.REJECTED) && !current.contains(StepStatus.PENDING)) ? null
						: "is Rejected, so its round " + round + " has a Rejected step and no Pending one";
		};
		if (problem == null
				&& steps.stream().anyMatch((step) -> step.round() < round && step.status() == StepStatus.PENDING)) {
			problem = "has a Pending step in a round before its round " + round
					+ " (a new round cancels the steps left pending)";
		}
		if (problem != null) {
			throw new SeedException(source, where + " " + problem);
		}
	}

	/**
	 * The step's approver by id or by email; given both, they must name the same contact:
	 * an export edited in one of them would otherwise lose the edit to the other.
	 */
	static Contact approver(String source, String where, SeedStep step, StoredContacts approvers) {
		Contact byId = null;
		if (step.approverId() != null) {
			byId = Guids.parse(step.approverId().strip())
				.flatMap(approvers::byId)
				.orElseThrow(() -> new SeedException(source,
						where + ".approverId " + step.approverId() + " is not the id of any contact"));
		}
		if (step.approver() == null) {
			if (byId == null) {
				throw new SeedException(source,
						where + " names no approver: give its approver (an email) or approverId");
			}
			return byId;
		}
		Contact byEmail = approvers.byEmailKey(Contact.emailKey(step.approver()))
			.orElseThrow(() -> new SeedException(source,
					where + " names an approver that is not among the contacts: " + step.approver()));
		if (byId != null && !byId.getId().equals(byEmail.getId())) {
			throw new SeedException(source, where + ".approverId " + step.approverId() + " is not the contact "
					+ step.approver() + " (" + byEmail.getId() + "): give one of the two, or both of one contact");
		}
		return byEmail;
	}

	static String key(String name) {
		return name.strip().replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
	}

	/** A step status as documents write it. */
	static String label(StepStatus status) {
		return switch (status) {
			case PENDING -> "Pending";
			case APPROVED -> "Approved";
			case REJECTED -> "Rejected";
			case CANCELLED -> "Cancelled";
		};
	}

}
