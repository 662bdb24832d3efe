package io.petstore.audit;

import java.time.Instant;
import java.util.UUID;

/** Which audit records to list; a null field does not filter. {@code createdTo} is exclusive. */
public record AuditFilter(String action, String entityType, String entityId, UUID userId, Instant createdFrom,
		Instant createdTo) {
}
