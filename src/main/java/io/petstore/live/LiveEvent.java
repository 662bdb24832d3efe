package io.petstore.live;

import java.util.UUID;

import io.petstore.tenancy.Tenant;

/**
 * One committed change, as the realtime protocols see it.
 * @param topic what changed: {@link #PET_STATUS}, {@link #ORDER_STATUS}, {@link #PAYMENT}
 * @param tenant whose data it is; subscribers only ever see their own tenant's events
 * @param owner the user the change belongs to (an order's or payment's buyer); null for public changes
 * @param payload the domain event ({@code catalog.PetStatusChanged}, {@code store.OrderStatusChanged},
 * {@code payment.PaymentSucceeded})
 */
public record LiveEvent(String topic, Tenant tenant, UUID owner, Object payload) {

	public static final String PET_STATUS = "pet.statusChanged";

	public static final String ORDER_STATUS = "order.statusChanged";

	public static final String PAYMENT = "payment.succeeded";

	/** Whether a subscriber in this tenant, acting as this user (null: anonymous), may see it. */
	public boolean visibleTo(Tenant subscriberTenant, UUID subscriberUser) {
		return tenant.equals(subscriberTenant) && (owner == null || owner.equals(subscriberUser));
	}

}
