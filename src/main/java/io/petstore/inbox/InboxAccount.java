package io.petstore.inbox;

import io.petstore.tenancy.Tenant;

/**
 * Who a request with an {@code api_key} header acts for: a classic user (by id) in a tenant, or the
 * shared demo account ({@link #DEMO_OWNER}). Controllers take it as a parameter (see
 * {@link InboxAccountResolver}); everything they touch is scoped to it.
 */
record InboxAccount(Tenant tenant, long ownerId) {

	/** Owner id of the demo key: classic user ids are positive, so no user is this account. */
	static final long DEMO_OWNER = 0;

}
