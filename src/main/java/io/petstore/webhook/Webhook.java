package io.petstore.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscription as the API shows it. {@code secret} is only present in the answer to its
 * creation: it is shown once.
 */
public record Webhook(UUID id, String url, List<String> events, String description, boolean active, String secret, UUID tenantId,
		Instant createdAt, Instant updatedAt) {
}
