package io.petstore.webhook;

import java.util.List;

import io.petstore.v1.StrictJson;

/**
 * The body of createWebhook and updateWebhook. On update, absent (null) properties stay as they
 * are.
 */
@StrictJson
public record WebhookInput(String url, List<String> events, String description, Boolean active) {
}
