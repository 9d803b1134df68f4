package io.adsw.bpmsoft.emulator.fault;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.adsw.bpmsoft.emulator.elma.ElmaRequestSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fault rules: made, listed and removed by QA, and taken by matching requests. Rules
 * live in the database and are read for every request, so a rule added through one
 * replica holds on all.
 */
@Service
public class Faults {

	private static final Set<String> ENDPOINTS = Set.of(ElmaRequestSummary.CREATE, ElmaRequestSummary.CHANGE,
			FaultRule.ANY_ENDPOINT);

	/** The longest delay a rule may ask for. */
	static final int MAX_DELAY_MS = 120_000;

	private final FaultRuleRepository rules;

	private final Clock clock;

	Faults(FaultRuleRepository rules, Clock clock) {
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * Makes a rule.
	 * @throws FaultSpecException naming the field that is wrong
	 */
	@Transactional
	public FaultRule create(FaultSpec spec) {
		check(spec);
		return this.rules.save(new FaultRule(spec, this.clock.instant()));
	}

	private static void check(FaultSpec spec) {
		if (spec.endpoint() == null || !ENDPOINTS.contains(spec.endpoint())) {
			throw new FaultSpecException("endpoint must be CreateChainOfApproval, ChangeApproverResolution or *");
		}
		if (spec.status() != null && (spec.status() < 100 || spec.status() > 599)) {
			throw new FaultSpecException("status must be an HTTP status, 100 to 599");
		}
		if (spec.status() == null && !Boolean.TRUE.equals(spec.drop()) && spec.delayMs() == null) {
			throw new FaultSpecException("a rule needs a status, a delay (delayMs) or drop: true");
		}
		if (spec.status() != null && Boolean.TRUE.equals(spec.drop())) {
			throw new FaultSpecException("a rule either answers a status or drops the connection, not both");
		}
		if (spec.times() != null && spec.times() < 1) {
			throw new FaultSpecException("times must be at least 1, or left out for until removed");
		}
		if (spec.delayMs() != null && (spec.delayMs() < 0 || spec.delayMs() > MAX_DELAY_MS)) {
			throw new FaultSpecException("delayMs must be 0 to " + MAX_DELAY_MS);
		}
		if (spec.delayMaxMs() != null
				&& (spec.delayMs() == null || spec.delayMaxMs() < spec.delayMs() || spec.delayMaxMs() > MAX_DELAY_MS)) {
			throw new FaultSpecException("delayMaxMs needs delayMs and must be from delayMs to " + MAX_DELAY_MS);
		}
		if (spec.probability() != null && (spec.probability() < 0 || spec.probability() > 1)) {
			throw new FaultSpecException("probability must be from 0 to 1");
		}
		if (spec.seed() != null && spec.probability() == null && spec.delayMaxMs() == null) {
			throw new FaultSpecException("seed only makes sense with a probability or a random delay");
		}
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
		return true;
	}

	@Transactional
	public void deleteAll() {
		this.rules.deleteAllInBatch();
	}

	/**
	 * The first rule that takes this request, counted against its {@code times}; empty
	 * when the stand answers as usual.
	 */
	@Transactional
	public Optional<FaultRule> take(String endpoint, @Nullable String idCrm, List<String> emails) {
		for (FaultRule candidate : this.rules
			.findByEndpointInOrderByCreatedOn(List.of(endpoint, FaultRule.ANY_ENDPOINT))) {
			if (!candidate.matches(endpoint, idCrm, emails) || candidate.exhausted()) {
				continue;
			}
			FaultRule rule = this.rules.lockById(candidate.getId()).orElse(null);
			if (rule != null && rule.take()) {
				return Optional.of(rule);
			}
		}
		return Optional.empty();
	}

}
