package io.petstore.store;

/**
 * PLACED (pet reserved, awaiting payment) → APPROVED (paid; the pet is adopted) → SHIPPED →
 * DELIVERED. The owner can cancel a PLACED or APPROVED order, an administrator also a SHIPPED one
 * (CANCELLED: the pet is available again, a payment refunded). These rules are stated here only.
 */
public enum OrderStatus {

	PLACED, APPROVED, SHIPPED, DELIVERED, CANCELLED;

	/** Only a PLACED order can be paid. */
	public boolean payable() {
		return this == PLACED;
	}

	/** What the order's owner can cancel. */
	public boolean cancellableByOwner() {
		return this == PLACED || this == APPROVED;
	}

	/** What an administrator can still cancel (a delivered order cannot be). */
	public boolean cancellableByAdmin() {
		return this == PLACED || this == APPROVED || this == SHIPPED;
	}

}
