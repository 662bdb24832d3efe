package io.petstore.live;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.catalog.Pet;
import io.petstore.catalog.PetStatus;
import io.petstore.catalog.PetStatusChanged;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;
import io.petstore.support.SseClient;
import io.petstore.support.SseClient.Event;
import io.petstore.tenancy.Tenant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/events} with the JDK's HttpClient as the SSE client: who sees what, resuming with
 * {@code Last-Event-ID}, filters, refusals, rollbacks, and that a dropped client leaves no
 * subscription behind (a short heartbeat finds it).
 */
@TestPropertySource(properties = "petstore.live.sse.heartbeat=PT0.3S")
class LiveEventsSseTest extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration QUIET = Duration.ofMillis(1200);

	@Autowired
	LiveEvents live;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	ApplicationEventPublisher publisher;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	private Shop shop;

	@BeforeEach
	void shop() {
		shop = new Shop(base(), tenant);
	}

	/** Every stream a test opened has ended on the server too once its client closed it. */
	@org.junit.jupiter.api.AfterEach
	void noStreamLeftBehind() {
		awaitTrue(() -> live.subscriberCount() == 0, "no subscription left after the test: " + live.subscriberCount());
	}

	private SseClient connect(String query, String... headers) {
		SseClient client = SseClient.connect(shop.events(query), headers("X-Tenant-ID", tenant.toString(), headers));
		assertThat(client.status()).as(client.status() == 200 ? "" : client.body()).isEqualTo(200);
		assertThat(client.header("Content-Type")).startsWith("text/event-stream");
		return client;
	}

	private static java.util.Map<String, String> headers(String name, String value, String... more) {
		String[] all = new String[more.length + 2];
		all[0] = name;
		all[1] = value;
		System.arraycopy(more, 0, all, 2, more.length);
		return SseClient.headers(all);
	}

	@Test
	void anyoneInTheTenantSeesPetStatusChangesAndNoOneElsewhere() {
		Shop.User keeper = shop.register("keeper");
		Shop.User buyer = shop.register("buyer");
		String petId = shop.createPet(keeper, "Live-Tabby", "30.00");
		UUID otherTenant = UUID.randomUUID();
		try (SseClient anonymous = connect("");
				SseClient elsewhere = SseClient.connect(new Shop(base(), otherTenant).events(""),
						SseClient.headers("X-Tenant-ID", otherTenant.toString()))) {
			String orderId = shop.placeOrder(buyer, petId);
			Event reserved = anonymous.next(WAIT);
			assertThat(reserved).as("the pet's reservation").isNotNull();
			assertThat(reserved.event()).isEqualTo("pet.statusChanged");
			assertThat(Long.parseLong(reserved.id())).isPositive();
			JsonNode data = reserved.json();
			assertThat(data.get("petId").asString()).isEqualTo(petId);
			assertThat(data.get("previousStatus").asString()).isEqualTo("AVAILABLE");
			assertThat(data.get("status").asString()).isEqualTo("PENDING");
			assertThat(data.get("pet").get("name").asString()).isEqualTo("Live-Tabby");
			assertThat(data.get("pet").get("price").asString()).isEqualTo("30.00");
			shop.cancel(buyer, orderId);
			Event released = anonymous.next(WAIT);
			assertThat(released.event()).isEqualTo("pet.statusChanged");
			assertThat(released.json().get("status").asString()).isEqualTo("AVAILABLE");
			assertThat(Long.parseLong(released.id())).isGreaterThan(Long.parseLong(reserved.id()));
			// an anonymous listener gets no one's orders; another tenant's listener nothing at all
			assertThat(anonymous.next(QUIET)).isNull();
			assertThat(elsewhere.status()).isEqualTo(200);
			assertThat(elsewhere.next(Duration.ofMillis(200))).isNull();
		}
	}

	@Test
	void aUserSeesTheirOwnOrdersAndPaymentsAndNotSomeoneElses() {
		Shop.User keeper = shop.register("keeper");
		Shop.User alice = shop.register("alice");
		Shop.User bob = shop.register("bob");
		String petId = shop.createPet(keeper, "Live-Pip", "45.50");
		try (SseClient aliceStream = connect("types=order.statusChanged,payment.succeeded", "Authorization", "Bearer " + alice.token());
				SseClient bobStream = connect("types=order.statusChanged,payment.succeeded", "Authorization", "Bearer " + bob.token())) {
			String orderId = shop.placeOrder(alice, petId);
			shop.pay(alice, orderId, "45.50");
			List<Event> events = aliceStream.take(3, WAIT);
			assertThat(events).extracting(Event::event).containsExactly("order.statusChanged", "order.statusChanged", "payment.succeeded");
			JsonNode placed = events.get(0).json();
			assertThat(placed.get("orderId").asString()).isEqualTo(orderId);
			assertThat(placed.get("petId").asString()).isEqualTo(petId);
			assertThat(placed.get("status").asString()).isEqualTo("PLACED");
			assertThat(placed.has("previousStatus")).as("a new order has no previous status").isFalse();
			assertThat(placed.get("order").get("totalAmount").asString()).isEqualTo("45.50");
			JsonNode approved = events.get(1).json();
			assertThat(approved.get("previousStatus").asString()).isEqualTo("PLACED");
			assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
			JsonNode paid = events.get(2).json();
			assertThat(paid.get("orderId").asString()).isEqualTo(orderId);
			assertThat(paid.get("amount").asString()).isEqualTo("45.50");
			assertThat(paid.get("currency").asString()).isEqualTo("USD");
			assertThat(paid.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(paid.get("payment").toString()).doesNotContain("4242424242424242");
			assertThat(events).extracting(e -> Long.parseLong(e.id())).isSorted();
			assertThat(bobStream.next(QUIET)).as("Bob sees nothing of Alice's order").isNull();
		}
	}

	@Test
	void lastEventIdResumesWithExactlyTheMissedEvents() {
		Shop.User keeper = shop.register("keeper");
		Shop.User alice = shop.register("alice");
		String pet1 = shop.createPet(keeper, "Live-One", "10.00");
		String pet2 = shop.createPet(keeper, "Live-Two", "11.00");
		String lastSeen;
		try (SseClient first = connect("types=order.statusChanged", "Authorization", "Bearer " + alice.token())) {
			String order1 = shop.placeOrder(alice, pet1);
			shop.cancel(alice, order1);
			List<Event> seen = first.take(2, WAIT);
			assertThat(seen).extracting(e -> e.json().get("status").asString()).containsExactly("PLACED", "CANCELLED");
			lastSeen = seen.get(1).id();
		}
		// three changes while disconnected
		String order2 = shop.placeOrder(alice, pet1);
		shop.cancel(alice, order2);
		String order3 = shop.placeOrder(alice, pet2);
		try (SseClient resumed = connect("types=order.statusChanged", "Authorization", "Bearer " + alice.token(), "Last-Event-ID",
				lastSeen)) {
			List<Event> missed = resumed.take(3, WAIT);
			assertThat(missed).extracting(e -> e.json().get("orderId").asString() + " " + e.json().get("status").asString())
				.containsExactly(order2 + " PLACED", order2 + " CANCELLED", order3 + " PLACED");
			assertThat(missed).extracting(e -> Long.parseLong(e.id())).isSorted().allMatch(id -> id > Long.parseLong(lastSeen));
			assertThat(resumed.next(QUIET)).as("no duplicates").isNull();
			// and it goes on live
			shop.cancel(alice, order3);
			Event live = resumed.next(WAIT);
			assertThat(live.json().get("orderId").asString()).isEqualTo(order3);
			assertThat(live.json().get("status").asString()).isEqualTo("CANCELLED");
		}
		// the query parameter, for clients that cannot set headers
		try (SseClient byQuery = connect("types=order.statusChanged&lastEventId=" + lastSeen, "Authorization",
				"Bearer " + alice.token())) {
			assertThat(byQuery.take(4, WAIT)).extracting(e -> e.json().get("status").asString())
				.containsExactly("PLACED", "CANCELLED", "PLACED", "CANCELLED");
		}
	}

	@Test
	void anIdNeverIssuedAnswersAReset() {
		try (SseClient stream = connect("", "Last-Event-ID", "999999999")) {
			Event reset = stream.next(WAIT);
			assertThat(reset.event()).isEqualTo("reset");
			assertThat(reset.json().get("lastEventId").asString()).isEqualTo("999999999");
			assertThat(reset.json().get("reason").asString()).contains("999999999");
			assertThat(Long.parseLong(reset.id())).isLessThan(999999999L);
		}
	}

	@Test
	void badRequestsAreRefusedAsProblems() {
		Reply unknown = api.get("/v1/events?types=pet.statusChanged,pet.adopted", "Accept", "text/event-stream");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(unknown.json().get("detail").asString()).contains("pet.adopted");

		Reply badId = api.get("/v1/events", "Last-Event-ID", "yesterday");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.contentType()).startsWith("application/problem+json");

		Reply anonymousOrders = api.get("/v1/events?types=order.statusChanged");
		assertThat(anonymousOrders.status()).isEqualTo(401);
		assertThat(anonymousOrders.contentType()).startsWith("application/problem+json");

		Reply badToken = api.get("/v1/events", "Authorization", "Bearer not-a-token");
		assertThat(badToken.status()).isEqualTo(401);

		Reply badTenant = new io.petstore.support.ApiClient(base(), null, null).get("/v1/events", "X-Tenant-ID", "nope");
		assertThat(badTenant.status()).isEqualTo(400);
	}

	@Test
	void aRolledBackChangePublishesNothing() {
		Shop.User keeper = shop.register("keeper");
		String petId = shop.createPet(keeper, "Live-Ghost", "12.00");
		Pet pet = json.readValue(api.get("/v1/pets/" + petId).body(), Pet.class);
		long before = jdbc.sql("SELECT COUNT(*) FROM live_event WHERE tenant_id = ?").param(tenant).query(Long.class).single();
		try (SseClient stream = connect("")) {
			tx.executeWithoutResult(status -> {
				publisher.publishEvent(new PetStatusChanged(new Tenant(tenant), pet, PetStatus.AVAILABLE, PetStatus.ADOPTED));
				live.publish(new LiveEvent(LiveEvent.PET_STATUS, new Tenant(tenant), null,
						new PetStatusChanged(new Tenant(tenant), pet, PetStatus.AVAILABLE, PetStatus.PENDING)));
				status.setRollbackOnly();
			});
			assertThat(stream.next(QUIET)).as("nothing from the rolled-back transaction").isNull();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM live_event WHERE tenant_id = ?").param(tenant).query(Long.class).single())
				.isEqualTo(before);
			// the same, committed, goes out (once), read back as the domain type
			tx.executeWithoutResult(status -> publisher.publishEvent(
					new PetStatusChanged(new Tenant(tenant), pet, PetStatus.AVAILABLE, PetStatus.ADOPTED)));
			Event committed = stream.next(WAIT);
			assertThat(committed.json().get("status").asString()).isEqualTo("ADOPTED");
			assertThat(stream.next(QUIET)).isNull();
		}
	}

	@Test
	void aClientThatGoesAwayLeavesNoSubscription() {
		awaitTrue(() -> live.subscriberCount() == 0, "no subscription before");
		SseClient stream = connect("");
		awaitTrue(() -> live.subscriberCount() == 1, "subscribed");
		stream.close();
		awaitTrue(() -> live.subscriberCount() == 0, "the subscription ended with the connection: " + live.subscriberCount());
		// a stream that stays receives heartbeats
		try (SseClient staying = connect("")) {
			awaitTrue(() -> staying.comments() >= 3, "heartbeats");
		}
	}

	private static void awaitTrue(BooleanSupplier condition, String what) {
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
