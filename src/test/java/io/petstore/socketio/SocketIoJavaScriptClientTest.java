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
		assertThat(strings(result.get("upgraded").get("upgrades"))).containsExactly("websocket");
		assertThat(result.get("websocket").get("firstTransport").asString()).isEqualTo("websocket");
		assertThat(result.get("polling").get("upgrades")).isEmpty();

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

	@Test
	void theSupportChatWorksAcrossSocketIoAndWebSocket() {
		JsonNode r = NodeScripts.run("chat", base(), tenant.toString(), Map.of("ADMIN_PASSWORD", ADMIN_PASSWORD));

		assertThat(r.get("customerConnected").get("user").get("role").asString()).isEqualTo("CUSTOMER");
		assertThat(r.get("agentConnected").get("user").get("role").asString()).isEqualTo("AGENT");

		// joinChat without an id opens a conversation: ack {conversation, history}
		JsonNode opened = r.get("opened");
		String conversationId = opened.get("conversation").get("id").asString();
		assertThat(opened.get("conversation").get("subject").asString()).isEqualTo("My cat sneezes");
		assertThat(opened.get("conversation").get("status").asString()).isEqualTo("OPEN");
		assertThat(opened.get("conversation").get("agent").isNull()).isTrue();
		assertThat(opened.get("conversation").get("tenantId").asString()).isEqualTo(tenant.toString());
		assertThat(opened.get("history")).isEmpty();

		// chatMessage ack, and the sender receives the stored message too; the advisor answers
		JsonNode ack = r.get("firstAck");
		assertThat(ack.get("clientMessageId").asString()).isEqualTo("c-1");
		assertThat(Instant.parse(ack.get("sentAt").asString())).isBefore(Instant.now().plusSeconds(1));
		JsonNode before = r.get("customerMessagesBeforeAgent");
		assertThat(before.get(0).get("id").asString()).isEqualTo(ack.get("id").asString());
		assertThat(before.get(0).get("role").asString()).isEqualTo("CUSTOMER");
		assertThat(before.toString()).contains("\"ADVISOR\"");

		// a WebSocket agent joins (and is assigned); messages cross between the protocols
		assertThat(r.get("wsJoined").get("conversation").get("id").asString()).isEqualTo(conversationId);
		assertThat(r.get("assignedToWsAgent").get("conversationId").asString()).isEqualTo(conversationId);
		assertThat(r.get("sioSawWs").get("sender").get("role").asString()).isEqualTo("AGENT");
		assertThat(r.get("sioSawWs").get("clientMessageId").asString()).isEqualTo("w-1");
		assertThat(r.get("wsSawSio").get("id").asString()).isEqualTo(r.get("secondAck").get("id").asString());
		assertThat(r.get("wsSawSio").get("sender").get("role").asString()).isEqualTo("CUSTOMER");
		assertThat(r.get("wsTyping").get("user").get("username").asString()).startsWith("siocustomer");
		assertThat(r.get("wsDelivered").get("messageId").asString()).isEqualTo(r.get("sioSawWs").get("id").asString());
		assertThat(r.get("customerOwnTyping").asInt()).as("one's own typing is not echoed").isZero();

		// the Socket.IO agent sees the history and takes the conversation; everyone is told
		assertThat(strings(r.get("agentHistory"))).contains("How often should a kitten eat?", "Hello from the WebSocket agent",
				"Hello from Socket.IO");
		assertThat(r.get("assignAck").get("agent").get("username").asString()).startsWith("siosioagent");
		assertThat(r.get("reassigned").get("agent").get("username").asString()).startsWith("siosioagent");

		// bad input: chatError (and an error ack) with the right code; the sockets stay connected
		JsonNode bad = r.get("bad");
		assertThat(bad.get("notAnObject").get("error").get("code").asString()).isEqualTo("BAD_REQUEST");
		assertThat(bad.get("missingFields").get("error").get("code").asString()).isEqualTo("BAD_REQUEST");
		assertThat(bad.get("wrongTypes").get("error").get("code").asString()).isEqualTo("BAD_REQUEST");
		assertThat(bad.get("unknownConversation").get("error").get("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(bad.get("tooLong").get("error").get("code").asString()).isEqualTo("MESSAGE_TOO_LARGE");
		assertThat(bad.get("customerAssigns").get("error").get("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(bad.get("someoneElses").get("error").get("code").asString()).isEqualTo("FORBIDDEN");
		assertThat(bad.get("strangerSend").get("error").get("code").asString()).isEqualTo("FORBIDDEN");
		JsonNode errors = r.get("chatErrors");
		JsonNode missing = find(errors, "chatMessage", "BAD_REQUEST", "REQUIRED");
		assertThat(missing.toString()).contains("conversationId").contains("content");
		JsonNode wrong = find(errors, "chatMessage", "BAD_REQUEST", "INVALID_TYPE");
		assertThat(wrong.toString()).contains("INVALID_FORMAT");
		JsonNode tooLong = find(errors, "chatMessage", "MESSAGE_TOO_LARGE", null);
		assertThat(tooLong.get("clientMessageId").asString()).isEqualTo("c-long");
		assertThat(find(errors, "noSuchEvent", "BAD_REQUEST", null).get("message").asString()).contains("joinChat");
		assertThat(r.get("strangerErrors")).hasSize(2);
		assertThat(r.get("stillConnected").asBoolean()).isTrue();
		assertThat(r.get("afterBadAck").get("clientMessageId").asString()).isEqualTo("c-3");

		// leaveChat stops the conversation's messages; a later join answers the history, oldest first
		assertThat(r.get("left").get("conversationId").asString()).isEqualTo(conversationId);
		assertThat(r.get("customerAfterLeave").asInt()).isZero();
		List<String> history = new ArrayList<>();
		r.get("history").forEach(m -> history.add(m.get("content").asString()));
		assertThat(history).containsSubsequence("How often should a kitten eat?", "Hello from the WebSocket agent", "Hello from Socket.IO",
				"Still here", "After the customer left");
		assertThat(history).doesNotContain("let me in", "x".repeat(4001));
	}

	private static JsonNode find(JsonNode errors, String requestType, String code, String fieldCode) {
		for (JsonNode error : errors) {
			if (requestType.equals(error.path("requestType").asString()) && code.equals(error.path("code").asString())
					&& (fieldCode == null || error.path("fields").toString().contains(fieldCode))) {
				return error;
			}
		}
		throw new AssertionError("no chatError " + requestType + " " + code + " " + fieldCode + " in " + errors);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

	private static List<String> statuses(JsonNode events) {
		List<String> statuses = new ArrayList<>();
		events.forEach(event -> statuses.add(event.get("status").asString()));
		return statuses;
	}

}
