package io.petstore.classic.store;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** "Order Status", as the document lists them; strict mode refuses any other value. */
public enum OrderStatus {

	PLACED("placed"), APPROVED("approved"), DELIVERED("delivered");

	private final String wire;

	OrderStatus(String wire) {
		this.wire = wire;
	}

	@JsonValue
	public String wire() {
		return wire;
	}

	static Optional<OrderStatus> fromWire(String value) {
		return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
	}

}
