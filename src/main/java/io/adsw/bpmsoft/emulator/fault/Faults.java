package io.adsw.bpmsoft.emulator.fault;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.adsw.bpmsoft.emulator.StorableText;
import io.adsw.bpmsoft.emulator.elma.ElmaRequestSummary;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The fault rules: made, listed and removed by QA, and taken by matching requests. Rules
 * live in the database and are read for every request, so a rule added through one
 * replica holds on all.
 */
@Service
public class Faults {

	private static final Logger logger = LoggerFactory.getLogger(Faults.class);

	private static final Set<String> ENDPOINTS = Set.of(ElmaRequestSummary.CREATE, ElmaRequestSummary.CHANGE,
			FaultRule.ANY_ENDPOINT);

	/** The longest delay a rule may ask for. */
	static final int MAX_DELAY_MS = 120_000;

	/** The lengths of the rule's text columns (V4). */
	private static final int MAX_ID_CRM_LENGTH = 200;

	private static final int MAX_EMAIL_LENGTH = 250;

	private static final int MAX_MESSAGE_LENGTH = 2000;

	/**
	 * How often the list of rules is read again from the database, in the background, so
	 * that a rule made through another replica holds here within that time.
	 */
	private static final long READ_AGAIN_MS = 500;

	private final FaultRuleRepository rules;

	private final Clock clock;

	private final TransactionTemplate transaction;

	/**
	 * The rules as last read: most requests meet no rule, and need not ask the database.
	 * Empty (null) until read, and after a change through this instance.
	 */
	private volatile @Nullable List<FaultRule> known;

	/**
	 * Counts the changes made through this instance: a background read that began before
	 * one must not put back the rules from before it.
	 */
	private final AtomicLong changes = new AtomicLong();

	/**
	 * Whether the last read failed: a database that stays away is reported once, not at
	 * every read.
	 */
	private final AtomicBoolean unread = new AtomicBoolean();

	Faults(FaultRuleRepository rules, Clock clock, PlatformTransactionManager transactions, MeterRegistry meters) {
		this.rules = rules;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		Gauge.builder("emulator.faults.known", this, Faults::knownCount)
			.description("The fault rules this replica applies, as it last read them from the database")
			.register(meters);
	}

	/**
	 * Makes a rule.
	 * @throws FaultSpecException naming the field that is wrong
	 */
	@Transactional
	public FaultRule create(FaultSpec spec) {
		check(spec);
		FaultRule rule = this.rules
			.save(new FaultRule(spec.withEndpoint(endpointNamed(spec.endpoint())), this.clock.instant()));
		forgetRulesOnCommit();
		return rule;
	}

