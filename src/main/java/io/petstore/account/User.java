package io.petstore.account;

import java.time.Instant;
import java.util.UUID;

/** A user as the API shows it: never the password or its hash. */
public record User(UUID id, String username, String email, String firstName, String lastName, String phone,
		Preferences preferences, UUID tenantId, Instant createdAt, Instant updatedAt) {
}
