package io.petstore.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An inbox (schema {@code Inbox}): {@code name} is its address, {@code local@domain};
 * {@code messageCount} how many messages it holds.
 */
record Inbox(UUID id, String name, UUID domainId, Instant createdAt, long messageCount) {
}
