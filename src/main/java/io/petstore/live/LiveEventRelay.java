package io.petstore.live;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.petstore.catalog.PetStatusChanged;
import io.petstore.payment.PaymentSucceeded;
import io.petstore.store.OrderStatusChanged;

/**
 * Publishes domain changes as live events inside their transaction, just before it commits (the
 * {@code live_event} row and the NOTIFY are part of the change: a rolled-back change publishes
 * nothing); a change made outside a transaction publishes in a transaction of its own.
 */
@Component
class LiveEventRelay {

	private final LiveEvents live;

	LiveEventRelay(LiveEvents live) {
		this.live = live;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PetStatusChanged event) {
		live.publish(new LiveEvent(LiveEvent.PET_STATUS, event.tenant(), null, event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(OrderStatusChanged event) {
		live.publish(new LiveEvent(LiveEvent.ORDER_STATUS, event.tenant(), event.order().userId(), event));
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void on(PaymentSucceeded event) {
		live.publish(new LiveEvent(LiveEvent.PAYMENT, event.tenant(), event.order().userId(), event));
	}

}
