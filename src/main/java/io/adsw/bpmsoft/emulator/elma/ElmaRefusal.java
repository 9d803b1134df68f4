package io.adsw.bpmsoft.emulator.elma;

/**
 * A request ElmaService answers with an error envelope instead of acting on it.
 */
class ElmaRefusal extends RuntimeException {

	private final ElmaAnswer answer;

	ElmaRefusal(ElmaAnswer answer) {
		super(answer.errorMessage(), null, false, false);
		this.answer = answer;
	}

	static ElmaRefusal badRequest(String message) {
		return new ElmaRefusal(ElmaAnswer.badRequest(message));
	}

	ElmaAnswer answer() {
		return this.answer;
	}

}
