package io.petstore.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.petstore.tenancy.Tenant;
import io.petstore.v1.Ids;

import static io.petstore.persistence.Timestamps.now;

/**
 * Writes deliveries in the caller's transaction (so a change and its events commit or roll back
 * together) and wakes the {@link DeliveryWorker} after the commit. One event is one envelope
 * ({@code eventId}, {@code eventType}, {@code timestamp}, {@code data}) and one delivery per
 * subscription, all with the same event id.
 */
@Component
class Outbox {

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final JsonMapper json;

	private final DeliveryWorker worker;

	Outbox(WebhookRepository webhooks, DeliveryRepository deliveries, JsonMapper json, DeliveryWorker worker) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.json = json;
		this.worker = worker;
	}

	/** The event for every active subscription of this user to its type (none: nothing is written). */
	void publish(Tenant tenant, UUID userId, String eventType, Map<String, Object> data) {
		List<WebhookRepository.Subscription> subscribed = webhooks.findActive(tenant, userId, eventType);
		if (!subscribed.isEmpty()) {
			publish(tenant, userId, subscribed, eventType, data);
		}
	}

	/** The event for these subscriptions; the ids of the deliveries written. */
	List<UUID> publish(Tenant tenant, UUID userId, List<WebhookRepository.Subscription> subscriptions, String eventType,
			Map<String, Object> data) {
		UUID eventId = Ids.newId();
		Instant now = now();
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("eventId", eventId);
		envelope.put("eventType", eventType);
		envelope.put("timestamp", now);
		envelope.put("data", data);
		String payload = json.writeValueAsString(envelope);
		List<UUID> ids = new ArrayList<>();
		for (WebhookRepository.Subscription subscription : subscriptions) {
			UUID id = Ids.newId();
			deliveries.insert(tenant, userId, subscription.webhook().id(), id, eventId, eventType, subscription.webhook().url(),
					payload, now);
			ids.add(id);
		}
		wakeWorkerAfterCommit();
		return ids;
	}

	/** An order callback to a URL of the request's own (no subscription); the payload as given. */
	void callback(Tenant tenant, UUID userId, UUID requestId, String url, Map<String, Object> payload) {
		deliveries.insert(tenant, userId, null, Ids.newId(), requestId, EventTypes.ORDER_PROCESSED, url,
				json.writeValueAsString(payload), now());
		wakeWorkerAfterCommit();
	}

	/** A delivery sent again, with the same event id, for a new round of attempts; false while it is pending. */
	boolean requeue(Tenant tenant, UUID deliveryId) {
		if (!deliveries.requeue(tenant, deliveryId, now())) {
			return false;
		}
		wakeWorkerAfterCommit();
		return true;
	}

	private void wakeWorkerAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					worker.wake();
				}
			});
		}
	}

}
