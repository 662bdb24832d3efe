package io.petstore.payment;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A payment as the API shows it ({@code OrderPayment}): the source masked (brand, last four
 * digits; never the full number or the CVC).
 */
public record Payment(UUID id, UUID orderId, String amount, String currency, JsonNode source, PaymentStatus status,
		String failureReason, Instant createdAt) {
}
