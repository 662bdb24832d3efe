package io.petstore.store;

import java.util.Set;

/**
 * PLACED (pet reserved, awaiting payment) → APPROVED (paid; the pet is adopted) → SHIPPED →
 * DELIVERED. PLACED and APPROVED orders can be cancelled (CANCELLED: the pet is available again).
 */
public enum OrderStatus {

	PLACED, APPROVED, SHIPPED, DELIVERED, CANCELLED;

	public static final Set<OrderStatus> CANCELLABLE = Set.of(PLACED, APPROVED);

	/** What an administrator can still cancel (a delivered order cannot be). */
	public static final Set<OrderStatus> FORCE_CANCELLABLE = Set.of(PLACED, APPROVED, SHIPPED);

}
