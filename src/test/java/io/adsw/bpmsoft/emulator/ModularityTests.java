package io.adsw.bpmsoft.emulator;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages keep their boundaries: no cycles, and no use of another module's
 * internals.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(EmulatorApplication.class).verify();
	}

}
