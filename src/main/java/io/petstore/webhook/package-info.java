/**
 * Webhooks and order callbacks ({@code /v1/webhooks}, {@code /v1/webhook-deliveries}): users
 * subscribe a URL to events about their own orders and payments. Listens to the store's and the
 * payment module's events and writes each delivery to an outbox table ({@code webhook_delivery})
 * in the transaction of the change; {@link io.petstore.webhook.DeliveryWorker} sends them, signed
 * as Standard Webhooks, and retries on the published schedule. Every target is checked by
 * {@link io.petstore.webhook.TargetGuard} (no loopback, private, link-local or metadata
 * addresses unless allow-listed), at subscription time and again at every connection. Owns
 * {@code webhook_subscription}, {@code webhook_delivery}, {@code webhook_attempt}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks (subscriptions, outbox, delivery)")
package io.petstore.webhook;
