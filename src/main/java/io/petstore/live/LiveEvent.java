package io.petstore.live;

import java.util.UUID;

import io.petstore.tenancy.Tenant;

/**
 * One committed change, as the realtime protocols see it.
 * @param id its place in the order of all changes (the {@code live_event} row id: increasing, the
 * same on every instance, the SSE {@code id:}); 0 for an event not yet published
 * @param topic what changed: {@link #PET_STATUS}, {@link #ORDER_STATUS}, {@link #PAYMENT}; or
 * {@link #RESET} (only from {@link LiveEvents#since}: the history asked for is gone)
 * @param tenant whose data it is; subscribers only ever see their own tenant's events
 * @param owner the user the change belongs to (an order's or payment's buyer); null for public changes
 * @param payload the domain event ({@code catalog.PetStatusChanged}, {@code store.OrderStatusChanged},
 * {@code payment.PaymentSucceeded}); any Jackson-serialisable record of an {@code io.petstore}
 * package (stored as JSON with its class name, read back as that class on every instance)
 */
public record LiveEvent(long id, String topic, Tenant tenant, UUID owner, Object payload) {

	public static final String PET_STATUS = "pet.statusChanged";

	public static final String ORDER_STATUS = "order.statusChanged";

	public static final String PAYMENT = "payment.succeeded";

	/** Not a change: {@link LiveEvents#since} could not replay from the id asked for (its payload: why, a String). */
	public static final String RESET = "reset";

	/** An event to {@link LiveEvents#publish} (its id is given when it is stored). */
	public LiveEvent(String topic, Tenant tenant, UUID owner, Object payload) {
		this(0, topic, tenant, owner, payload);
	}

	/** Whether a subscriber in this tenant, acting as this user (null: anonymous), may see it. */
	public boolean visibleTo(Tenant subscriberTenant, UUID subscriberUser) {
		return tenant.equals(subscriberTenant) && (owner == null || owner.equals(subscriberUser));
	}

	LiveEvent withId(long newId) {
		return new LiveEvent(newId, topic, tenant, owner, payload);
	}

}
