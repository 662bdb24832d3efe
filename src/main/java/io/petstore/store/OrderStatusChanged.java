package io.petstore.store;

import java.time.Instant;

import io.petstore.tenancy.Tenant;

/**
 * Published inside the transaction of every order status change (creation included, with a null
 * {@code previousStatus}). Webhooks and the audit log listen.
 * @param changedBy the acting user's id, or {@code system}
 * @param reason why, when someone said (an administrator's force-cancel), else null
 */
public record OrderStatusChanged(Tenant tenant, Order order, OrderStatus previousStatus, OrderStatus newStatus,
		Instant changedAt, String changedBy, String reason) {
}
