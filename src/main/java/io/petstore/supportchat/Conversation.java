package io.petstore.supportchat;

import java.time.Instant;
import java.util.UUID;

/**
 * A support conversation.
 * @param id UUIDv7
 * @param tenantId whose data it is
 * @param customer the user who opened it
 * @param agent the assigned agent; null while none has taken it (the advisor answers then)
 * @param subject what the customer said it is about; may be null
 */
public record Conversation(UUID id, UUID tenantId, Participant customer, Participant agent, String subject,
		ConversationStatus status, Instant createdAt, Instant updatedAt) {
}
