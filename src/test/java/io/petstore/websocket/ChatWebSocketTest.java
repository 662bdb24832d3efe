package io.petstore.websocket;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The support chat over WebSocket (/v1/ws/chat) with the JDK's WebSocket client: a customer and an
 * agent in one conversation, refused upgrades, bad input answered with {@code error} messages on a
 * connection that stays open, the user's own order and payment events.
 */
class ChatWebSocketTest extends ChatTestSupport {

	@Test
	void aCustomerAndAnAgentTalkInAConversation() {
		Account customer = register("cust");
		Account agent = agent("staff");
		try (ChatClient alice = ChatClient.connect(wsUrl() + "?token=" + customer.token() + "&tenant=" + tenant, Map.of());
				ChatClient bob = connectWithHeaders(agent)) {
			JsonNode connected = alice.next("connected");
			assertThat(connected.get("user").get("username").asString()).isEqualTo(customer.username());
			assertThat(connected.get("user").get("role").asString()).isEqualTo("CUSTOMER");
			assertThat(connected.get("tenantId").asString()).isEqualTo(tenant.toString());
			assertThat(connected.get("serverTime").asString()).isNotBlank();

			alice.send("{\"type\":\"joinChat\",\"subject\":\"My puppy will not eat\"}");
			JsonNode joined = alice.next("joined");
			JsonNode conversation = joined.get("conversation");
			String id = conversation.get("id").asString();
			assertThat(conversation.get("customer").get("id").asString()).isEqualTo(customer.id());
			assertThat(conversation.get("agent").isNull()).isTrue();
			assertThat(conversation.get("status").asString()).isEqualTo("OPEN");
			assertThat(conversation.get("subject").asString()).isEqualTo("My puppy will not eat");
			assertThat(conversation.get("tenantId").asString()).isEqualTo(tenant.toString());
			assertThat(joined.get("history")).isEmpty();

			alice.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"Hello, anyone there?\",\"clientMessageId\":\"c-1\"}");
			JsonNode ack = alice.next("ack");
			assertThat(ack.get("clientMessageId").asString()).isEqualTo("c-1");
			JsonNode first = alice.next("chatMessage");
			assertThat(first.get("id").asString()).isEqualTo(ack.get("id").asString());
			assertThat(first.get("sentAt").asString()).isEqualTo(ack.get("sentAt").asString());
			assertThat(first.get("conversationId").asString()).isEqualTo(id);
			assertThat(first.get("content").asString()).isEqualTo("Hello, anyone there?");
			assertThat(first.get("sender").get("role").asString()).isEqualTo("CUSTOMER");
			assertThat(first.get("sender").get("username").asString()).isEqualTo(customer.username());

			// no agent yet: the pet-care advisor answers
			JsonNode advice = alice.next(m -> "chatMessage".equals(m.path("type").asString()) && "ADVISOR".equals(m.get("sender").get("role").asString()),
					"the advisor's reply", 30_000);
			assertThat(advice.get("sender").get("id").isNull()).isTrue();
			assertThat(advice.get("content").asString()).contains("Not veterinary advice");
			assertThat(advice.get("conversationId").asString()).isEqualTo(id);

			// a retry with the same clientMessageId stores nothing twice
			alice.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"Hello, anyone there?\",\"clientMessageId\":\"c-1\"}");
			assertThat(alice.next("ack").get("id").asString()).isEqualTo(ack.get("id").asString());

			// the agent joins: assigned, with the history
			assertThat(bob.all("connected").get(0).get("user").get("role").asString()).isEqualTo("AGENT");
			bob.send(json("joinChat", "conversationId", id));
			JsonNode agentJoined = bob.next("joined");
			assertThat(agentJoined.get("conversation").get("agent").get("id").asString()).isEqualTo(agent.id());
			List<String> history = agentJoined.get("history").valueStream().map(m -> m.get("id").asString()).toList();
			assertThat(history).containsExactly(ack.get("id").asString(), advice.get("id").asString());
			
