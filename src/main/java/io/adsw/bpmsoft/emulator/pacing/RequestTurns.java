package io.adsw.bpmsoft.emulator.pacing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;

/**
 * Turns to be worked on, handed out in the order they were asked for. A fair semaphore:
 * with more requests than turns, the earliest waiting request is the next one served,
 * whatever kind of thread (platform or virtual) carries it.
 */
class RequestTurns {

	private final Semaphore turns;

	private final int size;

	private final Duration maxWait;

	private final Counter wentAhead;

	RequestTurns(int size, Duration maxWait, Counter wentAhead) {
		this.turns = new Semaphore(size, true);
		this.size = size;
		this.maxWait = maxWait;
		this.wentAhead = wentAhead;
	}

	/**
	 * Waits for a turn, at most the longest wait.
	 * @return whether a turn was taken; if not, the caller goes ahead without one and
	 * must not {@link #release()}
	 */
	boolean take() throws InterruptedException {
		boolean taken = this.turns.tryAcquire(this.maxWait.toNanos(), TimeUnit.NANOSECONDS);
		if (!taken) {
			this.wentAhead.increment();
		}
		return taken;
	}

	void release() {
		this.turns.release();
	}

	int size() {
		return this.size;
	}

	/** How many requests wait for a turn now (an estimate, for metrics). */
	int waiting() {
		return this.turns.getQueueLength();
	}

	/** How many turns are taken now. */
	int inUse() {
		return this.size - this.turns.availablePermits();
	}

}
