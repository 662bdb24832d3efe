package io.petstore.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One event on its way to one target: a webhook's, or an order's callback URL
 * ({@code webhookId} null). {@code eventId} is the {@code webhook-id} header, the same for every
 * attempt. {@code payload} and {@code attempts} are shown by getWebhookDelivery only.
 */
public record Delivery(UUID id, UUID webhookId, Kind kind, UUID eventId, String eventType, String url, Status status,
		int attemptCount, Integer lastStatusCode, Instant nextAttemptAt, @JsonRawValue String payload, List<Attempt> attempts,
		UUID tenantId, Instant createdAt, Instant updatedAt) {

	public enum Kind {
		WEBHOOK, CALLBACK
	}

	public enum Status {
		PENDING, SUCCEEDED, FAILED
	}

	/** One try: the answer's status code (null if there was none), its latency, error and first bytes. */
	public record Attempt(int number, Instant attemptedAt, Integer statusCode, int latencyMs, String error, String responseBody) {
	}

	Delivery summary() {
		return new Delivery(id, webhookId, kind, eventId, eventType, url, status, attemptCount, lastStatusCode, nextAttemptAt, null,
				null, tenantId, createdAt, updatedAt);
	}

	Delivery withAttempts(List<Attempt> list) {
		return new Delivery(id, webhookId, kind, eventId, eventType, url, status, attemptCount, lastStatusCode, nextAttemptAt, payload,
				list, tenantId, createdAt, updatedAt);
	}

}
