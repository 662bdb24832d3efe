package io.petstore.payment;

import io.petstore.store.Order;
import io.petstore.tenancy.Tenant;

/** Published inside the transaction that records a successful payment (webhooks listen). */
public record PaymentSucceeded(Tenant tenant, Payment payment, Order order) {
}
