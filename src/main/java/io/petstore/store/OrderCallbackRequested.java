package io.petstore.store;

import java.util.Map;
import java.util.UUID;

import io.petstore.tenancy.Tenant;

/**
 * Published inside the transaction of callbackOrder ({@code POST /v1/orders/{id}}): the webhook
 * module checks the URL and queues the {@code orderProcessed} callback with this payload.
 * @param userId the order's owner (who can list the delivery)
 * @param requestId the callback's {@code requestId}, also its {@code webhook-id}
 * @param payload the callback's body: {@code requestId, orderId, status, result, timestamp}
 */
public record OrderCallbackRequested(Tenant tenant, UUID userId, UUID requestId, String callbackUrl, Map<String, Object> payload) {
}
