package io.adsw.bpmsoft.emulator.soak;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.adsw.bpmsoft.emulator.soak.ElmaLoad.Exchange;
import io.adsw.bpmsoft.emulator.soak.ElmaLoad.Operation;
import io.adsw.bpmsoft.emulator.soak.ElmaLoad.Outcome;

/**
 * What must hold in the stand's database after any load, read straight from its tables:
 * each approval's status agrees with its steps, steps are decided in order and once, and
 * every acknowledged request is there. Each check yields a line per violation, so a
 * failing run says what broke and where.
 */
final class StandInvariants {

	private final String url;

	private final String user;

	private final String password;

	StandInvariants(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	/**
	 * The lifecycle rules of every approval in {@code scope}, and what the clients were
	 * told about them.
	 */
	List<String> violations(Collection<UUID> scope, List<Exchange> exchanges) throws SQLException {
		Map<UUID, Approval> approvals = approvals();
		List<String> violations = new ArrayList<>();
		for (UUID id : scope) {
			Approval approval = approvals.get(id);
			if (approval == null) {
				violations.add(id + ": the approval is gone");
				continue;
			}
			statusAgreesWithSteps(approval, violations);
		}
		Map<UUID, List<Exchange>> byApproval = exchanges.stream().collect(Collectors.groupingBy(Exchange::approval));
		byApproval.forEach((id, sent) -> acknowledgedRequestsAreKept(approvals.get(id), sent, violations));
		return violations;
	}

	/**
	 * Every answered request is in the journal with the status it was answered, and the
	 * journal holds no request the clients did not send.
	 */
	List<String> journalViolations(Collection<UUID> scope, List<Exchange> exchanges) throws SQLException {
		Set<String> keys = scope.stream().map(UUID::toString).collect(Collectors.toSet());
		Map<String, Long> journaled = new TreeMap<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id_crm_key, endpoint, status FROM journal_entry")) {
			while (rows.next()) {
				if (keys.contains(rows.getString(1))) {
					journaled.merge(rows.getString(2) + " " + rows.getInt(3), 1L, Long::sum);
				}
			}
		}
		Map<String, Long> answered = exchanges.stream()
			.filter((exchange) -> exchange.outcome() == Outcome.ANSWERED)
			.collect(Collectors.groupingBy(StandInvariants::journalKey, TreeMap::new, Collectors.counting()));
		long unanswered = exchanges.stream().filter((exchange) -> exchange.outcome() != Outcome.ANSWERED).count();
		List<String> violations = new ArrayList<>();
		Set<String> all = new TreeSet<>(answered.keySet());
		all.addAll(journaled.keySet());
		long extra = 0;
		for (String key : all) {
			long sent = answered.getOrDefault(key, 0L);
			long kept = journaled.getOrDefault(key, 0L);
			if (kept < sent) {
				violations.add("journal: " + (sent - kept) + " of " + sent + " answered " + key + " requests missing");
			}
			extra += Math.max(0, kept - sent);
		}
		if (extra > unanswered) {
			violations.add("journal: " + extra + " entries more than the answered requests, but only " + unanswered
					+ " requests went unanswered");
		}
		return violations;
	}

