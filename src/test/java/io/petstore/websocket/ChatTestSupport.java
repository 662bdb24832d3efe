package io.petstore.websocket;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** Users, agents, pets and chat connections for the WebSocket chat tests. */
abstract class ChatTestSupport extends IntegrationTest {

	static final String PASSWORD = "SecurePass123!";

	record Account(String id, String username, String token) {
	}

	Account register(String prefix) {
		return register(tenant, prefix);
	}

	Account register(UUID tenantId, String prefix) {
		String username = prefix + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = clientFor(tenantId).postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Kyle\",\"lastName\":\"Kihn\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return new Account(reply.json().get("id").asString(), username, reply.json().get("token").asString());
	}

	/** A new user whom the administrator gives the STAFF role (through the Admin API). */
	Account agent(String prefix) {
		Account account = register(prefix);
		Reply granted = admin().send("PATCH", "/v1/admin/users/" + account.id() + "/role", "application/json", "{\"role\":\"STAFF\"}");
		assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
		assertThat(granted.json().get("role").asString()).isEqualTo("STAFF");
		return account;
	}

	ApiClient as(Account account) {
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(account.token());
	}

	String wsUrl() {
		return "ws://127.0.0.1:" + port + "/v1/ws/chat";
	}

	/** Connects with the token in the query (as published) and the tenant in ?tenant=; takes the {@code connected} message. */
	ChatClient connect(Account account) {
		ChatClient client = ChatClient.connect(wsUrl() + "?token=" + account.token() + "&tenant=" + tenant, Map.of());
		JsonNode connected = client.next("connected");
		assertThat(connected.get("user").get("id").asString()).isEqualTo(account.id());
		return client;
	}

	/** Connects with {@code Authorization: Bearer} and {@code X-Tenant-ID}. */
	ChatClient connectWithHeaders(Account account) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Bearer " + account.token());
		headers.put("X-Tenant-ID", tenant.toString());
		ChatClient client = ChatClient.connect(wsUrl(), headers);
		client.next("connected");
		return client;
	}

	/** Opens a conversation; answers its id. */
	static String open(ChatClient client, String subject) {
		client.send("{\"type\":\"joinChat\",\"subject\":\"" + subject + "\"}");
		JsonNode joined = client.next("joined");
		return joined.get("conversation").get("id").asString();
	}

	String createPet(Account owner, String name, String price) {
		Reply reply = as(owner).postJson("/v1/pets", "{\"name\":\"" + name + "\",\"species\":\"DOG\",\"breed\":\"Beagle\",\"ageMonths\":14,"
				+ "\"size\":\"MEDIUM\",\"gender\":\"FEMALE\",\"goodWithKids\":true,\"price\":\"" + price + "\",\"currency\":\"USD\","
				+ "\"status\":\"AVAILABLE\",\"medicalInfo\":{\"vaccinated\":true,\"spayedNeutered\":false}}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	static String json(String type, String... pairs) {
		StringBuilder out = new StringBuilder("{\"type\":\"" + type + "\"");
		for (int i = 0; i < pairs.length; i += 2) {
			out.append(",\"").append(pairs[i]).append("\":\"").append(pairs[i + 1]).append('"');
		}
		return out.append('}').toString();
	}

}
