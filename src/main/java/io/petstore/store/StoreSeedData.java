package io.petstore.store;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.petstore.tenancy.TenantSeedRequested;

/** A tenant starts without orders; a reset removes them. */
@Component
class StoreSeedData {

	private final OrderRepository orders;

	StoreSeedData(OrderRepository orders) {
		this.orders = orders;
	}

	@EventListener
	void seed(TenantSeedRequested event) {
		if (event.reset()) {
			orders.deleteAll(event.tenant());
		}
	}

}
