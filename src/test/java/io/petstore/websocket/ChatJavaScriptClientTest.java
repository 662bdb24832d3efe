package io.petstore.websocket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.NodeProject;
import io.petstore.support.Reply;
import io.petstore.support.TestDatabase;
import io.petstore.support.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebSocket chat driven by the npm {@code ws} client (src/test/chat-js, installed with
 * {@code npm ci} into target/chat-js): a whole conversation between a customer, the advisor and a
 * STAFF agent, then the server is restarted on the same database and the history is still there.
 * The AsyncAPI document is checked with {@code @asyncapi/parser} on the way. Skipped without node
 * and npm.
 */
class ChatJavaScriptClientTest {

	private static final NodeProject NODE = NodeProject.of("chat-js", "ws", "--ignore-scripts");

	@Test
	void aConversationWithTheWsClientSurvivesARestart() {
		NODE.install();
		String url = TestDatabase.newDatabaseUrl("chat_js");
		UUID tenant = UUID.randomUUID();
		Map<String, String> env = new HashMap<>();
		env.put("PETSTORE_TENANT", tenant.toString());
		JsonNode conversation;
		String customerToken;
		try (ConfigurableApplicationContext first = TestServers.start(url)) {
			String base = TestServers.base(first);
			ApiClient api = new ApiClient(base, null, tenant);
			String[] customer = register(api, "jscust");
			String[] agent = register(api, "jsstaff");
			customerToken = customer[2];
			Reply signIn = api.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"Admin-Pass-123\"}");
			assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
			Reply granted = new ApiClient(base, null, tenant).withToken(signIn.json().get("token").asString())
				.send("PATCH", "/v1/admin/users/" + agent[0] + "/role", "application/json", "{\"role\":\"STAFF\"}");
			assertThat(granted.status()).as(granted.toString()).isEqualTo(200);

			env.put("PETSTORE_WS_URL", base.replace("http://", "ws://") + "/v1/ws/chat");
			env.put("PETSTORE_BASE_URL", base);
			env.put("CUSTOMER_TOKEN", customer[2]);
			env.put("AGENT_TOKEN", agent[2]);
			conversation = script("conversation", env);

			assertThat(conversation.get("customerConnected").get("user").get("role").asString()).isEqualTo("CUSTOMER");
			assertThat(conversation.get("agentConnected").get("user").get("role").asString()).isEqualTo("AGENT");
			assertThat(conversation.get("agentConnected").get("user").get("username").asString()).isEqualTo(agent[1]);
			String id = conversation.get("conversationId").asString();
			assertThat(conversation.get("opened").get("conversation").get("agent").isNull()).isTrue();
			assertThat(conversation.get("ack").get("clientMessageId").asString()).isEqualTo("js-1");
			assertThat(conversation.get("own").get("content").asString()).isEqualTo("How often should I feed my kitten?");
			JsonNode advice = conversation.get("advice");
			assertThat(advice.get("sender").get("role").asString()).isEqualTo("ADVISOR");
			assertThat(advice.get("content").asString()).containsIgnoringCase("kitten").contains("Not veterinary advice");
			assertThat(conversation.get("agentJoined").get("conversation").get("agent").get("id").asString()).isEqualTo(agent[0]);
			assertThat(ids(conversation.get("agentJoined").get("history"))).containsExactly(conversation.get("ack").get("id").asString(),
					advice.get("id").asString());
			assertThat(conversation.get("assignedOnJoin").get("agent").get("username").asString()).isEqualTo(agent[1]);
			assertThat(conversation.get("assigned").get("conversationId").asString()).isEqualTo(id);
			assertThat(conversation.get("fromAgent").get("id").asString()).isEqualTo(conversation.get("agentAck").get("id").asString());
			assertThat(conversation.get("delivered").get("messageId").asString()).isEqualTo(conversation.get("fromAgent").get("id").asString());
			assertThat(conversation.get("delivered").get("userId").asString()).isEqualTo(customer[0]);
			assertThat(conversation.get("typingStarted").get("user").get("id").asString()).isEqualTo(customer[0]);
			assertThat(conversation.get("typingStopped").get("user").get("username").asString()).isEqualTo(customer[1]);
			assertThat(conversation.get("thanks").get("sender").get("role").asString()).isEqualTo("CUSTOMER");
			JsonNode bad = conversation.get("badRequest");
			assertThat(bad.get("code").asString()).isEqualTo("BAD_REQUEST");
			assertThat(bad.get("fields").get(0).get("field").asString()).isEqualTo("conversationId");
			assertThat(conversation.get("refused").get("status").asInt()).isEqualTo(401);
			assertThat(conversation.get("refused").get("contentType").asString()).startsWith("application/problem+json");
			assertThat(conversation.get("refused").get("body").get("status").asInt()).isEqualTo(401);
			// once an agent has the conversation the advisor is silent; the customer never sees its own typing
			assertThat(strings(conversation.get("customerMessages"), "sender.role")).containsOnlyOnce("ADVISOR");
			assertThat(strings(conversation.get("customerTypes"), null)).doesNotContain("typingStarted", "messageDelivered");

			// the AsyncAPI document, read by the AsyncAPI initiative's parser
			JsonNode asyncapi = script("asyncapi", env);
			for (String path : List.of("/v1/asyncapi.yaml", "/v1/asyncapi.json")) {
				JsonNode parsed = asyncapi.get(path);
				assertThat(parsed.get("status").asInt()).as(path).isEqualTo(200);
				assertThat(parsed.get("errors")).as(path + ": " + parsed.get("errors")).isEmpty();
				assertThat(parsed.get("version").asString()).isEqualTo("3.0.0");
				assertThat(strings(parsed.get("channels"), null)).contains("supportChat", "socketIo", "liveEvents", "chatCompletions");
				assertThat(strings(parsed.get("messages"), null)).contains("chatMessage", "joinChat", "connected", "error");
			}
		}
		try (ConfigurableApplicationContext second = TestServers.start(url)) {
			String base = TestServers.base(second);
			env.put("PETSTORE_WS_URL", base.replace("http://", "ws://") + "/v1/ws/chat");
			env.put("CUSTOMER_TOKEN", customerToken);
			env.put("CONVERSATION_ID", conversation.get("conversationId").asString());
			JsonNode history = script("history", env).get("joined").get("history");
			List<String> before = new ArrayList<>();
			conversation.get("customerMessages").forEach(message -> {
				if (message.get("type").asString().equals("chatMessage")) {
					before.add(message.get("id").asString() + " " + message.get("sender").get("role").asString() + " "
							+ message.get("content").asString() + " " + message.get("sentAt").asString());
				}
			});
			List<String> after = new ArrayList<>();
			history.forEach(message -> after.add(message.get("id").asString() + " " + message.get("sender").get("role").asString() + " "
					+ message.get("content").asString() + " " + message.get("sentAt").asString()));
			assertThat(after).as("the history after the restart").hasSize(4).isEqualTo(before);
			assertThat(script("history", env).get("joined").get("conversation").get("agent").get("username").asString())
				.isNotBlank();
		}
	}

	private static String[] register(ApiClient api, String prefix) {
		String username = prefix + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Jo\",\"lastName\":\"Script\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"SecurePass123!\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return new String[] { reply.json().get("id").asString(), username, reply.json().get("token").asString() };
	}

	private static List<String> ids(JsonNode messages) {
		List<String> ids = new ArrayList<>();
		messages.forEach(message -> ids.add(message.get("id").asString()));
		return ids;
	}

	/** The values of an array (or of a field path of its elements). */
	private static List<String> strings(JsonNode array, String path) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> {
			JsonNode node = value;
			if (path != null) {
				for (String part : path.split("\\.")) {
					node = node.path(part);
				}
			}
			if (!node.isMissingNode()) {
				values.add(node.asString());
			}
		});
		return values;
	}

	// node

	private static JsonNode script(String name, Map<String, String> environment) {
		return NODE.script(name, environment, 120);
	}

}
