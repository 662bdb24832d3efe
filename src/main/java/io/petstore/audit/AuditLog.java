package io.petstore.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * One audit record as the Admin API shows it.
 * @param userId the acting Modern API user, if the actor is one
 * @param actor who acted: {@code user:<username>}, {@code classic-user:<username>}, {@code api-key},
 * {@code anonymous}, {@code smtp:<sender>}, {@code system}
 * @param changes {@code {field: {before, after}}}; secrets are never shown
 */
public record AuditLog(UUID id, String action, @JsonInclude(JsonInclude.Include.ALWAYS) UUID userId, String actor, String entityType, String entityId,
		JsonNode changes, String protocol, String request, String ipAddress, String userAgent, UUID tenantId,
		Instant createdAt) {
}
