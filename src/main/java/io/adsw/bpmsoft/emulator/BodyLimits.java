package io.adsw.bpmsoft.emulator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest bodies the data service and the control plane take; both read a body whole
 * before they answer. ElmaService has the integration note's own limit (1 MiB).
 *
 * @param dataService a data service request's (a write or a {@code $batch}): IIS's
 * default for a Creatio site, 30 000 000 bytes
 * @param controlPlane a control plane request's, a state to import the largest
 */
@ConfigurationProperties("emulator.body-limits")
public record BodyLimits(@DefaultValue("30000000B") DataSize dataService, @DefaultValue("64MB") DataSize controlPlane) {

	public BodyLimits {
		// A negative limit would turn the limit off without a word.
		if (dataService.isNegative() || controlPlane.isNegative()) {
			throw new IllegalArgumentException(
					"emulator.body-limits." + (dataService.isNegative() ? "data-service" : "control-plane")
							+ " must not be negative: give a size such as 30000000B or 64MB");
		}
	}

	/**
	 * The limit for a request to the address (decoded, without the context path), or -1
	 * when none is set here.
	 */
	public long forAddress(String requestUri) {
		if (isDataService(requestUri)) {
			return this.dataService.toBytes();
		}
		if (requestUri.startsWith("/emulator/api/")) {
			return this.controlPlane.toBytes();
		}
		return -1;
	}

	private static boolean isDataService(String requestUri) {
		return requestUri.startsWith("/0/odata/") || requestUri.equals("/0/odata") || requestUri.startsWith("/odata/")
				|| requestUri.equals("/odata");
	}

}
