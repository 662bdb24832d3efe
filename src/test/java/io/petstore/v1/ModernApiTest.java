package io.petstore.v1;

import java.util.UUID;

import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Helpers for the /v1 tests: registering users, creating pets, placing orders. */
abstract class ModernApiTest extends IntegrationTest {

	static final String MAX = "019b4132-70aa-764f-b315-e2803d882a24";

	static final String CARD = "{\"object\":\"card\",\"name\":\"Kyle Kihn\",\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":2031,\"cvc\":\"123\"}";

	record Account(String id, String username, String token) {
	}

	/** Registers a new user on the test's tenant; returns its id, name and token. */
	Account register(ApiClient client, String username) {
		Reply reply = client.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Kyle\",\"lastName\":\"Kihn\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"SecurePass123!\",\"phone\":\"+18638982053\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return new Account(reply.json().get("id").asString(), username, reply.json().get("token").asString());
	}

	Account register(String username) {
		return register(api, username);
	}

	ApiClient as(Account account) {
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(account.token());
	}

	ApiClient as(String token) {
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);
	}

	static String petJson(String name, String price) {
		return "{\"name\":\"" + name + "\",\"species\":\"DOG\",\"breed\":\"Beagle\",\"ageMonths\":14,\"size\":\"MEDIUM\","
				+ "\"gender\":\"FEMALE\",\"goodWithKids\":true,\"price\":\"" + price + "\",\"currency\":\"USD\",\"status\":\"AVAILABLE\","
				+ "\"medicalInfo\":{\"vaccinated\":true,\"spayedNeutered\":false}}";
	}

	String createPet(ApiClient client, String name, String price) {
		Reply reply = client.postJson("/v1/pets", petJson(name, price));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	JsonNode placeOrder(ApiClient client, String petId) {
		Reply reply = client.postJson("/v1/orders", "{\"petId\":\"" + petId + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	static String uniqueName(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	static void assertProblem(Reply reply, int status, String type) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).isEqualTo("application/problem+json");
		assertThat(reply.json().get("status").asInt()).isEqualTo(status);
		assertThat(reply.json().get("type").asString()).isEqualTo("https://petstoreapi.com/errors/" + type);
	}

}