	/** How many journal entries the database holds for the approvals in scope. */
	long journaled(Collection<UUID> scope) throws SQLException {
		Set<String> keys = scope.stream().map(UUID::toString).collect(Collectors.toSet());
		long count = 0;
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT id_crm_key FROM journal_entry")) {
			while (rows.next()) {
				if (keys.contains(rows.getString(1))) {
					count++;
				}
			}
		}
		return count;
	}

	private static String journalKey(Exchange exchange) {
		String endpoint = (exchange.operation() == Operation.CHAIN) ? "CreateChainOfApproval"
				: "ChangeApproverResolution";
		return endpoint + " " + exchange.status();
	}

	/**
	 * Read per round as a word of step statuses in position order (A approved, R
	 * rejected, P pending, C cancelled), with the order enforced: the current round of an
	 * approval in progress is {@code A*P+}, of an approved one {@code A*}, of a rejected
	 * one {@code A*RC*}; an earlier round is {@code A*(RC*|C*)}: nothing pending is left
	 * behind, nothing is decided after a cancelled or rejected step.
	 */
	private static void statusAgreesWithSteps(Approval approval, List<String> violations) {
		String current = approval.word(approval.round());
		String expected = switch (approval.status()) {
			case "NEW" -> "";
			case "IN_PROGRESS" -> "A*P+";
			case "APPROVED" -> "A*";
			case "REJECTED" -> "A*RC*";
			default -> "(unknown status)";
		};
		if (!current.matches(expected)) {
			violations.add(approval.id() + ": " + approval.status() + " with current round " + approval.round()
					+ " steps " + current);
		}
		if (approval.status().equals("NEW") && approval.round() != 0) {
			violations.add(approval.id() + ": NEW in round " + approval.round());
		}
		for (Integer round : approval.rounds().keySet()) {
			if (round > approval.round() || round < 1) {
				violations.add(approval.id() + ": steps in round " + round + " but the approval is in round "
						+ approval.round());
			}
			else if (round < approval.round() && !approval.word(round).matches("A*(RC*|C*)")) {
				violations.add(approval.id() + ": earlier round " + round + " left as " + approval.word(round));
			}
		}
	}

	/**
	 * Every 200 is in the data; nothing is in the data that no 200 (or no request of
	 * unknown outcome) asked for: no step decided twice or by a refused request, no round
	 * opened by a refused chain.
	 */
	private static void acknowledgedRequestsAreKept(Approval approval, List<Exchange> sent, List<String> violations) {
		if (approval == null) {
			return;
		}
		for (Exchange exchange : sent) {
			if (!exchange.acknowledged()) {
				continue;
			}
			if (exchange.operation() == Operation.RESOLUTION) {
				String email = exchange.emails().get(0);
				String status = stepStatus(exchange.resolution());
				boolean kept = approval.steps()
					.stream()
					.anyMatch((step) -> step.email().equals(email) && step.status().equals(status));
				if (!kept) {
					violations.add(approval.id() + ": «" + exchange.resolution() + "» of " + email
							+ " was answered 200 (request " + exchange.number() + ") but no step of theirs is "
							+ status);
				}
			}
			else if (!approval.hasRound(exchange.emails())) {
				violations.add(approval.id() + ": chain " + exchange.emails() + " was answered 200 (request "
						+ exchange.number() + ") but no round holds it");
			}
		}
		Map<String, Long> decided = approval.steps()
			.stream()
			.filter((step) -> step.status().equals("APPROVED") || step.status().equals("REJECTED"))
			.collect(Collectors.groupingBy((step) -> step.email() + " " + step.status(), Collectors.counting()));
		Map<String, Long> asked = count(sent, (exchange) -> exchange.operation() == Operation.RESOLUTION,
				(exchange) -> exchange.emails().get(0) + " " + stepStatus(exchange.resolution()));
		decided.forEach((key, steps) -> {
			long requests = asked.getOrDefault(key, 0L);
			if (steps > requests) {
				violations.add(approval.id() + ": " + steps + " steps " + key + " but only " + requests
						+ " such requests were answered 200 or left without a certain answer");
			}
		});
		long chains = count(sent, (exchange) -> exchange.operation() == Operation.CHAIN, (exchange) -> "chain")
			.getOrDefault("chain", 0L);
		if (approval.round() > chains) {
			violations.add(approval.id() + ": round " + approval.round() + " but only " + chains
					+ " chains were answered 200 or left without a certain answer");
		}
	}

	/** Requests that may have changed the data: acknowledged ones and uncertain ones. */
	private static Map<String, Long> count(List<Exchange> sent, Predicate<Exchange> which,
			Function<Exchange, String> key) {
		return sent.stream()
			.filter(which)
			.filter((exchange) -> exchange.acknowledged() || exchange.uncertain())
			.collect(Collectors.groupingBy(key, Collectors.counting()));
	}

	private static String stepStatus(String resolution) {
		return ElmaLoad.APPROVED.equals(resolution) ? "APPROVED" : "REJECTED";
	}

	private Map<UUID, Approval> approvals() throws SQLException {
		Map<UUID, List<Step>> steps = new HashMap<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT s.approval_id, s.round_no, s.position_no, s.status,"
					+ " c.email_key FROM approval_step s JOIN contact c ON c.id = s.approver_id")) {
				while (rows.next()) {
					steps.computeIfAbsent(rows.getObject(1, UUID.class), (id) -> new ArrayList<>())
						.add(new Step(rows.getInt(2), rows.getInt(3), rows.getString(4), rows.getString(5)));
				}
			}
			Map<UUID, Approval> approvals = new HashMap<>();
			try (ResultSet rows = statement.executeQuery("SELECT id, status, round_no FROM approval")) {
				while (rows.next()) {
					UUID id = rows.getObject(1, UUID.class);
					approvals.put(id,
							new Approval(id, rows.getString(2), rows.getInt(3), steps.getOrDefault(id, List.of())));
				}
			}
			return approvals;
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, this.user, this.password);
	}

	record Step(int round, int position, String status, String email) {

		char letter() {
			return this.status.charAt(0);
		}

	}

	record Approval(UUID id, String status, int round, List<Step> steps) {

		Map<Integer, List<Step>> rounds() {
			return this.steps.stream()
				.sorted(Comparator.comparingInt(Step::position))
				.collect(Collectors.groupingBy(Step::round, TreeMap::new, Collectors.toList()));
		}

		/** The round's step statuses as letters in position order. */
		String word(int round) {
			return rounds().getOrDefault(round, List.of())
				.stream()
				.map((step) -> String.valueOf(step.letter()))
				.collect(Collectors.joining());
		}

		/**
		 * Whether some round holds exactly this chain; an empty chain («Согласовано») is
		 * a round with no steps.
		 */
		boolean hasRound(List<String> chain) {
			Map<Integer, List<Step>> rounds = rounds();
			for (int round = 1; round <= this.round; round++) {
				List<String> emails = rounds.getOrDefault(round, List.of())
					.stream()
					.map(Step::email)
					.map((email) -> email.toLowerCase(Locale.ROOT))
					.toList();
				if (Objects.equals(emails, chain)) {
					return true;
				}
			}
			return false;
		}

	}

}
