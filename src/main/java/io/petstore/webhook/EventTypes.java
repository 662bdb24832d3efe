package io.petstore.webhook;

import java.util.Set;

/** The event types of deliveries, as the document spells them. */
final class EventTypes {

	static final String ORDER_CREATED = "order.created";

	static final String ORDER_STATUS_CHANGED = "order.statusChanged";

	static final String PAYMENT_SUCCEEDED = "payment.succeeded";

	static final String TEST = "webhook.test";

	static final String ORDER_PROCESSED = "orderProcessed";

	/** What a subscription may ask for. */
	static final Set<String> SUBSCRIBABLE = Set.of(ORDER_CREATED, ORDER_STATUS_CHANGED, PAYMENT_SUCCEEDED);

	private EventTypes() {
	}

}
