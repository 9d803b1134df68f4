package io.adsw.bpmsoft.emulator.pacing;

import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * A request's turn to be worked on. Code that makes a request wait on purpose (a fault
 * rule's delay) waits aside, so that a slow answer does not hold up the requests behind
 * it.
 */
public final class Turn {

	static final String ATTRIBUTE = Turn.class.getName();

	private final @Nullable RequestTurns turns;

	private boolean held;

	private Turn(@Nullable RequestTurns turns) {
		this.turns = turns;
	}

	/** The request's turn; one that holds nothing if the request was not paced. */
	public static Turn of(ServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof Turn turn) ? turn : new Turn(null);
	}

	static Turn take(RequestTurns turns, ServletRequest request) throws InterruptedException {
		Turn turn = new Turn(turns);
		request.setAttribute(ATTRIBUTE, turn);
		turn.take();
		return turn;
	}

	/**
	 * Sleeps without holding the turn, then waits for a turn again.
	 */
	public void sleepAside(long millis) throws InterruptedException {
		release();
		try {
			Thread.sleep(millis);
		}
		finally {
			take();
		}
	}

	private void take() throws InterruptedException {
		this.held = this.turns != null && this.turns.take();
	}

	void release() {
		if (this.held && this.turns != null) {
			this.held = false;
			this.turns.release();
		}
	}

}
