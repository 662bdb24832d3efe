package io.petstore.live;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import io.petstore.support.SseClient;
import io.petstore.support.SseClient.Event;
import io.petstore.support.TestDatabase;
import io.petstore.support.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole servers, A and B, on one PostgreSQL database: a change made through B's REST API
 * reaches the live-event clients connected to A (SSE, a GraphQL subscription), also when A's
 * listening connection was cut while the change was made, and a client resuming with
 * {@code Last-Event-ID} on the other instance misses nothing.
 * <p>
 * PostgreSQL only: H2 in file mode cannot be shared by two servers safely (an assumption skips it
 * on H2). To add a client of another protocol, connect it to {@link #a} with the helpers here
 * ({@link #shop(ConfigurableApplicationContext)}, {@link #base}, {@link #tenant}) next to the SSE
 * and GraphQL ones in {@link #aClientOnASeesAnOrderChangeMadeThroughB()}.
 */
class MultiInstanceLiveEventsTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final String LISTENER_A = "petstore-live-a";

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	/** The test's own tenant. */
	UUID tenant;

	@BeforeAll
	static void twoServersOnOneDatabase() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(),
				"two servers on one database need PostgreSQL (H2 in file mode cannot be shared safely): skipped on H2");
		String url = TestDatabase.newDatabaseUrl("live_multi");
		// A finds new events only through NOTIFY and its reconnect catch-up (no periodic check), and
		// waits 2 s before reconnecting, so that a change can fall into the gap
		a = TestServers.start(url, "--petstore.live.listener-name=" + LISTENER_A, "--petstore.live.poll-interval=PT1H",
				"--petstore.live.reconnect-delay=PT2S", "--petstore.webhooks.worker=false");
		b = TestServers.start(url, "--petstore.live.listener-name=petstore-live-b", "--petstore.webhooks.worker=false");
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@BeforeEach
	void newTenant() {
		tenant = UUID.randomUUID();
	}

	@Test
	void aClientOnASeesAnOrderChangeMadeThroughB() throws Exception {
		Shop viaB = shop(b);
		Shop.User keeper = viaB.register("keeper");
		Shop.User alice = viaB.register("alice");
		String petId = viaB.createPet(keeper, "Multi-Moss", "25.00");
		BlockingQueue<GraphQlTester.Response> graphqlEvents = new LinkedBlockingQueue<>();
		WebSocketGraphQlTester graphqlOnA = graphqlSocket(a, alice.token());
		Disposable subscription = subscribe(graphqlOnA,
				"subscription { myOrderStatusChanged { order { id status } previousStatus status } }", graphqlEvents);
		try (SseClient sseOnA = sse(a, "", alice.token())) {
			String orderId = viaB.placeOrder(alice, petId);
			viaB.cancel(alice, orderId);

			List<Event> events = sseOnA.take(4, WAIT);
			assertThat(events).extracting(e -> e.event() + " " + e.json().get("status").asString())
				.containsExactlyInAnyOrder("pet.statusChanged PENDING", "order.statusChanged PLACED", "order.statusChanged CANCELLED",
						"pet.statusChanged AVAILABLE");
			assertThat(events).extracting(e -> Long.parseLong(e.id())).isSorted();
			assertThat(events).filteredOn(e -> e.event().equals("order.statusChanged"))
				.extracting(e -> e.json().get("orderId").asString())
				.containsOnly(orderId);

			GraphQlTester.Response placed = graphqlEvents.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(placed).as("GraphQL on A: PLACED").isNotNull();
			placed.path("myOrderStatusChanged.order.id").entity(String.class).isEqualTo(orderId);
			placed.path("myOrderStatusChanged.status").entity(String.class).isEqualTo("PLACED");
			GraphQlTester.Response cancelled = graphqlEvents.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(cancelled).as("GraphQL on A: CANCELLED").isNotNull();
			cancelled.path("myOrderStatusChanged.status").entity(String.class).isEqualTo("CANCELLED");
		}
		finally {
			subscription.dispose();
			graphqlOnA.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void aChangeMadeWhileAsListenerIsDownArrivesAfterItReconnects() {
		Shop viaB = shop(b);
		Shop.User keeper = viaB.register("keeper");
		Shop.User buyer = viaB.register("buyer");
		String petId = viaB.createPet(keeper, "Multi-Gap", "19.00");
		try (SseClient sseOnA = sse(a, "types=pet.statusChanged", null)) {
			// a change before the cut arrives through NOTIFY
			String first = viaB.placeOrder(buyer, petId);
			assertThat(sseOnA.next(WAIT)).as("before the cut").isNotNull();

			JdbcClient db = b.getBean(JdbcClient.class);
			Integer before = listenerPid(db);
			assertThat(before).as("A's listening connection, application_name " + LISTENER_A).isNotNull();
			assertThat(db.sql("SELECT pg_terminate_backend(?)").param(before).query(Boolean.class).single()).isTrue();
			awaitTrue(() -> !before.equals(listenerPid(db)), "A's listener gone");
			// while A is not listening (it waits 2 s before reconnecting)
			viaB.cancel(buyer, first);
			assertThat(sseOnA.next(Duration.ofMillis(300))).as("nothing can arrive while A is not listening").isNull();

			Event caughtUp = sseOnA.next(WAIT);
			assertThat(caughtUp).as("the change made during the gap, after A reconnected").isNotNull();
			assertThat(caughtUp.json().get("petId").asString()).isEqualTo(petId);
			assertThat(caughtUp.json().get("status").asString()).isEqualTo("AVAILABLE");
			Integer after = listenerPid(db);
			assertThat(after).as("A listens again, on a new connection").isNotNull().isNotEqualTo(before);
			// and NOTIFY works again
			viaB.placeOrder(buyer, petId);
			Event again = sseOnA.next(WAIT);
			assertThat(again).isNotNull();
			assertThat(again.json().get("status").asString()).isEqualTo("PENDING");
		}
	}

	@Test
	void resumingOnTheOtherInstanceMissesNothing() {
		Shop viaA = shop(a);
		Shop viaB = shop(b);
		Shop.User keeper = viaB.register("keeper");
		Shop.User alice = viaB.register("alice");
		String pet1 = viaB.createPet(keeper, "Multi-One", "10.00");
		String pet2 = viaB.createPet(keeper, "Multi-Two", "12.00");
		String lastSeen;
		try (SseClient onA = sse(a, "types=order.statusChanged", alice.token())) {
			viaA.placeOrder(alice, pet1);
			lastSeen = onA.take(1, WAIT).get(0).id();
		}
		List<String> expected = new ArrayList<>();
		String order2 = viaB.placeOrder(alice, pet2);
		expected.add(order2 + " PLACED");
		viaA.cancel(alice, order2);
		expected.add(order2 + " CANCELLED");
		try (SseClient onB = SseClient.connect(viaB.events("types=order.statusChanged"),
				SseClient.headers("X-Tenant-ID", tenant.toString(), "Authorization", "Bearer " + alice.token(), "Last-Event-ID", lastSeen))) {
			assertThat(onB.status()).isEqualTo(200);
			assertThat(onB.take(2, WAIT)).extracting(e -> e.json().get("orderId").asString() + " " + e.json().get("status").asString())
				.containsExactlyElementsOf(expected);
			assertThat(onB.next(Duration.ofSeconds(1))).as("no duplicates").isNull();
		}
	}

	// helpers for the clients of each protocol

	/** REST calls on this server, in the test's tenant. */
	Shop shop(ConfigurableApplicationContext server) {
		return new Shop(base(server), tenant);
	}

	static String base(ConfigurableApplicationContext server) {
		return TestServers.base(server);
	}

	static int port(ConfigurableApplicationContext server) {
		return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
	}

	/** An SSE client on this server's /v1/events (token may be null: anonymous). */
	SseClient sse(ConfigurableApplicationContext server, String query, String token) {
		SseClient client = SseClient.connect(shop(server).events(query),
				SseClient.headers("X-Tenant-ID", tenant.toString(), "Authorization", token == null ? null : "Bearer " + token));
		assertThat(client.status()).as("GET /v1/events").isEqualTo(200);
		return client;
	}

	/** A graphql-ws connection to this server, credentials in connection_init. */
	WebSocketGraphQlTester graphqlSocket(ConfigurableApplicationContext server, String token) {
		Map<String, Object> payload = Map.of("Authorization", "Bearer " + token, "X-Tenant-ID", tenant.toString());
		return WebSocketGraphQlTester.builder(URI.create("ws://127.0.0.1:" + port(server) + "/v1/graphql"), new StandardWebSocketClient())
			.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(payload);
				}
			})
			.build();
	}

	/** Subscribes; waits until this instance's live events count one more subscriber. */
	Disposable subscribe(WebSocketGraphQlTester tester, String document, BlockingQueue<GraphQlTester.Response> into) {
		LiveEvents live = a.getBean(LiveEvents.class);
		int before = live.subscriberCount();
		Disposable subscription = tester.document(document).executeSubscription().toFlux().subscribe(into::add);
		awaitTrue(() -> live.subscriberCount() > before, "the GraphQL subscription is active on A");
		return subscription;
	}

	/** The backend pid of A's listening connection, or null while it has none. */
	static Integer listenerPid(JdbcClient db) {
		return db.sql("SELECT pid FROM pg_stat_activity WHERE application_name = ?")
			.param(LISTENER_A)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	static void awaitTrue(BooleanSupplier condition, String what) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + WAIT + ": " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
