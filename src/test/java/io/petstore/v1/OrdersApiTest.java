package io.petstore.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class OrdersApiTest extends ModernApiTest {

	@Test
	void placingAnOrderReservesThePet() {
		Account buyer = register(uniqueName("buyer"));
		Reply reply = as(buyer).postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode order = reply.json();
		assertThat(reply.header("Location")).isEqualTo(base() + "/v1/orders/" + order.get("id").asString());
		assertThat(order.get("status").asString()).isEqualTo("PLACED");
		assertThat(order.get("petId").asString()).isEqualTo(MAX);
		assertThat(order.get("userId").asString()).isEqualTo(buyer.id());
		assertThat(order.get("totalAmount").asString()).isEqualTo("250.00");
		assertThat(order.get("currency").asString()).isEqualTo("USD");
		assertThat(api.get("/v1/pets/" + MAX).json().get("status").asString()).isEqualTo("PENDING");
		assertThat(as(buyer).get("/v1/orders/" + order.get("id").asString()).json()).isEqualTo(order);

		Reply second = as(register(uniqueName("late"))).postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}");
		assertProblem(second, 409, "conflict");
	}

	@Test
	void refusesOrdersThatCannotBePlaced() {
		Account buyer = register(uniqueName("buyer"));
		ApiClient client = as(buyer);
		assertProblem(client.postJson("/v1/orders", "{\"petId\":\"" + UUID.randomUUID() + "\"}"), 404, "not-found");
		assertProblem(client.postJson("/v1/orders", "{\"petId\":\"019b4132-70aa-764f-b315-e2803d882a2c\"}"), 409, "conflict");
		assertProblem(client.postJson("/v1/orders", "{\"petId\":\"019b4132-70aa-764f-b315-e2803d882a2d\"}"), 409, "conflict");
		assertProblem(client.postJson("/v1/orders", "{}"), 422, "validation-error");
		Reply badId = client.postJson("/v1/orders", "{\"petId\":\"pet_123\"}");
		assertProblem(badId, 422, "validation-error");
		assertThat(badId.json().get("errors").get(0).get("field").asString()).isEqualTo("petId");
		assertProblem(client.postJson("/v1/orders", "{\"petId\":\"" + MAX + "\",\"userId\":\"" + UUID.randomUUID() + "\"}"), 403,
				"forbidden");
		assertProblem(api.postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}"), 401, "unauthorized");
		assertThat(api.get("/v1/pets/" + MAX).json().get("status").asString()).isEqualTo("AVAILABLE");
		// userId equal to the caller's own id is fine
		assertThat(client.postJson("/v1/orders", "{\"petId\":\"" + MAX + "\",\"userId\":\"" + buyer.id() + "\"}").status())
			.isEqualTo(201);
	}

	@Test
	void ordersAreVisibleToTheirOwnerOnly() {
		Account owner = register(uniqueName("owner"));
		String orderId = placeOrder(as(owner), MAX).get("id").asString();
		assertProblem(as(register(uniqueName("other"))).get("/v1/orders/" + orderId), 403, "forbidden");
		assertProblem(as(register(uniqueName("other"))).delete("/v1/orders/" + orderId), 403, "forbidden");
		assertProblem(api.get("/v1/orders/" + orderId), 401, "unauthorized");
		assertProblem(as(owner).get("/v1/orders/" + UUID.randomUUID()), 404, "not-found");
		assertProblem(as(owner).get("/v1/orders/123"), 400, "bad-request");
		assertProblem(clientFor(UUID.randomUUID()).withToken(owner.token()).get("/v1/orders/" + orderId), 403, "forbidden");
		assertThat(as(owner).get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("PLACED");
	}

	@Test
	void cancellingReleasesThePet() {
		Account owner = register(uniqueName("owner"));
		String orderId = placeOrder(as(owner), MAX).get("id").asString();
		assertThat(as(owner).delete("/v1/orders/" + orderId).status()).isEqualTo(204);
		assertThat(as(owner).get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(api.get("/v1/pets/" + MAX).json().get("status").asString()).isEqualTo("AVAILABLE");
		assertProblem(as(owner).delete("/v1/orders/" + orderId), 409, "conflict");
		// the pet can be ordered again
		placeOrder(as(register(uniqueName("next"))), MAX);
	}

	@Test
	void ofFiftyConcurrentOrdersForOnePetExactlyOneSucceeds() throws Exception {
		ApiClient staff = as(register(uniqueName("staff")));
		List<ApiClient> buyers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			buyers.add(as(register(uniqueName("racer"))));
		}
		for (int round = 0; round < 3; round++) {
			String petId = createPet(staff, "Contested" + round, "42.00");
			List<Callable<Reply>> attempts = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				ApiClient buyer = buyers.get(i % buyers.size());
				attempts.add(() -> buyer.postJson("/v1/orders", "{\"petId\":\"" + petId + "\"}"));
			}
			ExecutorService pool = Executors.newFixedThreadPool(50);
			List<Integer> statuses = new ArrayList<>();
			try {
				for (Future<Reply> result : pool.invokeAll(attempts)) {
					statuses.add(result.get().status());
				}
			}
			finally {
				pool.shutdown();
			}
			assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
			assertThat(api.get("/v1/pets/" + petId).json().get("status").asString()).isEqualTo("PENDING");
		}
	}

}
