package io.petstore.payment;

/** SUCCEEDED and FAILED are final for an attempt; a SUCCEEDED payment becomes REFUNDED when its order is cancelled. */
public enum PaymentStatus {
	PENDING, PROCESSING, SUCCEEDED, FAILED, CANCELLED, REFUNDED
}
