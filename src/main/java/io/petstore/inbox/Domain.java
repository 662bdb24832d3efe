package io.petstore.inbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A domain (schema {@code Domain}): {@code validate} is the TXT record value to publish at
 * {@code name} to prove ownership; {@code active} domains receive mail and take new inboxes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Domain(UUID id, String name, String validate, DomainStatus status, boolean active, Instant createdAt,
		Instant validatedAt, @JsonIgnore long ownerId) {

	boolean validated() {
		return status == DomainStatus.VALIDATED;
	}

}
