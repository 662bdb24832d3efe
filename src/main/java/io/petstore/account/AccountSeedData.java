package io.petstore.account;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.petstore.tenancy.TenantSeedRequested;

/** A tenant starts without modern users (clients register their own); a reset removes them. */
@Component
class AccountSeedData {

	private final UserRepository users;

	AccountSeedData(UserRepository users) {
		this.users = users;
	}

	@EventListener
	void seed(TenantSeedRequested event) {
		if (event.reset()) {
			users.deleteAll(event.tenant());
		}
	}

}
