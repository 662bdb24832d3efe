package io.petstore;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Modules only use each other's public API (top-level package), and there are no cycles. */
class ModularityTest {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(PetstoreApplication.class).verify();
	}

}
