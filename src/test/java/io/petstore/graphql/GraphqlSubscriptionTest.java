package io.petstore.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions over WebSocket (graphql-ws): credentials in connection_init, events from live.LiveEvents. */
class GraphqlSubscriptionTest extends GraphqlTestSupport {

	private WebSocketGraphQlTester socket(String token) {
		Map<String, Object> payload = token == null ? Map.of("X-Tenant-ID", tenant.toString())
				: Map.of("Authorization", "Bearer " + token, "X-Tenant-ID", tenant.toString());
		return WebSocketGraphQlTester.builder(URI.create("ws://localhost:" + port + "/v1/graphql"), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(payload);
				}
			})
			.build();
	}

	/** Subscribes; what arrives is queued (the subscription is active once this returns). */
	private Disposable subscribe(WebSocketGraphQlTester tester, String document, BlockingQueue<GraphQlTester.Response> into) {
		Disposable subscription = tester.document(document).executeSubscription().toFlux().subscribe(into::add);
		sleep(Duration.ofMillis(1500));
		return subscription;
	}

	@Test
	void aUserReceivesTheirOrdersChangesAndNotSomeoneElses() throws Exception {
		String alice = registerUser(uniqueName("alice"));
		String bob = registerUser(uniqueName("bob"));
		BlockingQueue<GraphQlTester.Response> aliceEvents = new LinkedBlockingQueue<>();
		BlockingQueue<GraphQlTester.Response> bobEvents = new LinkedBlockingQueue<>();
		WebSocketGraphQlTester aliceSocket = socket(alice);
		WebSocketGraphQlTester bobSocket = socket(bob);
		String document = "subscription { myOrderStatusChanged { order { id status pet { id } } previousStatus status changedAt } }";
		Disposable a = subscribe(aliceSocket, document, aliceEvents);
		Disposable b = subscribe(bobSocket, document, bobEvents);
		try {
			String order = graphql(alice).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }")
				.variable("pet", availablePet())
				.execute()
				.path("placeOrder.id").entity(String.class).get();
			GraphQlTester.Response placed = aliceEvents.poll(10, TimeUnit.SECONDS);
			assertThat(placed).as("the PLACED event").isNotNull();
			placed.path("myOrderStatusChanged.order.id").entity(String.class).isEqualTo(order);
			placed.path("myOrderStatusChanged.status").entity(String.class).isEqualTo("PLACED");
			// cancelled over REST: the same seam
			assertThat(api.withToken(alice).delete("/v1/orders/" + order).status()).isEqualTo(204);
			GraphQlTester.Response cancelled = aliceEvents.poll(10, TimeUnit.SECONDS);
			assertThat(cancelled).as("the CANCELLED event").isNotNull();
			cancelled.path("myOrderStatusChanged.status").entity(String.class).isEqualTo("CANCELLED");
			cancelled.path("myOrderStatusChanged.previousStatus").entity(String.class).isEqualTo("PLACED");
			assertThat(bobEvents.poll(1, TimeUnit.SECONDS)).as("Bob sees nothing of Alice's order").isNull();
		}
		finally {
			a.dispose();
			b.dispose();
			aliceSocket.stop().block(Duration.ofSeconds(5));
			bobSocket.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void petStatusChangedReceivesTheReservation() throws Exception {
		String user = registerUser(uniqueName("watcher"));
		String pet = availablePet();
		BlockingQueue<GraphQlTester.Response> events = new LinkedBlockingQueue<>();
		WebSocketGraphQlTester anonymous = socket(null);
		Disposable subscription = subscribe(anonymous,
				"subscription { petStatusChanged(petId: \"" + pet + "\") { pet { id status } previousStatus status changedAt } }", events);
		try {
			graphql(user).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }").variable("pet", pet).execute();
			GraphQlTester.Response reserved = events.poll(10, TimeUnit.SECONDS);
			assertThat(reserved).as("the reservation").isNotNull();
			reserved.path("petStatusChanged.pet.id").entity(String.class).isEqualTo(pet);
			reserved.path("petStatusChanged.previousStatus").entity(String.class).isEqualTo("AVAILABLE");
			reserved.path("petStatusChanged.status").entity(String.class).isEqualTo("PENDING");
		}
		finally {
			subscription.dispose();
			anonymous.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void myPaymentsReceivesTheCallersPaymentAndQueriesRunOverTheSocketToo() throws Exception {
		String token = registerUser(uniqueName("payer"));
		String pet = availablePet();
		String price = api.get("/v1/pets/" + pet).json().get("price").asString();
		BlockingQueue<GraphQlTester.Response> payments = new LinkedBlockingQueue<>();
		WebSocketGraphQlTester tester = socket(token);
		Disposable subscription = subscribe(tester, "subscription { myPayments { id orderId amount status source { __typename } } }",
				payments);
		try {
			String order = tester.document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }").variable("pet", pet).execute()
				.path("placeOrder.id").entity(String.class).get();
			tester.document("{ me { username } myOrders { data { id status } } }").execute()
				.path("myOrders.data[0].id").entity(String.class).isEqualTo(order);
			graphql(token).document("mutation($o: UUID!, $in: PaymentInput!) { payOrder(orderId: $o, input: $in) { id } }")
				.variable("o", order)
				.variable("in", Map.of("amount", price, "card", Map.of("name", "P", "number", "4242424242424242", "expMonth", 1,
						"expYear", 2031)))
				.execute();
			GraphQlTester.Response paid = payments.poll(10, TimeUnit.SECONDS);
			assertThat(paid).as("the payment").isNotNull();
			paid.path("myPayments.orderId").entity(String.class).isEqualTo(order);
			paid.path("myPayments.amount").entity(String.class).isEqualTo(price);
			paid.path("myPayments.source.__typename").entity(String.class).isEqualTo("CardSource");
		}
		finally {
			subscription.dispose();
			tester.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void aSubscriptionWithoutTokenOrWithABadOneIsRefusedWithAnError() {
		assertThat(refusal(socket(null), "subscription { myOrderStatusChanged { status } }")).contains("UNAUTHORIZED");
		assertThat(refusal(socket("not-a-token"), "subscription { myPayments { id } }")).contains("UNAUTHORIZED");
	}

	/** The error a subscription ends with at once. */
	private static String refusal(WebSocketGraphQlTester tester, String document) {
		java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
		try {
			tester.document(document).executeSubscription().toFlux()
				.take(1)
				.timeout(Duration.ofSeconds(10))
				.doOnError(error::set)
				.onErrorResume(failure -> Mono.empty())
				.blockLast();
		}
		finally {
			tester.stop().block(Duration.ofSeconds(5));
		}
		assertThat(error.get()).as("the subscription's error").isNotNull();
		return String.valueOf(error.get()) + " " + (error.get() instanceof org.springframework.graphql.client.SubscriptionErrorException
				subscription ? subscription.getErrors() : "");
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
