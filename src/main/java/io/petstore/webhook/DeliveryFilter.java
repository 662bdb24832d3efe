package io.petstore.webhook;

import java.util.UUID;

/** Filters of listWebhookDeliveries; null: any. */
public record DeliveryFilter(UUID webhookId, Delivery.Status status, String eventType) {
}
