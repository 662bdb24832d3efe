package io.petstore.store;

import java.time.Instant;
import java.util.UUID;

/** An order as every protocol shows it (the /v1 {@code Order} schema). */
public record Order(UUID id, UUID petId, UUID userId, OrderStatus status, String totalAmount, String currency,
		UUID tenantId, Instant createdAt, Instant updatedAt) {
}
