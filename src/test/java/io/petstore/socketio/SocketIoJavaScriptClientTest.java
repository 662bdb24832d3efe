package io.petstore.socketio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import io.petstore.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Socket.IO at /socket.io/ driven by the real socket.io-client 4.8.4 (src/test/socketio-js, Node
 * 20): WebSocket only, long-polling only and the default (polling, then the upgrade), each
 * authenticated by the handshake's auth; refusals as connect_error; the user's live events.
 * Skipped when node or npm is missing.
 */
class SocketIoJavaScriptClientTest extends IntegrationTest {

	@Autowired
	SocketIoConnections connections;

	@Autowired
	ConnectionLimits limits;

	@Test
	void everyTransportConnectsAndReceivesTheUsersOrderChanges() {
		JsonNode result = NodeScripts.run("transports", base(), tenant.toString(), Map.of());

		assertThat(result.get("websocket").get("transport").asString()).isEqualTo("websocket");
		assertThat(result.get("polling").get("transport").asString()).isEqualTo("polling");
		assertThat(result.get("upgraded").get("firstTransport").asString()).isEqualTo("polling");
		assertThat(result.get("upgraded").get("transport").asString()).isEqualTo("websocket");

		String userId = result.get("userId").asString();
		for (String transport : List.of("websocket", "polling", "upgraded")) {
			JsonNode connected = result.get(transport).get("connected");
			assertThat(connected.get("user").get("id").asString()).as(transport).isEqualTo(userId);
			assertThat(connected.get("user").get("username").asString()).as(transport).startsWith("siobuyer");
			assertThat(connected.get("tenantId").asString()).as(transport).isEqualTo(tenant.toString());
			assertThat(Instant.parse(connected.get("serverTime").asString())).as(transport).isBefore(Instant.now().plusSeconds(1));

			JsonNode events = result.get(transport).get("events");
			assertThat(statuses(events)).as(transport).containsExactly("PLACED", "CANCELLED");
			assertThat(events.get(0).get("previousStatus").isNull()).as(transport).isTrue();
			assertThat(events.get(1).get("previousStatus").asString()).as(transport).isEqualTo("PLACED");
			assertThat(events.get(1).get("petId").asString()).as(transport).isEqualTo(result.get("petId").asString());
			assertThat(Instant.parse(events.get(1).get("at").asString())).as(transport).isBefore(Instant.now().plusSeconds(1));
		}
		assertThat(result.get("strangerEvents")).as("another user's socket").isEmpty();

		// REST shows the order the events were about, cancelled
		assertThat(result.get("orderId").asString()).isNotBlank();

		// refusals: connect_error with message UNAUTHORIZED and data {code, message}
		for (String refused : List.of("badToken", "noToken")) {
			JsonNode error = result.get(refused).get("error");
			assertThat(error.get("message").asString()).as(refused).isEqualTo("UNAUTHORIZED");
			assertThat(error.get("data").get("code").asString()).as(refused).isEqualTo("UNAUTHORIZED");
			assertThat(error.get("data").get("message").asString()).as(refused).isNotBlank();
			assertThat(result.get(refused).get("connected").asBoolean()).as(refused).isFalse();
		}
	}

	@Test
	void connectionsThatCloseLeaveNoSubscriptionBehind() {
		int subscribersBefore = connections.liveSubscribers();
		int openBefore = limits.total();
		JsonNode result = NodeScripts.run("cycles", base(), tenant.toString(), Map.of("CYCLES", "21"));
		assertThat(result.get("connected").asInt()).isEqualTo(21);
		// closing is asynchronous on the server: poll with a deadline
		long deadline = System.nanoTime() + 15_000_000_000L;
		while ((connections.liveSubscribers() != subscribersBefore || limits.total() != openBefore) && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		assertThat(connections.liveSubscribers()).as("live-event subscriptions").isEqualTo(subscribersBefore);
		assertThat(limits.total()).as("connections counted per user").isEqualTo(openBefore);
	}

	private static List<String> statuses(JsonNode events) {
		List<String> statuses = new ArrayList<>();
		events.forEach(event -> statuses.add(event.get("status").asString()));
		return statuses;
	}

}
