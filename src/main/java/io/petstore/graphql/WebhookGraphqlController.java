package io.petstore.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.petstore.v1.DomainException;
import io.petstore.v1.PageResult;
import io.petstore.webhook.Deliveries;
import io.petstore.webhook.Delivery;
import io.petstore.webhook.DeliveryFilter;
import io.petstore.webhook.Subscriptions;
import io.petstore.webhook.Webhook;
import io.petstore.webhook.WebhookInput;

/**
 * Webhooks: the queries {@code webhooks}, {@code webhook}, {@code webhookDeliveries},
 * {@code webhookDelivery}; the mutations {@code subscribeWebhook}, {@code updateWebhook},
 * {@code unsubscribeWebhook}, {@code redeliverWebhookDelivery}. As {@code webhook.WebhookController}
 * and {@code webhook.DeliveryController} (REST). Event types are the enum EventType here
 * ({@code ORDER_CREATED} for REST's {@code order.created}).
 */
@Controller
class WebhookGraphqlController {

	/** GraphQL's EventType names and REST's event types. */
	static final Map<String, String> EVENT_TYPES = Map.of("ORDER_CREATED", "order.created", "ORDER_STATUS_CHANGED",
			"order.statusChanged", "PAYMENT_SUCCEEDED", "payment.succeeded");

	record WebhookArgs(String url, List<String> events, String description, Boolean active) {

		WebhookInput toInput() {
			return new WebhookInput(url, events == null ? null : events.stream().map(EVENT_TYPES::get).toList(), description, active);
		}

	}

	private final Subscriptions webhooks;

	private final Deliveries deliveries;

	private final JsonMapper json;

	WebhookGraphqlController(Subscriptions webhooks, Deliveries deliveries, JsonMapper json) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.json = json;
	}

	@QueryMapping
	PageResult<Webhook> webhooks(@Argument Integer page, @Argument Integer limit, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> webhooks.list(call.user(), GraphqlCalls.page(page, limit)));
	}

	@QueryMapping
	Webhook webhook(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> orNull(() -> webhooks.get(call.user(), id)));
	}

	@QueryMapping
	PageResult<Delivery> webhookDeliveries(@Argument UUID webhookId, @Argument Delivery.Status status, @Argument String eventType,
			@Argument Integer page, @Argument Integer limit, GraphQLContext context) {
		DeliveryFilter filter = new DeliveryFilter(webhookId, status, eventType == null || eventType.isBlank() ? null : eventType.strip());
		return GraphqlCalls.run(context, call -> deliveries.list(call.user(), filter, GraphqlCalls.page(page, limit)));
	}

	@QueryMapping
	Delivery webhookDelivery(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> orNull(() -> deliveries.get(call.user(), id)));
	}

	@MutationMapping
	Webhook subscribeWebhook(@Argument WebhookArgs input, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> webhooks.create(call.user(), input.toInput()));
	}

	@MutationMapping
	Webhook updateWebhook(@Argument UUID id, @Argument WebhookArgs input, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> webhooks.update(call.user(), id, input.toInput()));
	}

	@MutationMapping
	boolean unsubscribeWebhook(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			webhooks.delete(call.user(), id);
			return true;
		});
	}

	@MutationMapping
	Delivery redeliverWebhookDelivery(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> deliveries.redeliver(call.user(), id));
	}

	@SchemaMapping(typeName = "Webhook", field = "events")
	List<String> events(Webhook webhook) {
		return webhook.events().stream()
			.map(type -> EVENT_TYPES.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst()
				.orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	@SchemaMapping(typeName = "WebhookDelivery", field = "kind")
	String kind(Delivery delivery) {
		return delivery.kind().name().toLowerCase(java.util.Locale.ROOT);
	}

	@SchemaMapping(typeName = "WebhookDelivery", field = "payload")
	Object payload(Delivery delivery) {
		return delivery.payload() == null ? null : json.readValue(delivery.payload(), Object.class);
	}

	@SchemaMapping(typeName = "WebhookDelivery", field = "attempts")
	List<Delivery.Attempt> attempts(Delivery delivery) {
		return delivery.attempts() == null ? List.of() : delivery.attempts();
	}

	private static <T> T orNull(java.util.function.Supplier<T> read) {
		try {
			return read.get();
		}
		catch (DomainException ex) {
			if (ex.kind() == DomainException.Kind.NOT_FOUND) {
				return null;
			}
			throw ex;
		}
	}

}
