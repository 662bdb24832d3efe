package io.petstore.graphql;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.petstore.support.Receiver;

import static org.assertj.core.api.Assertions.assertThat;

/** Webhooks over GraphQL: subscribe, list, update, deliveries, redeliver, unsubscribe; another user's are FORBIDDEN (as REST). */
class GraphqlWebhooksTest extends GraphqlTestSupport {

	private Receiver receiver;

	@BeforeEach
	void startReceiver() {
		receiver = new Receiver();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void subscribeReceiveAndUnsubscribe() {
		String token = registerUser(uniqueName("hooked"));
		var created = graphql(token).document("mutation($in: WebhookInput!) { subscribeWebhook(input: $in) { id url events active secret createdAt } }")
			.variable("in", Map.of("url", receiver.url("/hooks"), "events", List.of("ORDER_CREATED", "ORDER_STATUS_CHANGED"),
					"description", "test"))
			.execute();
		created.path("subscribeWebhook.events").entityList(String.class).containsExactly("ORDER_CREATED", "ORDER_STATUS_CHANGED");
		created.path("subscribeWebhook.secret").entity(String.class).satisfies(secret -> assertThat(secret).startsWith("whsec_"));
		String id = created.path("subscribeWebhook.id").entity(String.class).get();
		// the same webhook on REST
		assertThat(api.withToken(token).get("/v1/webhooks/" + id).json().get("events").toString()).contains("order.created");
		graphql(token).document("{ webhooks { data { id secret } pagination { totalItems } } }").execute()
			.path("webhooks.pagination.totalItems").entity(Integer.class).isEqualTo(1);
		graphql(token).document("query($id: UUID!) { webhook(id: $id) { id description } }").variable("id", id).execute()
			.path("webhook.description").entity(String.class).isEqualTo("test");

		graphql(token).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }").variable("pet", availablePet()).execute();
		assertThat(receiver.await(1, Duration.ofSeconds(10), request -> request.path().equals("/hooks"))).isNotEmpty();
		var deliveries = graphql(token).document("""
				query($id: UUID) { webhookDeliveries(webhookId: $id, eventType: "order.created") {
				  data { id webhookId kind eventType status payload attempts { number statusCode } } pagination { totalItems } } }""")
			.variable("id", id).execute();
		deliveries.path("webhookDeliveries.data[0].kind").entity(String.class).isEqualTo("webhook");
		deliveries.path("webhookDeliveries.data[0].eventType").entity(String.class).isEqualTo("order.created");
		String delivery = deliveries.path("webhookDeliveries.data[0].id").entity(String.class).get();
		waitFor(() -> "SUCCEEDED".equals(graphql(token).document("query($id: UUID!) { webhookDelivery(id: $id) { status } }")
			.variable("id", delivery).execute().path("webhookDelivery.status").entity(String.class).get()));
		var one = graphql(token).document("query($id: UUID!) { webhookDelivery(id: $id) { payload attempts { number statusCode latencyMs } } }")
			.variable("id", delivery).execute();
		one.path("webhookDelivery.attempts[0].statusCode").entity(Integer.class).isEqualTo(200);
		one.path("webhookDelivery.payload").hasValue();
		graphql(token).document("mutation($id: UUID!) { redeliverWebhookDelivery(id: $id) { id status } }").variable("id", delivery)
			.execute()
			.path("redeliverWebhookDelivery.id").entity(String.class).isEqualTo(delivery);

		String stranger = registerUser(uniqueName("stranger"));
		expectError(graphql(stranger).document("mutation($id: UUID!) { unsubscribeWebhook(id: $id) }").variable("id", id), "FORBIDDEN");
		graphql(token).document("mutation($id: UUID!, $in: WebhookUpdateInput!) { updateWebhook(id: $id, input: $in) { active events secret } }")
			.variable("id", id).variable("in", Map.of("active", false, "events", List.of("PAYMENT_SUCCEEDED"))).execute()
			.path("updateWebhook.events").entityList(String.class).containsExactly("PAYMENT_SUCCEEDED");
		expectError(graphql(token).document("mutation { subscribeWebhook(input: {url: \"http://169.254.169.254/latest\", events: [ORDER_CREATED]}) { id } }"),
				"BAD_REQUEST");
		graphql(token).document("mutation($id: UUID!) { unsubscribeWebhook(id: $id) }").variable("id", id).execute()
			.path("unsubscribeWebhook").entity(Boolean.class).isEqualTo(true);
		graphql(token).document("query($id: UUID!) { webhook(id: $id) { id } }").variable("id", id).execute().path("webhook").valueIsNull();
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 10 s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
