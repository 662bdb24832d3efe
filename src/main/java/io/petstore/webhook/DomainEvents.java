package io.petstore.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.petstore.account.UserDeleted;
import io.petstore.payment.PaymentSucceeded;
import io.petstore.store.OrderCallbackRequested;
import io.petstore.store.OrderStatusChanged;
import io.petstore.tenancy.TenantSeedRequested;

/**
 * What the other modules' events mean here, each handled in the transaction of the change that
 * published it: order and payment events become deliveries, an order's callback request a
 * callback delivery, a deleted user or a tenant reset take their subscriptions and deliveries along.
 */
@Component
class DomainEvents {

	private final Outbox outbox;

	private final TargetGuard guard;

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	DomainEvents(Outbox outbox, TargetGuard guard, WebhookRepository webhooks, DeliveryRepository deliveries) {
		this.outbox = outbox;
		this.guard = guard;
		this.webhooks = webhooks;
		this.deliveries = deliveries;
	}

	@EventListener
	void orderStatusChanged(OrderStatusChanged event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("order", event.order());
		if (event.previousStatus() == null) {
			outbox.publish(event.tenant(), event.order().userId(), EventTypes.ORDER_CREATED, data);
			return;
		}
		data.put("previousStatus", event.previousStatus());
		data.put("newStatus", event.newStatus());
		data.put("changedAt", event.changedAt());
		data.put("changedBy", event.changedBy());
		if (event.reason() != null) {
			data.put("reason", event.reason());
		}
		outbox.publish(event.tenant(), event.order().userId(), EventTypes.ORDER_STATUS_CHANGED, data);
	}

	@EventListener
	void paymentSucceeded(PaymentSucceeded event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("payment", event.payment());
		data.put("order", event.order());
		outbox.publish(event.tenant(), event.order().userId(), EventTypes.PAYMENT_SUCCEEDED, data);
	}

	/** An order's {@code orderProcessed} callback: checked like a webhook's URL (422), then queued. */
	@EventListener
	void orderCallbackRequested(OrderCallbackRequested event) {
		String url = guard.check("callbackUrl", event.callbackUrl());
		outbox.callback(event.tenant(), event.userId(), event.requestId(), url, event.payload());
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

}
