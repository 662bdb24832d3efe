package io.petstore.store;

import java.time.Instant;
import java.util.UUID;

/** Which orders an administrator lists; a null field does not filter. {@code createdTo} is exclusive. */
public record OrderFilter(OrderStatus status, UUID userId, UUID petId, Instant createdFrom, Instant createdTo) {
}
