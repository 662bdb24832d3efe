package io.petstore.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import tools.jackson.databind.JsonNode;

/**
 * A payment as the API shows it ({@code OrderPayment}): the source masked (brand, last four
 * digits; never the full number or the CVC).
 */
public record Payment(UUID id, UUID orderId, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency, JsonNode source, PaymentStatus status,
		String failureReason, Instant createdAt) {
}
