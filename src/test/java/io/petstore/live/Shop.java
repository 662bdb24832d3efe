package io.petstore.live;

import java.util.UUID;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST calls the live-event tests make changes with, against one server and tenant. */
final class Shop {

	static final String PASSWORD = "Live-Pass-123!";

	static final String CARD = "{\"object\":\"card\",\"name\":\"Kyle Kihn\",\"number\":\"4242424242424242\",\"expMonth\":12,"
			+ "\"expYear\":2031,\"cvc\":\"123\"}";

	/** A registered user: their token and id. */
	record User(String username, String token, String id) {
	}

	private final String base;

	private final UUID tenant;

	Shop(String base, UUID tenant) {
		this.base = base;
		this.tenant = tenant;
	}

	ApiClient anonymous() {
		return new ApiClient(base, null, tenant);
	}

	ApiClient as(User user) {
		return anonymous().withToken(user.token());
	}

	User register(String prefix) {
		String username = prefix + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = anonymous().postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Lee\",\"lastName\":\"Live\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		String token = reply.json().get("token").asString();
		String id = reply.json().get("id").asString();
		return new User(username, token, id);
	}

	String createPet(User keeper, String name, String price) {
		Reply reply = as(keeper).postJson("/v1/pets", "{\"name\":\"" + name + "\",\"species\":\"CAT\",\"breed\":\"Mixed\","
				+ "\"ageMonths\":7,\"size\":\"SMALL\",\"goodWithKids\":true,\"price\":\"" + price + "\",\"currency\":\"USD\","
				+ "\"status\":\"AVAILABLE\",\"medicalInfo\":{\"vaccinated\":true,\"spayedNeutered\":false}}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	String placeOrder(User buyer, String petId) {
		Reply reply = as(buyer).postJson("/v1/orders", "{\"petId\":\"" + petId + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	void cancel(User buyer, String orderId) {
		Reply reply = as(buyer).delete("/v1/orders/" + orderId);
		assertThat(reply.status()).as(reply.toString()).isIn(200, 204);
	}

	void pay(User buyer, String orderId, String amount) {
		Reply reply = as(buyer).postJson("/v1/orders/" + orderId + "/payment",
				"{\"amount\":\"" + amount + "\",\"currency\":\"USD\",\"source\":" + CARD + "}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

	/** The events URL of this server, with a query (may be empty). */
	String events(String query) {
		return base + "/v1/events" + (query.isEmpty() ? "" : "?" + query);
	}

}
