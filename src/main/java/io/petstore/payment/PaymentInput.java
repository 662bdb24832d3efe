package io.petstore.payment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import io.petstore.v1.Money;
import io.petstore.v1.StrictJson;

/** The body of createOrderPayment. Read-only properties of an OrderPayment are accepted and ignored. */
@StrictJson
public record PaymentInput(UUID id,
		@NotNull @Pattern(regexp = Money.PATTERN, message = "must be a positive decimal string such as \"250.00\"") String amount,
		PaymentCurrency currency,
		@NotNull @Valid SourceInput source,
		PaymentStatus status,
		Instant createdAt) {
}