	private static void check(FaultSpec spec) {
		if (spec.endpoint() == null || endpointNamed(spec.endpoint()).isEmpty()) {
			throw new FaultSpecException("endpoint must be CreateChainOfApproval, ChangeApproverResolution or *");
		}
		// The rule's answer is the envelope: a status that carries no body (1xx, 204,
		// 205, 304) would reach ELMA without one.
		if (spec.status() != null && (spec.status() < 200 || spec.status() > 599 || spec.status() == 204
				|| spec.status() == 205 || spec.status() == 304)) {
			throw new FaultSpecException(
					"status must be an HTTP status from 200 to 599 that carries a body (not 204, 205 or 304):"
							+ " the rule answers with the envelope");
		}
		if (spec.status() == null && !Boolean.TRUE.equals(spec.drop()) && spec.delayMs() == null) {
			throw new FaultSpecException("a rule needs a status, a delay (delayMs) or drop: true");
		}
		if (spec.status() == null && !Boolean.TRUE.equals(spec.drop()) && Long.valueOf(0).equals(spec.delayMs())
				&& (spec.delayMaxMs() == null || spec.delayMaxMs() == 0)) {
			throw new FaultSpecException("a delay of 0 ms alone does nothing: give a longer delayMs, a delayMaxMs, "
					+ "a status or drop: true");
		}
		if (spec.message() != null && spec.status() == null) {
			throw new FaultSpecException("message needs a status: it is the envelope's error_message for that status");
		}
		if (spec.status() != null && Boolean.TRUE.equals(spec.drop())) {
			throw new FaultSpecException("a rule either answers a status or drops the connection, not both");
		}
		if (spec.times() != null && (spec.times() < 1 || spec.times() > Integer.MAX_VALUE)) {
			throw new FaultSpecException(
					"times must be from 1 to " + Integer.MAX_VALUE + ", or left out for until removed");
		}
		if (spec.delayMs() != null && (spec.delayMs() < 0 || spec.delayMs() > MAX_DELAY_MS)) {
			throw new FaultSpecException("delayMs must be 0 to " + MAX_DELAY_MS);
		}
		if (spec.delayMaxMs() != null
				&& (spec.delayMs() == null || spec.delayMaxMs() < spec.delayMs() || spec.delayMaxMs() > MAX_DELAY_MS)) {
			throw new FaultSpecException("delayMaxMs needs delayMs and must be from delayMs to " + MAX_DELAY_MS
					+ ": each wait is drawn at random from delayMs to delayMaxMs");
		}
		// A chance of 0 (or one too small for a double, 1e-400) would never apply.
		if (spec.probability() != null
				&& (spec.probability().isNaN() || spec.probability() <= 0 || spec.probability() > 1)) {
			throw new FaultSpecException("probability must be above 0 and at most 1");
		}
		if (spec.seed() != null && spec.probability() == null
				&& (spec.delayMaxMs() == null || spec.delayMaxMs().equals(spec.delayMs()))) {
			throw new FaultSpecException("seed only makes sense with a probability or a random delay");
		}
		// An empty idCrm or email would never match: a rule that never applies.
		if (spec.idCrm() != null && spec.idCrm().isBlank()) {
			throw new FaultSpecException("idCrm, when given, names an approval: leave it out for every approval");
		}
		if (spec.email() != null && spec.email().isBlank()) {
			throw new FaultSpecException("email, when given, names an approver: leave it out for every email");
		}
		// A chain's emails are split at ';' and ','; a rule's email holding either would
		// never match one of them.
		if (spec.email() != null && (spec.email().contains(";") || spec.email().contains(","))) {
			throw new FaultSpecException("email names one approver, without ';' or ',' (a chain's emails are split"
					+ " there): make a rule for each email");
		}
		fits("idCrm", spec.idCrm(), MAX_ID_CRM_LENGTH);
		fits("email", spec.email(), MAX_EMAIL_LENGTH);
		fits("message", spec.message(), MAX_MESSAGE_LENGTH);
		if (StorableText.holdsNul(spec.message()) || StorableText.holdsNul(spec.idCrm())
				|| StorableText.holdsNul(spec.email())) {
			throw new FaultSpecException("message, idCrm and email cannot hold the character U+0000");
		}
	}

