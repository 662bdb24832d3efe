/**
 * Payments for modern orders ({@code POST /v1/orders/{id}/payment}). Owns {@code payment} and
 * {@code payment_idempotency}. Card numbers are checked (Luhn, expiry, CVC) and never stored: only
 * brand and last four digits are; a successful payment approves the order through the store's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package io.petstore.payment;
