package io.adsw.bpmsoft.emulator.elma;

import io.adsw.bpmsoft.emulator.elma.ElmaProperties.HttpStatusMode;

import org.springframework.stereotype.Component;

/**
 * The ElmaService settings QA may switch while the stand runs: the HTTP status mode and
 * order enforcement. They start as configured ({@code emulator.elma.*}) and hold for this
 * instance until it restarts.
 */
@Component
public class ElmaSettings {

	private volatile HttpStatusMode httpStatus;

	private volatile boolean enforceOrder;

	private final ElmaProperties configured;

	ElmaSettings(ElmaProperties properties) {
		this.configured = properties;
		restoreConfigured();
	}

	/** Both settings back to what the stand was started with. */
	public void restoreConfigured() {
		this.httpStatus = this.configured.httpStatus();
		this.enforceOrder = this.configured.enforceOrder();
	}

	public HttpStatusMode httpStatus() {
		return this.httpStatus;
	}

	public boolean enforceOrder() {
		return this.enforceOrder;
	}

	public void httpStatus(HttpStatusMode httpStatus) {
		this.httpStatus = httpStatus;
	}

	public void enforceOrder(boolean enforceOrder) {
		this.enforceOrder = enforceOrder;
	}

}
