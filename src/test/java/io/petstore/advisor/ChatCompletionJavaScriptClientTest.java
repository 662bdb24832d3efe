package io.petstore.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.NodeProject;
import io.petstore.support.Reply;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/chat/completions} driven from Node 20 by the npm project in src/test/advisor-js
 * ({@code eventsource-parser} over {@code fetch} for the stream, {@code fetch} for the JSON answer),
 * installed with {@code npm ci} into target/advisor-js once per JVM. Skipped when node or npm is
 * missing.
 */
class ChatCompletionJavaScriptClientTest extends IntegrationTest {

	private static final NodeProject NODE = NodeProject.of("advisor-js", "eventsource-parser");

	@Test
	void eventsourceParserReadsTheStreamAndFetchTheJsonAnswer() {
		String token = register();
		ApiClient user = new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);
		String petId = AdvisorTest.createPet(user, "Js-Pippin", "RABBIT", "42.00", true, "AVAILABLE");
		String question = "Which available rabbits are good with kids under 50 USD?";

		JsonNode result = script(Map.of("PETSTORE_TOKEN", token, "QUESTION", question));

		JsonNode streamed = result.get("streamed");
		assertThat(streamed.get("status").asInt()).isEqualTo(200);
		assertThat(streamed.get("contentType").asString()).startsWith("text/event-stream");
		assertThat(streamed.get("done").asBoolean()).isTrue();
		assertThat(streamed.get("firstRole").asString()).isEqualTo("assistant");
		assertThat(streamed.get("finishReason").asString()).isEqualTo("STOP");
		List<String> ids = new ArrayList<>();
		streamed.get("ids").forEach(id -> ids.add(id.asString()));
		for (int i = 0; i < ids.size(); i++) {
			assertThat(ids.get(i)).isEqualTo(Integer.toString(i));
		}
		String text = streamed.get("text").asString();
		assertThat(text).contains("Js-Pippin", petId, "42.00 USD").endsWith(Answer.DISCLAIMER);
		assertThat(streamed.get("usage").get("completionTokens").asInt()).isEqualTo(ChatCompletionTest.count(text));

		JsonNode whole = result.get("whole");
		assertThat(whole.get("status").asInt()).isEqualTo(201);
		modernValidator().validateSchema("/components/schemas/ChatCompletion", whole.get("body").toString());
		assertThat(whole.get("body").get("choices").get(0).get("message").get("content").asString()).isEqualTo(text);
	}

	private String register() {
		String username = "js" + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Jay\",\"lastName\":\"Es\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"Js-Advisor-123!\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	// node

	private JsonNode script(Map<String, String> environment) {
		Map<String, String> env = new java.util.HashMap<>(environment);
		env.put("PETSTORE_BASE_URL", base());
		env.put("PETSTORE_TENANT", tenant.toString());
		return NODE.script("chat", env, 120);
	}

}
