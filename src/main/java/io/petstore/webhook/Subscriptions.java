package io.petstore.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.Ids;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

import static io.petstore.persistence.Timestamps.now;

/**
 * A user's webhook subscriptions: createWebhook, listWebhooks, getWebhook, updateWebhook,
 * deleteWebhook, testWebhook. Each user sees and changes only their own; every target URL passes
 * the {@link TargetGuard}.
 */
@Service
@Transactional
public class Subscriptions {

	private static final String ENTITY = "WEBHOOKS";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final Outbox outbox;

	private final TargetGuard guard;

	private final AuditTrail audit;

	private final WebhookProperties properties;

	Subscriptions(WebhookRepository webhooks, DeliveryRepository deliveries, Outbox outbox, TargetGuard guard, AuditTrail audit,
			WebhookProperties properties) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.outbox = outbox;
		this.guard = guard;
		this.audit = audit;
		this.properties = properties;
	}

	/** A new subscription; its signing secret is shown in this answer only. */
	public Webhook create(Caller caller, WebhookInput input) {
		caller.require(Scopes.READ_ORDERS);
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
	public Webhook get(Caller caller, UUID id) {
		caller.require(Scopes.READ_ORDERS);
		return owned(caller, id).webhook();
	}

	@Transactional(readOnly = true)
	public PageResult<Webhook> list(Caller caller, PageRequest page) {
		caller.require(Scopes.READ_ORDERS);
		return PageResult.of(webhooks.findByUser(caller.tenant(), caller.userId(), page.offset(), page.limit()), page,
				webhooks.countByUser(caller.tenant(), caller.userId()));
	}

	/** Changes the fields given (null: unchanged). */
	public Webhook update(Caller caller, UUID id, WebhookInput input) {
		caller.require(Scopes.READ_ORDERS);
		Webhook before = owned(caller, id).webhook();
		Webhook after = new Webhook(id, input.url() == null ? before.url() : guard.check("url", input.url()),
				input.events() == null ? before.events() : events(input.events()),
				input.description() == null ? before.description() : description(input.description()),
				input.active() == null ? before.active() : input.active(), null, before.tenantId(), before.createdAt(), now());
		webhooks.update(caller.tenant(), after);
		audit.record(caller.tenant(), "WEBHOOK_UPDATED", ENTITY, id, before, after);
		return after;
	}

	/** Deletes the subscription and its deliveries. */
	public void delete(Caller caller, UUID id) {
		caller.require(Scopes.READ_ORDERS);
		Webhook before = owned(caller, id).webhook();
		deliveries.deleteBySubscription(id);
		webhooks.delete(caller.tenant(), id);
		audit.record(caller.tenant(), "WEBHOOK_DELETED", ENTITY, id, before, null);
	}

	/** Queues a {@code webhook.test} event for this webhook (whatever events it subscribes to). */
	public Delivery test(Caller caller, UUID id) {
		caller.require(Scopes.READ_ORDERS);
		WebhookRepository.Subscription subscription = owned(caller, id);
		if (!subscription.webhook().active()) {
			throw DomainException.conflict("The webhook is disabled; enable it (active: true) to send it events.");
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("webhookId", id);
		data.put("message", "A test event from Petstore: if you can read this, your endpoint works.");
		UUID deliveryId = outbox.publish(caller.tenant(), caller.userId(), List.of(subscription), EventTypes.TEST, data).get(0);
		return deliveries.find(caller.tenant(), deliveryId).orElseThrow().delivery().summary();
	}

	private WebhookRepository.Subscription owned(Caller caller, UUID id) {
		WebhookRepository.Subscription subscription = webhooks.find(caller.tenant(), id)
			.orElseThrow(() -> DomainException.notFound("webhook", id));
		caller.mustBe(subscription.userId(), "webhook");
		return subscription;
	}

	private static List<String> events(List<String> requested) {
		if (requested.isEmpty()) {
			throw DomainException.invalid("events", "must name at least one event type", "required");
		}
		List<FieldIssue> issues = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			if (requested.get(i) == null || !EventTypes.SUBSCRIBABLE.contains(requested.get(i))) {
				issues.add(new FieldIssue("events[" + i + "]", "must be one of " + EventTypes.SUBSCRIBABLE.stream().sorted().toList(),
						"invalid_value"));
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

}
