package io.petstore.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.petstore.account.UserDeleted;
import io.petstore.audit.AuditTrail;
import io.petstore.auth.Caller;
import io.petstore.payment.PaymentSucceeded;
import io.petstore.store.OrderCallbackRequested;
import io.petstore.store.OrderStatusChanged;
import io.petstore.tenancy.Tenant;
import io.petstore.tenancy.TenantSeedRequested;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.Ids;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;
import io.petstore.v1.DomainException;

/**
 * Subscriptions and the outbox. Events about a user's orders and payments are written, one
 * delivery per matching active subscription of that user, in the transaction of the change that
 * caused them (so a change and its events commit or roll back together); the
 * {@link DeliveryWorker} sends them after the commit.
 */
@Service
@Transactional
class Webhooks {

	static final String ORDER_CREATED = "order.created";

	static final String ORDER_STATUS_CHANGED = "order.statusChanged";

	static final String PAYMENT_SUCCEEDED = "payment.succeeded";

	static final String TEST = "webhook.test";

	static final String ORDER_PROCESSED = "orderProcessed";

	/** What a subscription may ask for. */
	static final Set<String> EVENT_TYPES = Set.of(ORDER_CREATED, ORDER_STATUS_CHANGED, PAYMENT_SUCCEEDED);

	private static final String ENTITY = "WEBHOOKS";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final TargetGuard guard;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final DeliveryWorker worker;

	private final WebhookProperties properties;

