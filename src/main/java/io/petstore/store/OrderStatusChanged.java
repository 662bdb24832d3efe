package io.petstore.store;

import java.time.Instant;

import io.petstore.tenancy.Tenant;

/**
 * Published inside the transaction of every order status change (creation included, with a null
 * {@code previousStatus}). Webhooks and the audit log listen.
 * @param changedBy the acting user's id, or {@code system}
 */
public record OrderStatusChanged(Tenant tenant, Order order, OrderStatus previousStatus, OrderStatus newStatus,
		Instant changedAt, String changedBy) {
}
