package io.petstore.payment;

import java.math.BigDecimal;

/**
 * Payments in one currency over a date range.
 * @param amount the sum of the payments that succeeded (and were not refunded), e.g. {@code "1250.00"}
 * @param payments how many
 * @param refundedAmount the sum of those refunded since (their orders were cancelled)
 * @param refunds how many
 */
public record Revenue(String currency, String amount, long payments, String refundedAmount, long refunds) {

	static Revenue none(String currency) {
		return new Revenue(currency, "0.00", 0, "0.00", 0);
	}

	Revenue withPaid(BigDecimal sum, long count) {
		return new Revenue(currency, sum.toPlainString(), count, refundedAmount, refunds);
	}

	Revenue withRefunded(BigDecimal sum, long count) {
		return new Revenue(currency, amount, payments, sum.toPlainString(), count);
	}

}