	Webhooks(WebhookRepository webhooks, DeliveryRepository deliveries, TargetGuard guard, JsonMapper json, AuditTrail audit,
			DeliveryWorker worker, WebhookProperties properties) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.guard = guard;
		this.json = json;
		this.audit = audit;
		this.worker = worker;
		this.properties = properties;
	}

	Webhook create(Caller caller, WebhookInput input) {
		List<FieldIssue> issues = new ArrayList<>();
		if (input.url() == null) {
			issues.add(new FieldIssue("url", "is required", "required"));
		}
		if (input.events() == null) {
			issues.add(new FieldIssue("events", "is required", "required"));
		}
		if (!issues.isEmpty()) {
			throw DomainException.invalid(issues);
		}
		String url = guard.check("url", input.url());
		List<String> events = events(input.events());
		String description = description(input.description());
		if (webhooks.countByUser(caller.tenant(), caller.userId()) >= properties.maxPerUser()) {
			throw DomainException.conflict("A user may have at most " + properties.maxPerUser() + " webhooks; delete one first.");
		}
		Instant now = now();
		Webhook webhook = new Webhook(Ids.newId(), url, events, description, input.active() == null || input.active(), newSecret(),
				caller.tenant().isShared() ? null : caller.tenant().id(), now, now);
		webhooks.insert(caller.tenant(), caller.userId(), webhook);
		audit.record(caller.tenant(), "WEBHOOK_CREATED", ENTITY, webhook.id(), null, webhook);
		return webhook;
	}

	@Transactional(readOnly = true)
	Webhook get(Caller caller, UUID id) {
		return owned(caller, id).webhook();
	}

	@Transactional(readOnly = true)
	PageResult<Webhook> list(Caller caller, PageRequest page) {
		return PageResult.of(webhooks.findByUser(caller.tenant(), caller.userId(), page.offset(), page.limit()), page,
				webhooks.countByUser(caller.tenant(), caller.userId()));
	}

	Webhook update(Caller caller, UUID id, WebhookInput input) {
		Webhook before = owned(caller, id).webhook();
		Webhook after = new Webhook(id, input.url() == null ? before.url() : guard.check("url", input.url()),
				input.events() == null ? before.events() : events(input.events()),
				input.description() == null ? before.description() : description(input.description()),
				input.active() == null ? before.active() : input.active(), null, before.tenantId(), before.createdAt(), now());
		webhooks.update(caller.tenant(), after);
		audit.record(caller.tenant(), "WEBHOOK_UPDATED", ENTITY, id, before, after);
		return after;
	}

	void delete(Caller caller, UUID id) {
		Webhook before = owned(caller, id).webhook();
		deliveries.deleteBySubscription(id);
		webhooks.delete(caller.tenant(), id);
		audit.record(caller.tenant(), "WEBHOOK_DELETED", ENTITY, id, before, null);
	}

	/** Queues a {@code webhook.test} event for this webhook (whatever events it subscribes to). */
	Delivery test(Caller caller, UUID id) {
		WebhookRepository.Subscription subscription = owned(caller, id);
		if (!subscription.webhook().active()) {
			throw DomainException.conflict("The webhook is disabled; enable it (active: true) to send it events.");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("webhookId", id);
		data.put("message", "A test event from Petstore: if you can read this, your endpoint works.");
		UUID deliveryId = enqueue(caller.tenant(), caller.userId(), List.of(subscription), TEST, data).get(0);
		return deliveries.find(caller.tenant(), deliveryId).orElseThrow().delivery().summary();
	}

	@Transactional(readOnly = true)
	PageResult<Delivery> deliveries(Caller caller, DeliveryRepository.Filter filter, PageRequest page) {
		return PageResult.of(deliveries.find(caller.tenant(), caller.userId(), filter, page.offset(), page.limit()), page,
				deliveries.count(caller.tenant(), caller.userId(), filter));
	}

	@Transactional(readOnly = true)
	Delivery delivery(Caller caller, UUID id) {
		Delivery delivery = ownedDelivery(caller, id);
		return delivery.withAttempts(deliveries.attempts(id));
	}

	/** Sends a delivery again, with the same event id, for a new round of attempts. */
	Delivery redeliver(Caller caller, UUID id) {
		Delivery delivery = ownedDelivery(caller, id);
		if (delivery.webhookId() != null && !webhooks.find(caller.tenant(), delivery.webhookId()).orElseThrow().webhook().active()) {
			throw DomainException.conflict("The webhook is disabled; enable it (active: true) before redelivering.");
		}
		if (!deliveries.requeue(caller.tenant(), id, now())) {
			throw DomainException.conflict("The delivery is still pending; it is attempted on its schedule.");
		}
		wakeWorkerAfterCommit();
		return deliveries.find(caller.tenant(), id).orElseThrow().delivery().summary();
	}

	@EventListener
	void orderStatusChanged(OrderStatusChanged event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("order", event.order());
		if (event.previousStatus() == null) {
			enqueue(event.tenant(), event.order().userId(), ORDER_CREATED, data);
			return;
		}
		data.put("previousStatus", event.previousStatus());
		data.put("newStatus", event.newStatus());
		data.put("changedAt", event.changedAt());
		data.put("changedBy", event.changedBy());
		if (event.reason() != null) {
			data.put("reason", event.reason());
		}
		enqueue(event.tenant(), event.order().userId(), ORDER_STATUS_CHANGED, data);
	}

	@EventListener
	void paymentSucceeded(PaymentSucceeded event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("payment", event.payment());
		data.put("order", event.order());
		enqueue(event.tenant(), event.order().userId(), PAYMENT_SUCCEEDED, data);
	}

	/** An order's {@code orderProcessed} callback: checked like a webhook's URL (422), then queued. */
	@EventListener
	void orderCallbackRequested(OrderCallbackRequested event) {
		String url = guard.check("callbackUrl", event.callbackUrl());
		Instant now = now();
		deliveries.insert(event.tenant(), event.userId(), null, Ids.newId(), event.requestId(), ORDER_PROCESSED, url,
				json.writeValueAsString(event.payload()), now);
		wakeWorkerAfterCommit();
	}

	@EventListener
	void userDeleted(UserDeleted event) {
		deliveries.deleteByUser(event.tenant(), event.userId());
		webhooks.deleteByUser(event.tenant(), event.userId());
	}

	@EventListener
	void reset(TenantSeedRequested event) {
		if (event.reset()) {
			deliveries.deleteAll(event.tenant());
			webhooks.deleteAll(event.tenant());
		}
	}

	private void enqueue(Tenant tenant, UUID userId, String eventType, Map<String, Object> data) {
		List<WebhookRepository.Subscription> subscribed = webhooks.findActive(tenant, userId, eventType);
		if (!subscribed.isEmpty()) {
			enqueue(tenant, userId, subscribed, eventType, data);
		}
	}

	/** One event, one delivery per subscription, all with the same event id. */
	private List<UUID> enqueue(Tenant tenant, UUID userId, List<WebhookRepository.Subscription> subscriptions, String eventType,
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
			deliveries.insert(tenant, userId, subscription.webhook().id(), id, eventId, eventType, subscription.webhook().url(), payload,
					now);
			ids.add(id);
		}
		wakeWorkerAfterCommit();
		return ids;
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

	private WebhookRepository.Subscription owned(Caller caller, UUID id) {
		WebhookRepository.Subscription subscription = webhooks.find(caller.tenant(), id)
			.orElseThrow(() -> DomainException.notFound("webhook", id));
		caller.mustBe(subscription.userId(), "webhook");
		return subscription;
	}

	private Delivery ownedDelivery(Caller caller, UUID id) {
		DeliveryRepository.Owned owned = deliveries.find(caller.tenant(), id)
			.orElseThrow(() -> DomainException.notFound("webhook delivery", id));
		caller.mustBe(owned.userId(), "webhook delivery");
		return owned.delivery();
	}

	private static List<String> events(List<String> requested) {
		if (requested.isEmpty()) {
			throw DomainException.invalid("events", "must name at least one event type", "required");
		}
		List<FieldIssue> issues = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			if (requested.get(i) == null || !EVENT_TYPES.contains(requested.get(i))) {
				issues.add(new FieldIssue("events[" + i + "]", "must be one of " + EVENT_TYPES.stream().sorted().toList(), "invalid_value"));
			}
		}
		if (!issues.isEmpty()) {
			throw DomainException.invalid(issues);
		}
		return List.copyOf(new LinkedHashSet<>(requested));
	}

	private static String description(String description) {
		if (description != null && description.length() > 500) {
			throw DomainException.invalid("description", "must be at most 500 characters", "too_long");
		}
		return description;
	}

	/** {@code whsec_} and 32 random bytes in Base64, as Standard Webhooks libraries expect. */
	private static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
