package io.petstore.websocket;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI 3.0 document: served as YAML and JSON (the same tree), listed on the docs page,
 * structurally AsyncAPI 3.0 (every {@code $ref} resolves; operations name their channel's
 * messages), and what the WebSocket chat really sends validates against its payload schemas
 * (JSON Schema draft 7, the base of AsyncAPI's schema format; formats asserted).
 */
class AsyncApiDocumentTest extends ChatTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DOCUMENT = "https://petstore.test/asyncapi.json";

	@Test
	void theDocumentIsServedAsYamlAndJsonAndListedOnTheDocsPage() {
		Reply json = api.get("/v1/asyncapi.json");
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.header("Content-Type")).startsWith("application/json");
		Reply yaml = api.get("/v1/asyncapi.yaml");
		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
		assertThat(new YAMLMapper().readTree(yaml.body())).isEqualTo(JSON.readTree(json.body()));
		JsonNode others = api.get("/docs/other-apis.json").json();
		assertThat(others.valueStream().map(doc -> doc.get("url").asString())).contains("/v1/asyncapi.json");
	}

	@Test
	void theDocumentIsAsyncApi3AndEveryReferenceResolves() {
		JsonNode document = api.get("/v1/asyncapi.json").json();
		assertThat(document.get("asyncapi").asString()).isEqualTo("3.0.0");
		assertThat(document.get("info").get("title").asString()).isNotBlank();
		assertThat(document.get("info").get("version").asString()).isNotBlank();
		// every $ref resolves to a node of the document
		List<String> refs = new ArrayList<>();
		collectRefs(document, refs);
		assertThat(refs).hasSizeGreaterThan(100);
		for (String ref : refs) {
			assertThat(ref).as("a local reference").startsWith("#/");
			assertThat(document.at(ref.substring(1)).isMissingNode()).as("$ref " + ref + " resolves").isFalse();
		}
		// servers and channels
		Set<String> protocols = new HashSet<>();
		document.get("servers").forEach(server -> protocols.add(server.get("protocol").asString()));
		assertThat(protocols).contains("ws", "http", "https");
		JsonNode channels = document.get("channels");
		assertThat(channels.propertyNames()).contains("supportChat", "socketIo", "liveEvents", "chatCompletions", "webhooks");
		assertThat(channels.get("supportChat").get("address").asString()).isEqualTo("/v1/ws/chat");
		assertThat(channels.get("socketIo").get("address").asString()).isEqualTo("/socket.io/");
		assertThat(channels.get("liveEvents").get("address").asString()).isEqualTo("/v1/events");
		assertThat(channels.get("chatCompletions").get("address").asString()).isEqualTo("/v1/chat/completions");
		// every message of the contract, both ways, on both chat channels
		assertThat(messageNames(document, "supportChat")).containsAll(List.of("joinChat", "leaveChat", "chatMessage", "messageDelivered",
				"typingStarted", "typingStopped", "assignAgent", "connected", "joined", "ack", "agentAssigned", "orderStatusChanged",
				"paymentSucceeded", "error"));
		assertThat(messageNames(document, "socketIo")).containsAll(List.of("joinChat", "leaveChat", "chatMessage", "messageDelivered",
				"typingStarted", "typingStopped", "assignAgent", "connected", "agentAssigned", "orderStatusChanged", "paymentSucceeded",
				"chatError"));
		assertThat(messageNames(document, "liveEvents")).containsExactlyInAnyOrder("pet.statusChanged", "order.statusChanged",
				"payment.succeeded");
		assertThat(messageNames(document, "chatCompletions")).containsExactlyInAnyOrder("chat.completion.chunk", "[DONE]");
		assertThat(messageNames(document, "webhooks")).containsExactlyInAnyOrder("order.created", "order.statusChanged",
				"payment.succeeded", "webhook.test");
		// operations: an action, a channel, and only messages of that channel (AsyncAPI 3.0's rule)
		document.get("operations").properties().forEach(entry -> {
			JsonNode operation = entry.getValue();
			assertThat(operation.get("action").asString()).as(entry.getKey()).isIn("send", "receive");
			String channel = operation.get("channel").get("$ref").asString();
			assertThat(channel).startsWith("#/channels/");
			operation.get("messages").forEach(message -> assertThat(message.get("$ref").asString()).as(entry.getKey())
				.startsWith(channel + "/messages/"));
			if (operation.has("reply")) {
				operation.get("reply").get("messages").forEach(message -> assertThat(message.get("$ref").asString())
					.startsWith(operation.get("reply").get("channel").get("$ref").asString() + "/messages/"));
			}
		});
		// every message of every channel is sent or received by some operation
		Set<String> used = new HashSet<>();
		document.get("operations").forEach(operation -> {
			operation.get("messages").forEach(message -> used.add(message.get("$ref").asString()));
			if (operation.has("reply")) {
				operation.get("reply").get("messages").forEach(message -> used.add(message.get("$ref").asString()));
			}
		});
		channels.properties().forEach(channel -> channel.getValue().get("messages").propertyNames()
			.forEach(name -> assertThat(used).as("an operation uses " + channel.getKey() + "/" + name)
				.contains("#/channels/" + channel.getKey() + "/messages/" + name)));
	}

	@Test
	void whatTheWebSocketChatSendsMatchesTheDocument() {
		// the document's own "id" (an AsyncAPI field, not a schema keyword) is left out for the schema registry
		tools.jackson.databind.node.ObjectNode tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(api.get("/v1/asyncapi.json").body());
		tree.remove("id");
		String documentJson = JSON.writeValueAsString(tree);
		SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getDraft7(), builder -> builder.schemas(Map.of(DOCUMENT, documentJson)));
		Account customer = register("doc");
		Account agent = agent("docstaff");
		List<String> sent = new ArrayList<>();
		List<String> received = new ArrayList<>();
		try (ChatClient alice = connect(customer); ChatClient bob = connect(agent)) {
			String id = send(alice, sent, "{\"type\":\"joinChat\",\"subject\":\"Schema check\"}", "joined").get("conversation").get("id").asString();
			send(alice, sent, "{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"Does my cat need vaccines?\",\"clientMessageId\":\"d-1\"}",
					"ack");
			alice.next(m -> "chatMessage".equals(m.path("type").asString()) && "ADVISOR".equals(m.get("sender").get("role").asString()),
					"advisor", 30_000);
			send(bob, sent, json("joinChat", "conversationId", id), "joined");
			alice.next("agentAssigned");
			send(bob, sent, "{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\",\"content\":\"Yes: core vaccines.\"}", "ack");
			JsonNode fromBob = alice.next(m -> "chatMessage".equals(m.path("type").asString()) && "AGENT".equals(m.get("sender").get("role").asString()),
					"agent message", 10_000);
			sent.add(json("messageDelivered", "conversationId", id, "messageId", fromBob.get("id").asString()));
			alice.send(sent.get(sent.size() - 1));
			bob.next("messageDelivered");
			sent.add(json("typingStarted", "conversationId", id));
			alice.send(sent.get(sent.size() - 1));
			bob.next("typingStarted");
			sent.add(json("typingStopped", "conversationId", id));
			alice.send(sent.get(sent.size() - 1));
			bob.next("typingStopped");
			sent.add(json("assignAgent", "conversationId", id));
			bob.send(sent.get(sent.size() - 1));
			bob.next("agentAssigned");
			alice.send("{\"type\":\"chatMessage\",\"conversationId\":\"" + id + "\"}");
			alice.next("error");
			alice.send("{\"type\":\"joinChat\",\"conversationId\":\"" + java.util.UUID.randomUUID() + "\"}");
			alice.next("error");
			String pet = createPet(customer, "Docky", "12.50");
			Reply placed = as(customer).postJson("/v1/orders", "{\"petId\":\"" + pet + "\"}");
			Reply paid = as(customer).postJson("/v1/orders/" + placed.json().get("id").asString() + "/payment",
					"{\"amount\":\"12.50\",\"currency\":\"USD\",\"source\":{\"object\":\"card\",\"name\":\"Kyle Kihn\",\"number\":\"4242424242424242\","
							+ "\"expMonth\":12,\"expYear\":2031,\"cvc\":\"123\"}}");
			assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
			alice.next("paymentSucceeded");
			alice.next(m -> "orderStatusChanged".equals(m.path("type").asString()) && "APPROVED".equals(m.get("status").asString()), "APPROVED",
					10_000);
			sent.add(json("leaveChat", "conversationId", id));
			bob.send(sent.get(sent.size() - 1));
			received.addAll(alice.raw());
			received.addAll(bob.raw());
		}
		Set<String> types = new HashSet<>();
		for (String message : received) {
			String type = JSON.readTree(message).get("type").asString();
			types.add(type);
			assertValid(registry, "#/components/messages/" + type + "/payload", message);
		}
		assertThat(types).contains("connected", "joined", "ack", "chatMessage", "messageDelivered", "typingStarted", "typingStopped",
				"agentAssigned", "orderStatusChanged", "paymentSucceeded", "error");
		Map<String, String> requests = Map.of("joinChat", "joinChat", "leaveChat", "leaveChat", "chatMessage", "chatMessageRequest",
				"messageDelivered", "messageDeliveredRequest", "typingStarted", "typingStartedRequest", "typingStopped", "typingStoppedRequest",
				"assignAgent", "assignAgent");
		for (String message : sent) {
			String type = JSON.readTree(message).get("type").asString();
			assertValid(registry, "#/components/messages/" + requests.get(type) + "/payload", message);
		}
		// and the document refuses what the server refuses
		Schema send = registry.getSchema(SchemaLocation.of(DOCUMENT + "#/components/messages/chatMessageRequest/payload"));
		assertThat(send.validate(JSON.readTree("{\"type\":\"chatMessage\",\"conversationId\":\"nope\",\"content\":\"\"}"),
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))).isNotEmpty();
	}

	private static JsonNode send(ChatClient client, List<String> sent, String message, String answer) {
		sent.add(message);
		client.send(message);
		return client.next(answer);
	}

	private static void assertValid(SchemaRegistry registry, String pointer, String message) {
		Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT + pointer));
		List<Error> errors = schema.validate(JSON.readTree(message),
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
		assertThat(errors).as(message + " against " + pointer).isEmpty();
	}

	private static List<String> messageNames(JsonNode document, String channel) {
		List<String> names = new ArrayList<>();
		document.get("channels").get(channel).get("messages").forEach(message -> {
			JsonNode resolved = message.has("$ref") ? document.at(message.get("$ref").asString().substring(1)) : message;
			names.add(resolved.get("name").asString());
		});
		return names;
	}

	private static void collectRefs(JsonNode node, List<String> refs) {
		if (node.isObject()) {
			node.properties().forEach(entry -> {
				if (entry.getKey().equals("$ref")) {
					refs.add(entry.getValue().asString());
				}
				else {
					collectRefs(entry.getValue(), refs);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach(child -> collectRefs(child, refs));
		}
	}

}