	private static void fits(String field, @Nullable String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			throw new FaultSpecException(field + " must be at most " + maxLength + " characters");
		}
	}

	/**
	 * The endpoint's name as the stand spells it, whatever the case it was given in, as
	 * ElmaService's paths are matched; empty when it names none.
	 */
	private static String endpointNamed(@Nullable String endpoint) {
		if (endpoint == null) {
			return "";
		}
		return ENDPOINTS.stream().filter((name) -> name.equalsIgnoreCase(endpoint.strip())).findFirst().orElse("");
	}

	@Transactional(readOnly = true)
	public List<FaultRule> list() {
		return this.rules.findAllByOrderByCreatedOn();
	}

	@Transactional(readOnly = true)
	public Optional<FaultRule> find(UUID id) {
		return this.rules.findById(id);
	}

	/** Removes a rule; whether there was one. */
	@Transactional
	public boolean delete(UUID id) {
		if (!this.rules.existsById(id)) {
			return false;
		}
		this.rules.deleteById(id);
		forgetRulesOnCommit();
		return true;
	}

	@Transactional
	public void deleteAll() {
		this.rules.deleteAllInBatch();
		forgetRulesOnCommit();
	}

	/**
	 * The first rule that takes this request, counted against its {@code times}; empty
	 * when the stand answers as usual. The list of rules is read again in the background
	 * every half second (and at once, before the request, after a change through this
	 * instance), so a rule added through another replica holds here within about that
	 * time, on a replica that was idle too, and no request waits for the list; whether a
	 * matching rule still applies is decided in the database, under the rule's row lock,
	 * so {@code times} and the probability stay exact.
	 * <p>
	 * While the database is away no rule takes a request: the request goes on to its key
	 * check and its answer, as the contract orders them, rather than ending in a 500
	 * because the rules could not be read. The rules last read are kept meanwhile.
	 */
	public Optional<FaultRule> take(String endpoint, @Nullable String idCrm, List<String> emails) {
		// A request for an operation ElmaService does not have meets no rule, "*" ones
		// included: it gets its 404, and takes nothing from a rule's times.
		if (endpointNamed(endpoint).isEmpty() || endpoint.equals(FaultRule.ANY_ENDPOINT)) {
			return Optional.empty();
		}
		List<FaultRule> candidates = rules().stream()
			.filter((rule) -> rule.matches(endpoint, idCrm, emails) && !rule.exhausted())
			.toList();
		if (candidates.isEmpty()) {
			return Optional.empty();
		}
		Optional<FaultRule> taken;
		try {
			taken = this.transaction.execute((status) -> {
				for (FaultRule candidate : candidates) {
					FaultRule rule = this.rules.lockById(candidate.getId()).orElse(null);
					if (rule != null && rule.take()) {
						return Optional.of(rule);
					}
				}
				return Optional.<FaultRule>empty();
			});
		}
		catch (DataAccessException | TransactionException ex) {
			logger.warn("No fault rule taken: the database did not answer ({})", ex.getMessage());
			return Optional.empty();
		}
		forgetRules();
		return (taken != null) ? taken : Optional.empty();
	}

	/**
	 * Forgets the rules once the change is visible to others: forgetting them earlier
	 * would let a concurrent request read the old rules again and trust them for another
	 * half second.
	 */
	private void forgetRulesOnCommit() {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				forgetRules();
			}

		});
	}

	private void forgetRules() {
		this.changes.incrementAndGet();
		this.known = null;
	}

	private List<FaultRule> rules() {
		List<FaultRule> current = this.known;
		return (current != null) ? current : read(List.of());
	}

	/**
	 * Reads the rules again, whether requests come or not: a replica that was idle must
	 * not answer its first requests with a list from before its idle spell.
	 */
	@Scheduled(fixedDelay = READ_AGAIN_MS, timeUnit = TimeUnit.MILLISECONDS)
	void readAgain() {
		List<FaultRule> current = this.known;
		read((current != null) ? current : List.of());
	}

	/**
	 * The rules as the database holds them now, or those given when it does not answer;
	 * kept for the requests to come unless a change through this instance came first.
	 */
	private List<FaultRule> read(List<FaultRule> whenAway) {
		long changesBefore = this.changes.get();
		List<FaultRule> read;
		try {
			read = this.transaction.execute((status) -> this.rules.findAllByOrderByCreatedOn());
			if (this.unread.compareAndSet(true, false)) {
				logger.info("Fault rules read again: the database answers");
			}
		}
		catch (DataAccessException | TransactionException ex) {
			if (this.unread.compareAndSet(false, true)) {
				logger.warn("Fault rules not read again: the database did not answer ({}); the rules last read "
						+ "are kept until it does", ex.getMessage());
			}
			read = whenAway;
		}
		if (read == null) {
			read = whenAway;
		}
		if (this.changes.get() == changesBefore) {
			this.known = read;
		}
		return read;
	}

	private double knownCount() {
		List<FaultRule> current = this.known;
		return (current != null) ? current.size() : Double.NaN;
	}

}