			JsonNode assigned = alice.next("agentAssigned");
			assertThat(assigned.get("conversationId").asString()).isEqualTo(id);
			assertThat(assigned.get("agent").get("username").asString()).isEqualTo(agent.username());

			// messages both ways
			bob.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"Hi, I am Bob from support.\"}");
			JsonNode bobAck = bob.next("ack");
			assertThat(bobAck.get("clientMessageId").isNull()).isTrue();
			JsonNode fromBob = alice.next(m -> "chatMessage".equals(m.path("type").asString()) && m.get("sender").get("role").asString().equals("AGENT"),
					"the agent's message", 10_000);
			assertThat(fromBob.get("content").asString()).isEqualTo("Hi, I am Bob from support.");
			assertThat(fromBob.get("sender").get("id").asString()).isEqualTo(agent.id());
			alice.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"Thanks Bob!\"}");
			JsonNode thanks = bob.next(m -> "chatMessage".equals(m.path("type").asString()) && m.get("content").asString().equals("Thanks Bob!"),
					"the customer's reply", 10_000);
			assertThat(thanks.get("sender").get("role").asString()).isEqualTo("CUSTOMER");

			// typing reaches the others, not the typist
			alice.send(json("typingStarted", "conversationId", id));
			JsonNode typing = bob.next("typingStarted");
			assertThat(typing.get("user").get("id").asString()).isEqualTo(customer.id());
			alice.send(json("typingStopped", "conversationId", id));
			assertThat(bob.next("typingStopped").get("user").get("username").asString()).isEqualTo(customer.username());

			// delivery acknowledgements reach the sender
			alice.send(json("messageDelivered", "conversationId", id, "messageId", fromBob.get("id").asString()));
			JsonNode delivered = bob.next("messageDelivered");
			assertThat(delivered.get("messageId").asString()).isEqualTo(fromBob.get("id").asString());
			assertThat(delivered.get("userId").asString()).isEqualTo(customer.id());
			assertThat(delivered.get("at").asString()).isNotBlank();
			// (and the next exchange shows alice was told of neither her typing nor her own acknowledgement)
			alice.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"bye\"}");
			alice.next(m -> "chatMessage".equals(m.path("type").asString()) && m.get("content").asString().equals("bye"), "bye", 10_000);
			assertThat(alice.all("typingStarted")).isEmpty();
			assertThat(alice.all("messageDelivered")).isEmpty();
			assertThat(alice.all("error")).isEmpty();
			assertThat(bob.all("error")).isEmpty();

			// after leaving, the agent gets no more of the conversation
			bob.send(json("leaveChat", "conversationId", id));
			bob.send(json("typingStarted", "conversationId", id)); // a marker: answered in order
			alice.next("typingStarted");
			alice.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"still there?\"}");
			alice.next(m -> "chatMessage".equals(m.path("type").asString()) && m.get("content").asString().equals("still there?"), "own", 10_000);
			assertThat(bob.all("chatMessage").stream().map(m -> m.get("content").asString())).doesNotContain("still there?");
		}

		// the messages and the assignment are in the audit log
		JsonNode sent = admin().get("/v1/admin/audit-logs?action=CHAT_MESSAGE_SENT").json();
		assertThat(sent.get("pagination").get("totalItems").asInt()).isEqualTo(5);
		JsonNode record = sent.get("data").get(0);
		assertThat(record.get("protocol").asString()).isEqualTo("WEBSOCKET");
		assertThat(admin().get("/v1/admin/audit-logs?action=CHAT_ADVISOR_REPLIED").json().get("pagination").get("totalItems").asInt())
			.as("the advisor answers only while no agent has taken the conversation").isEqualTo(1);
		JsonNode assignedLog = admin().get("/v1/admin/audit-logs?action=CHAT_AGENT_ASSIGNED").json();
		assertThat(assignedLog.get("pagination").get("totalItems").asInt()).isEqualTo(1);
		assertThat(assignedLog.get("data").get(0).get("actor").asString()).isEqualTo("user:" + agent.username());
	}

	@Test
	void refusedUpgradesAnswerAProblem() throws Exception {
		Account customer = register("cust");
		try (RawWebSocket none = RawWebSocket.open(port, "/v1/ws/chat?tenant=" + tenant, Map.of(), 0)) {
			assertThat(none.status).isEqualTo(401);
			assertThat(none.headers.get("content-type")).startsWith("application/problem+json");
			assertThat(none.body).contains("\"status\":401").contains("bearer token");
		}
		try (RawWebSocket bad = RawWebSocket.open(port, "/v1/ws/chat?token=not-a-jwt.at.all&tenant=" + tenant, Map.of(), 0)) {
			assertThat(bad.status).isEqualTo(401);
			assertThat(bad.body).contains("\"status\":401");
		}
		try (RawWebSocket badHeader = RawWebSocket.open(port, "/v1/ws/chat", Map.of("Authorization", "Basic Zm9vOmJhcg==",
				"X-Tenant-ID", tenant.toString()), 0)) {
			assertThat(badHeader.status).isEqualTo(401);
		}
		try (RawWebSocket tenantless = RawWebSocket.open(port, "/v1/ws/chat?token=" + customer.token() + "&tenant=not-a-uuid", Map.of(), 0)) {
			assertThat(tenantless.status).isEqualTo(400);
			assertThat(tenantless.body).contains("\"status\":400");
		}
		// a token of this tenant used on another tenant
		try (RawWebSocket other = RawWebSocket.open(port, "/v1/ws/chat?token=" + customer.token() + "&tenant=" + UUID.randomUUID(), Map.of(),
				0)) {
			assertThat(other.status).isIn(401, 403);
		}
		// the 11th connection of one user
		java.util.List<ChatClient> open = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				open.add(connect(customer));
			}
			try (RawWebSocket eleventh = RawWebSocket.open(port, "/v1/ws/chat?token=" + customer.token() + "&tenant=" + tenant, Map.of(), 0)) {
				assertThat(eleventh.status).isEqualTo(429);
				assertThat(eleventh.headers).containsKey("retry-after");
				assertThat(eleventh.body).contains("10 chat connections");
			}
			// closing one makes room again
			open.remove(0).close();
			long deadline = System.currentTimeMillis() + 10_000;
			int status = 0;
			while (System.currentTimeMillis() < deadline) {
				try (RawWebSocket again = RawWebSocket.open(port, "/v1/ws/chat?token=" + customer.token() + "&tenant=" + tenant, Map.of(), 0)) {
					status = again.status;
				}
				if (status == 101) {
					break;
				}
				Thread.sleep(50);
			}
			assertThat(status).isEqualTo(101);
		}
		finally {
			open.forEach(ChatClient::close);
		}
	}

	@Test
	void badInputIsAnsweredWithAnErrorAndTheConnectionStaysOpen() {
		Account customer = register("cust");
		Account stranger = register("stranger");
		UUID far = UUID.randomUUID();
		Account elsewhere = register(far, "far");
		try (ChatClient client = connect(customer); ChatClient other = connect(stranger)) {
			String id = open(client, "help");

			client.send("{\"type\":\"chatMessage\",");
			JsonNode malformed = client.next("error");
			assertThat(malformed.get("code").asString()).isEqualTo("BAD_REQUEST");
			assertThat(malformed.get("message").asString()).contains("not valid JSON");

			client.send("[1,2,3]");
			assertThat(client.next("error").get("code").asString()).isEqualTo("BAD_REQUEST");

			client.send("{\"content\":\"no type\"}");
			assertThat(client.next("error").get("message").asString()).contains("\"type\"");

			client.send("{\"type\":\"selfDestruct\"}");
			JsonNode unknown = client.next("error");
			assertThat(unknown.get("code").asString()).isEqualTo("BAD_REQUEST");
			assertThat(unknown.get("requestType").asString()).isEqualTo("selfDestruct");
			assertThat(unknown.get("message").asString()).contains("chatMessage");

			client.send("{\"type\":\"chatMessage\",\"clientMessageId\":\"m-9\"}");
			JsonNode missing = client.next("error");
			assertThat(missing.get("code").asString()).isEqualTo("BAD_REQUEST");
			assertThat(missing.get("clientMessageId").asString()).isEqualTo("m-9");
			assertThat(missing.get("fields").valueStream().map(f -> f.get("field").asString())).containsExactlyInAnyOrder("conversationId",
					"content");

			client.send("{\"type\":\"chatMessage\",\"conversationId\":5,\"content\":[\"x\"]}");
			JsonNode wrongTypes = client.next("error");
			assertThat(wrongTypes.get("fields").valueStream().map(f -> f.get("code").asString())).containsExactlyInAnyOrder("INVALID_FORMAT",
					"INVALID_TYPE");

			client.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"   \"}");
			assertThat(client.next("error").get("fields").get(0).get("field").asString()).isEqualTo("content");

			client.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"" + "x".repeat(4001) + "\"}");
			assertThat(client.next("error").get("code").asString()).isEqualTo("MESSAGE_TOO_LARGE");

			client.send(json("joinChat", "conversationId", UUID.randomUUID().toString()));
			assertThat(client.next("error").get("code").asString()).isEqualTo("NOT_FOUND");

			client.send(json("assignAgent", "conversationId", id));
			assertThat(client.next("error").get("code").asString()).isEqualTo("FORBIDDEN");

			client.send(json("messageDelivered", "conversationId", id, "messageId", UUID.randomUUID().toString()));
			assertThat(client.next("error").get("code").asString()).isEqualTo("NOT_FOUND");

			// someone else's conversation
			other.send(json("joinChat", "conversationId", id));
			JsonNode forbidden = other.next("error");
			assertThat(forbidden.get("code").asString()).isEqualTo("FORBIDDEN");
			assertThat(forbidden.get("requestType").asString()).isEqualTo("joinChat");
			other.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"let me in\"}");
			assertThat(other.next("error").get("code").asString()).isEqualTo("FORBIDDEN");
			other.send(json("typingStarted", "conversationId", id));
			assertThat(other.next("error").get("code").asString()).isEqualTo("FORBIDDEN");

			// a ping is answered by the transport and changes nothing
			client.ping().join();
			// the connection still works after all of that, and nothing was stored from the refusals
			client.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"still here\",\"clientMessageId\":\"ok\"}");
			assertThat(client.next("ack").get("clientMessageId").asString()).isEqualTo("ok");
			client.send(json("joinChat", "conversationId", id));
			JsonNode history = client.next("joined").get("history");
			// (the advisor's answer to "still here" may already be there too: it is written off the caller's thread)
			assertThat(history.valueStream()
				.filter(m -> !"ADVISOR".equals(m.get("sender").get("role").asString()))
				.map(m -> m.get("content").asString())).containsExactly("still here");
			assertThat(client.isOpen()).isTrue();
			assertThat(other.isOpen()).isTrue();
		}
		// another tenant's user does not find the conversation
		try (ChatClient client = connect(register("owner")); ChatClient farClient = ChatClient.connect(wsUrl() + "?token=" + elsewhere.token()
				+ "&tenant=" + far, Map.of())) {
			String id = open(client, "mine");
			farClient.next("connected");
			farClient.send(json("joinChat", "conversationId", id));
			assertThat(farClient.next("error").get("code").asString()).isEqualTo("NOT_FOUND");
		}
	}

	@Test
	void binaryAndOversizeFrames() throws Exception {
		Account customer = register("cust");
		try (ChatClient client = connect(customer)) {
			client.sendBinary();
			assertThat(client.next("error").get("message").asString()).contains("text frames");
			assertThat(client.isOpen()).isTrue();
			// past the 16 KiB frame limit: closed with 1009 (message too big)
			client.send("{\"type\":\"chatMessage\",\"content\":\"" + "y".repeat(17 * 1024) + "\"}");
			assertThat(client.closeCode(10_000)).isEqualTo(1009);
		}
	}

	@Test
	void aBurstPastTheRateIsRefusedAndTheConnectionStaysOpen() {
		Account customer = register("cust");
		try (ChatClient client = connect(customer)) {
			String id = open(client, "burst");
			for (int i = 0; i < 60; i++) {
				client.send(json("typingStarted", "conversationId", id));
			}
			JsonNode refused = client.next("error");
			assertThat(refused.get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
			assertThat(refused.get("requestType")).isNull();
			// the bucket refills: after a while the connection is served again
			long deadline = System.currentTimeMillis() + 10_000;
			JsonNode ack = null;
			while (ack == null && System.currentTimeMillis() < deadline) {
				client.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"calm now\",\"clientMessageId\":\"calm\"}");
				try {
					ack = client.next(m -> "ack".equals(m.path("type").asString()), "ack", 300);
				}
				catch (AssertionError notYet) {
					// refused again: wait for the bucket
				}
			}
			assertThat(ack).isNotNull();
			assertThat(client.isOpen()).isTrue();
		}
	}

	@Test
	void sustainedFloodingClosesTheConnection() {
		Account customer = register("cust");
		try (ChatClient client = connect(customer)) {
			String id = open(client, "abuse");
			// 40 at once are served, the rest refused; 200 refusals within 10 s close the connection (1008)
			for (int i = 0; i < 600 && client.isOpen(); i++) {
				try {
					client.send(json("typingStarted", "conversationId", id));
				}
				catch (java.util.concurrent.CompletionException closedMeanwhile) {
					break;
				}
			}
			// 1008 from the server; while this client is still writing, the closing socket may instead
			// reach it as a reset (the JDK client's onError: -1): either way the server ended it
			assertThat(client.closeCode(10_000)).isIn(1008, -1);
			assertThat(client.isOpen()).isFalse();
			assertThat(client.all("error").stream().map(m -> m.get("code").asString())).contains("TOO_MANY_REQUESTS").doesNotContain("BAD_REQUEST");
		}
	}

	@Test
	void theUsersOwnOrderAndPaymentEventsArePushed() {
		Account buyer = register("buyer");
		Account bystander = register("by");
		try (ChatClient client = connect(buyer); ChatClient other = connect(bystander)) {
			String pet = createPet(buyer, "Wsy", "35.00");
			Reply placed = as(buyer).postJson("/v1/orders", "{\"petId\":\"" + pet + "\"}");
			assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
			String orderId = placed.json().get("id").asString();
			JsonNode changed = client.next("orderStatusChanged");
			assertThat(changed.get("orderId").asString()).isEqualTo(orderId);
			assertThat(changed.get("petId").asString()).isEqualTo(pet);
			assertThat(changed.get("status").asString()).isEqualTo("PLACED");
			assertThat(changed.get("previousStatus").isNull()).isTrue();
			Reply paid = as(buyer).postJson("/v1/orders/" + orderId + "/payment", "{\"amount\":\"35.00\",\"currency\":\"USD\",\"source\":"
					+ "{\"object\":\"card\",\"name\":\"Kyle Kihn\",\"number\":\"4242424242424242\",\"expMonth\":12,\"expYear\":2031,\"cvc\":\"123\"}}");
			assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
			JsonNode payment = client.next("paymentSucceeded");
			assertThat(payment.get("orderId").asString()).isEqualTo(orderId);
			assertThat(payment.get("paymentId").asString()).isEqualTo(paid.json().get("id").asString());
			assertThat(payment.get("amount").asString()).isEqualTo("35.00");
			assertThat(payment.get("currency").asString()).isEqualTo("USD");
			JsonNode approved = client.next(m -> "orderStatusChanged".equals(m.path("type").asString()) && "APPROVED".equals(m.get("status").asString()),
					"APPROVED", 10_000);
			assertThat(approved.get("previousStatus").asString()).isEqualTo("PLACED");
			// someone else's orders are not pushed to this user
			other.send("{\"type\":\"nothing\"}");
			other.next("error");
			assertThat(other.all("orderStatusChanged")).isEmpty();
			assertThat(other.all("paymentSucceeded")).isEmpty();
		}
	}

}
