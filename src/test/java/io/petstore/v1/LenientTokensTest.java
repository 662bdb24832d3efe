package io.petstore.v1;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lenient bearer tokens ({@code petstore.auth.lenient-tokens}): off by default; on, a made-up
 * bearer value acts as a user of its own per tenant, while forged or stale tokens of ours are still
 * refused.
 */
class LenientTokensTest extends ModernApiTest {

	@Test
	void offByDefaultAMadeUpTokenIsRefused() {
		Reply reply = as("made-up-token-" + UUID.randomUUID()).postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}");
		assertProblem(reply, 401, "unauthorized");
		assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
		assertProblem(as("made-up-token").get("/v1/orders/" + UUID.randomUUID()), 401, "unauthorized");
		assertThat(api.get("/v1/pets/" + MAX).json().get("status").asString()).isEqualTo("AVAILABLE");
	}

	@Nested
	@TestPropertySource(properties = "petstore.auth.lenient-tokens=true")
	class WhenOn extends ModernApiTest {

		@Test
		void aMadeUpTokenActsAsOneUserOfItsOwn() {
			String token = "test-token-" + UUID.randomUUID();
			ApiClient suite = as(token);
			String petId = createPet(suite, "Lenny", "120.00");
			JsonNode order = placeOrder(suite, petId);
			String userId = order.get("userId").asString();

			// the same value again: the same user, who sees its order and its account
			assertThat(as(token).get("/v1/orders/" + order.get("id").asString()).json()).isEqualTo(order);
			Reply me = as(token).get("/v1/users/" + userId);
			assertThat(me.status()).as(me.toString()).isEqualTo(200);
			assertThat(me.json().get("username").asString()).isEqualTo("token-" + sha256(token).substring(0, 12));
			assertThat(placeOrder(as(token), MAX).get("userId").asString()).isEqualTo(userId);
			// an ordinary user: no Admin API
			assertProblem(as(token).get("/v1/admin/users"), 403, "forbidden");
		}

		@Test
		void twoMadeUpTokensAreTwoUsers() {
			String first = "suite-a-" + UUID.randomUUID();
			String second = "suite-b-" + UUID.randomUUID();
			JsonNode order = placeOrder(as(first), MAX);
			String owner = order.get("userId").asString();
			assertProblem(as(second).get("/v1/orders/" + order.get("id").asString()), 403, "forbidden");
			assertProblem(as(second).delete("/v1/orders/" + order.get("id").asString()), 403, "forbidden");
			assertProblem(as(second).get("/v1/users/" + owner), 403, "forbidden");
			String other = placeOrder(as(second), createPet(as(second), "Other", "80.00")).get("userId").asString();
			assertThat(other).isNotEqualTo(owner);
			assertThat(as(first).get("/v1/orders/" + order.get("id").asString()).json().get("status").asString()).isEqualTo("PLACED");
		}

		@Test
		void theSameTokenIsAnotherUserInAnotherTenant() {
			String token = "tenant-token-" + UUID.randomUUID();
			UUID otherTenant = UUID.randomUUID();
			ApiClient here = as(token);
			ApiClient there = clientFor(otherTenant).withToken(token);
			JsonNode hereOrder = placeOrder(here, MAX);
			Reply thereOrder = there.postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}");
			assertThat(thereOrder.status()).as(thereOrder.toString()).isEqualTo(201);
			assertThat(thereOrder.json().get("userId").asString()).isNotEqualTo(hereOrder.get("userId").asString());
			assertProblem(there.get("/v1/orders/" + hereOrder.get("id").asString()), 404, "not-found");
			assertProblem(there.get("/v1/users/" + hereOrder.get("userId").asString()), 404, "not-found");
		}

		@Test
		void noTokenIsStillUnauthorized() {
			assertProblem(api.postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}"), 401, "unauthorized");
			assertProblem(api.postJson("/v1/pets", petJson("Nobody", "10.00")), 401, "unauthorized");
		}

		@Test
		void forgedOrStaleTokensOfOursAreStillRefused() {
			Account user = register(uniqueName("real"));
			String[] parts = user.token().split("\\.");
			// a real token with another signature: forged
			String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
				.encodeToString(new byte[256]);
			assertProblem(as(forged).postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}"), 401, "unauthorized");
			// a token naming our tenant claim, signed with someone else's key (HS256)
			String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
			String claims = b64("{\"sub\":\"" + user.id() + "\",\"tid\":\"" + tenant + "\",\"scope\":\"write:orders\","
					+ "\"exp\":4102444800}");
			assertProblem(as(header + "." + claims + "." + b64("not-our-signature")).postJson("/v1/orders",
					"{\"petId\":\"" + MAX + "\"}"), 401, "unauthorized");
			// a real token whose account was deleted: stale, not a new user
			assertThat(as(user).delete("/v1/users/" + user.id()).status()).isEqualTo(204);
			assertProblem(as(user).postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}"), 401, "unauthorized");
			assertThat(api.get("/v1/pets/" + MAX).json().get("status").asString()).isEqualTo("AVAILABLE");

			// a JWT of another issuer that claims nothing of ours is a made-up value like any other
			String foreign = b64("{\"alg\":\"RS256\",\"kid\":\"someone-elses\"}") + "." + b64("{\"sub\":\"suite\"}") + "."
					+ b64("their-signature-" + UUID.randomUUID());
			assertThat(placeOrder(as(foreign), MAX).get("userId").asString()).isNotEqualTo(user.id());
		}

		@Test
		void aSuspendedStandInIsRefused() {
			String token = "suspend-me-" + UUID.randomUUID();
			String userId = placeOrder(as(token), MAX).get("userId").asString();
			Reply suspended = admin().send("PATCH", "/v1/admin/users/" + userId + "/status", "application/json",
					"{\"status\":\"SUSPENDED\"}");
			assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
			assertProblem(as(token).get("/v1/users/" + userId), 401, "unauthorized");
		}

		@Test
		void concurrentFirstUsesCreateOneUser() throws Exception {
			String token = "parallel-" + UUID.randomUUID();
			ExecutorService pool = Executors.newFixedThreadPool(10);
			try {
				List<Future<Reply>> replies = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					// the caller is settled before the order is looked up: 404 for every one of them
					replies.add(pool.submit(() -> as(token).get("/v1/orders/" + UUID.randomUUID())));
				}
				for (Future<Reply> reply : replies) {
					assertProblem(reply.get(), 404, "not-found");
				}
			}
			finally {
				pool.shutdownNow();
			}
			String username = "token-" + sha256(token).substring(0, 12);
			Reply users = admin().get("/v1/admin/users?q=" + username);
			assertThat(users.status()).as(users.toString()).isEqualTo(200);
			assertThat(users.json().get("data")).hasSize(1);
			assertThat(users.json().get("data").get(0).get("username").asString()).isEqualTo(username);
			assertThat(users.json().get("data").get(0).get("role").asString()).isEqualTo("USER");
		}

	}

	static String sha256(String value) throws IllegalStateException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String b64(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
