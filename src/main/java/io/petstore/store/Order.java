package io.petstore.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import io.petstore.v1.DomainException;

/** An order as every protocol shows it (the /v1 {@code Order} schema; the total written as a decimal string). */
public record Order(UUID id, UUID petId, UUID userId, OrderStatus status,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal totalAmount, String currency,
		UUID tenantId, Instant createdAt, Instant updatedAt) {

	/** Whether this amount is the order's total amount, whatever the scale. */
	public boolean amountIs(BigDecimal amount) {
		return amount.compareTo(totalAmount) == 0;
	}

	/** Whether this amount and currency are the order's total (the payment and callback rule). */
	public boolean totalIs(BigDecimal amount, String currency) {
		return amountIs(amount) && this.currency.equals(currency);
	}

	/** Refuses (409) unless the order can be paid now. */
	public void requirePayable() {
		if (!status.payable()) {
			throw DomainException.conflict("The order is " + status + "; only PLACED orders can be paid.");
		}
	}

	void requireCancellable(boolean byAdmin) {
		if (byAdmin ? !status.cancellableByAdmin() : !status.cancellableByOwner()) {
			throw DomainException.conflict("The order is " + status + "; only " + (byAdmin ? "PLACED, APPROVED or SHIPPED"
					: "PLACED or APPROVED") + " orders can be cancelled.");
		}
	}

}
