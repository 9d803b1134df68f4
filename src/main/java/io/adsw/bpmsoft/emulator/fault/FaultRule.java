package io.adsw.bpmsoft.emulator.fault;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A rule that changes the stand's answer to matching ElmaService requests: an error
 * status (with the integration note's message for it), a delay, or a dropped connection;
 * for the next {@code times} matches or until removed; with a probability that repeats
 * when seeded.
 */
@Entity
@Table(name = "fault_rule")
public class FaultRule {

	/** The endpoint value that matches both operations. */
	public static final String ANY_ENDPOINT = "*";

	@Id
	private UUID id;

	private String endpoint;

	private @Nullable String idCrm;

	private @Nullable String email;

	private @Nullable Integer status;

	private @Nullable String message;

	private int delayMs;

	private int delayMaxMs;

	@Column(name = "drop_connection")
	private boolean drop;

	private @Nullable Integer times;

	private @Nullable Integer remaining;

	private @Nullable Double probability;

	private @Nullable Long seed;

	private long draws;

	private long applied;

	private Instant createdOn;

	@SuppressWarnings("NullAway.Init")
	protected FaultRule() {
	}

	/**
	 * A rule as the spec asks for it. The spec has passed the checks of {@link Faults}
	 * first (numbers within their ranges among them), which is why its whole numbers fit
	 * the columns' {@code int}.
	 */
	FaultRule(FaultSpec spec, Instant now) {
		this.id = UUID.randomUUID();
		this.endpoint = spec.endpoint();
		this.idCrm = spec.idCrm();
		this.email = spec.email();
		this.status = exact(spec.status());
		this.message = spec.message();
		this.delayMs = (spec.delayMs() != null) ? Math.toIntExact(spec.delayMs()) : 0;
		this.delayMaxMs = (spec.delayMaxMs() != null) ? Math.toIntExact(spec.delayMaxMs()) : this.delayMs;
		this.drop = Boolean.TRUE.equals(spec.drop());
		this.times = exact(spec.times());
		this.remaining = this.times;
		this.probability = spec.probability();
		this.seed = spec.seed();
		this.createdOn = now;
	}

	/** A whole number the checks have found within an {@code int}. */
	private static @Nullable Integer exact(@Nullable Long value) {
		return (value != null) ? Math.toIntExact(value) : null;
	}

	/** Whether a request with this endpoint, id and emails is one the rule is about. */
	boolean matches(String endpoint, @Nullable String idCrm, List<String> emails) {
		if (!this.endpoint.equals(ANY_ENDPOINT) && !this.endpoint.equalsIgnoreCase(endpoint)) {
			return false;
		}
		if (this.idCrm != null && (idCrm == null || !this.idCrm.strip().equalsIgnoreCase(idCrm))) {
			return false;
		}
		return this.email == null || emails.stream().anyMatch((given) -> given.equalsIgnoreCase(this.email.strip()));
	}

	/**
	 * Takes a matching request: decides, with the rule's probability, whether it applies,
	 * and if so counts it against {@code times}.
	 * @return whether the rule changes this request's answer
	 */
	boolean take() {
		if (this.remaining != null && this.remaining <= 0) {
			return false;
		}
		if (this.probability != null && draw(0) >= this.probability) {
			this.draws++;
			return false;
		}
		this.draws++;
		this.applied++;
		if (this.remaining != null) {
			this.remaining--;
		}
		return true;
	}

	/** How long to wait before answering, fixed or random between the two bounds. */
	long delayMillis() {
		if (this.delayMaxMs <= this.delayMs) {
			return this.delayMs;
		}
		return this.delayMs + (long) Math.floor(draw(1) * (this.delayMaxMs - this.delayMs + 1));
	}

	/**
	 * A number in [0, 1): from the rule's seed and how many requests it has seen, so that
	 * a seeded run repeats exactly; random otherwise.
	 */
	private double draw(int stream) {
		if (this.seed == null) {
			return ThreadLocalRandom.current().nextDouble();
		}
		return new SplittableRandom(this.seed ^ (this.draws * 0x9E3779B97F4A7C15L) ^ stream).nextDouble();
	}

	boolean exhausted() {
		return this.remaining != null && this.remaining <= 0;
	}

	public UUID getId() {
		return this.id;
	}

	public String getEndpoint() {
		return this.endpoint;
	}

	public @Nullable String getIdCrm() {
		return this.idCrm;
	}

	public @Nullable String getEmail() {
		return this.email;
	}

	public @Nullable Integer getStatus() {
		return this.status;
	}

	public @Nullable String getMessage() {
		return this.message;
	}

	public int getDelayMs() {
		return this.delayMs;
	}

	public int getDelayMaxMs() {
		return this.delayMaxMs;
	}

	public boolean isDrop() {
		return this.drop;
	}

	public @Nullable Integer getTimes() {
		return this.times;
	}

	public @Nullable Integer getRemaining() {
		return this.remaining;
	}

	public @Nullable Double getProbability() {
		return this.probability;
	}

	public @Nullable Long getSeed() {
		return this.seed;
	}

	public long getApplied() {
		return this.applied;
	}

	public Instant getCreatedOn() {
		return this.createdOn;
	}

}
