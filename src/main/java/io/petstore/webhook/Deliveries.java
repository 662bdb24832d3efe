package io.petstore.webhook;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.v1.DomainException;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

/**
 * The deliveries of a user's webhooks and order callbacks: listWebhookDeliveries,
 * getWebhookDelivery (with its attempts), redeliverWebhookDelivery.
 */
@Service
@Transactional
public class Deliveries {

	private final DeliveryRepository deliveries;

	private final WebhookRepository webhooks;

	private final Outbox outbox;

	Deliveries(DeliveryRepository deliveries, WebhookRepository webhooks, Outbox outbox) {
		this.deliveries = deliveries;
		this.webhooks = webhooks;
		this.outbox = outbox;
	}

	/** The caller's deliveries, newest first, without their attempts. */
	@Transactional(readOnly = true)
	public PageResult<Delivery> list(Caller caller, DeliveryFilter filter, PageRequest page) {
		caller.require(Scopes.READ_ORDERS);
		return PageResult.of(deliveries.find(caller.tenant(), caller.userId(), filter, page.offset(), page.limit()), page,
				deliveries.count(caller.tenant(), caller.userId(), filter));
	}

	@Transactional(readOnly = true)
	public Delivery get(Caller caller, UUID id) {
		caller.require(Scopes.READ_ORDERS);
		return owned(caller, id).withAttempts(deliveries.attempts(id));
	}

	/** Sends a delivery again, with the same event id, for a new round of attempts. */
	public Delivery redeliver(Caller caller, UUID id) {
		caller.require(Scopes.READ_ORDERS);
		Delivery delivery = owned(caller, id);
		if (delivery.webhookId() != null && !webhooks.find(caller.tenant(), delivery.webhookId()).orElseThrow().webhook().active()) {
			throw DomainException.conflict("The webhook is disabled; enable it (active: true) before redelivering.");
		}
		if (!outbox.requeue(caller.tenant(), id)) {
			throw DomainException.conflict("The delivery is still pending; it is attempted on its schedule.");
		}
		return deliveries.find(caller.tenant(), id).orElseThrow().delivery().summary();
	}

	private Delivery owned(Caller caller, UUID id) {
		DeliveryRepository.Owned owned = deliveries.find(caller.tenant(), id)
			.orElseThrow(() -> DomainException.notFound("webhook delivery", id));
		caller.mustBe(owned.userId(), "webhook delivery");
		return owned.delivery();
	}

}
