package io.petstore.inbox;

import com.fasterxml.jackson.annotation.JsonValue;

/** A domain's ownership state, written as in the seed: {@code missing validation}, {@code validated}. */
enum DomainStatus {

	MISSING_VALIDATION("missing validation"), VALIDATED("validated");

	private final String label;

	DomainStatus(String label) {
		this.label = label;
	}

	@JsonValue
	String label() {
		return label;
	}

}
