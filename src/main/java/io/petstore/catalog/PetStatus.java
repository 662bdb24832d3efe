package io.petstore.catalog;

/**
 * AVAILABLE (can be ordered) → PENDING (an order is open) → ADOPTED (the order was paid). A
 * cancelled order makes the pet AVAILABLE again. NOT_AVAILABLE is set by staff (withdrawn).
 */
public enum PetStatus {
	AVAILABLE, PENDING, ADOPTED, NOT_AVAILABLE
}
