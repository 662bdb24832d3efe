package io.petstore.classic.pet;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** "pet status in the store", as the document lists them; strict mode refuses any other value. */
public enum PetStatus {

	AVAILABLE("available"), PENDING("pending"), SOLD("sold");

	private final String wire;

	PetStatus(String wire) {
		this.wire = wire;
	}

	@JsonValue
	public String wire() {
		return wire;
	}

	public static Optional<PetStatus> fromWire(String value) {
		return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
	}

}
