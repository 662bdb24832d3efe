package io.petstore.socketio;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;
import io.petstore.support.SseClient;
import io.petstore.support.TestDatabase;
import io.petstore.support.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two whole servers, A and B, on one PostgreSQL database (issue 19's test): a WebSocket chat
 * client ({@code ws}), a Socket.IO client ({@code socket.io-client}) and an SSE client, all on A,
 * see an order placed and cancelled through B's REST API; and one support conversation spans the
 * instances (Socket.IO on A, WebSocket on B). PostgreSQL only, as {@code MultiInstanceLiveEventsTest}.
 */
class MultiInstanceRealtimeTest {

	static ConfigurableApplicationContext a;

	static ConfigurableApplicationContext b;

	@BeforeAll
	static void twoServersOnOneDatabase() {
		Assumptions.assumeTrue(TestDatabase.isPostgres(),
				"two servers on one database need PostgreSQL (H2 in file mode cannot be shared safely): skipped on H2");
		String url = TestDatabase.newDatabaseUrl("realtime_multi");
		a = TestServers.start(url, "--petstore.webhooks.worker=false");
		b = TestServers.start(url, "--petstore.webhooks.worker=false");
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

	@Test
	void webSocketSocketIoAndSseClientsOnASeeAnOrderChangeMadeThroughB() {
		UUID tenant = UUID.randomUUID();
		ApiClient viaB = new ApiClient(TestServers.base(b), null, tenant);
		String username = "multi" + UUID.randomUUID().toString().substring(0, 8);
		Reply registered = viaB.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Mo\",\"lastName\":\"Multi\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"Multi-Pass-123!\"}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		String token = registered.json().get("token").asString();
		Reply pet = viaB.withToken(token)
			.postJson("/v1/pets", "{\"name\":\"Multi-Realtime\",\"species\":\"CAT\",\"breed\":\"Mixed\",\"ageMonths\":7,\"size\":\"SMALL\","
					+ "\"goodWithKids\":true,\"price\":\"21.00\",\"currency\":\"USD\",\"status\":\"AVAILABLE\","
					+ "\"medicalInfo\":{\"vaccinated\":true,\"spayedNeutered\":false}}");
		assertThat(pet.status()).as(pet.toString()).isEqualTo(201);
		String petId = pet.json().get("id").asString();

		try (SseClient sseOnA = SseClient.connect(TestServers.base(a) + "/v1/events?types=order.statusChanged",
				SseClient.headers("X-Tenant-ID", tenant.toString(), "Authorization", "Bearer " + token))) {
			assertThat(sseOnA.status()).isEqualTo(200);

			JsonNode result = NodeScripts.run("multi", TestServers.base(a), tenant.toString(),
					Map.of("PETSTORE_B_URL", TestServers.base(b), "USER_TOKEN", token, "PET_ID", petId));

			String orderId = result.get("orderId").asString();
			assertThat(result.get("socketIo").values()).extracting(JsonNode::asString).containsExactly("PLACED", "CANCELLED");
			assertThat(result.get("webSocket").values()).extracting(JsonNode::asString).containsExactly("PLACED", "CANCELLED");
			List<SseClient.Event> events = sseOnA.take(2, Duration.ofSeconds(15));
			assertThat(events).extracting(e -> e.json().get("orderId").asString() + " " + e.json().get("status").asString())
				.containsExactly(orderId + " PLACED", orderId + " CANCELLED");

			// the conversation across instances: each side got the other's stored message
			assertThat(result.get("onA").get("conversationId").asString()).isEqualTo(result.get("conversationId").asString());
			assertThat(result.get("onA").get("sender").get("username").asString()).isEqualTo(username);
			assertThat(result.get("onB").get("id").asString()).isNotBlank();
			assertThat(result.get("onB").get("content").asString()).isEqualTo("Sent on A");
		}
	}

}
