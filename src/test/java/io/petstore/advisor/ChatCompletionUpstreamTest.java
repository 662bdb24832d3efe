package io.petstore.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.petstore.advisor.PetAdvisor.Role;
import io.petstore.advisor.PetAdvisor.Turn;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code petstore.chat.upstream.*} set: the conversation goes to an OpenAI-compatible endpoint
 * (a fake one in this test, a JDK HttpServer) with the catalog facts in the system prompt, and its
 * stream comes back through, cut to maxTokens, with the disclaimer. An upstream that answers 500,
 * one that never answers and one that hangs up are a 502 or 503 problem within the configured
 * timeout, never a hang; the support chat's {@link PetAdvisor#reply} answers offline instead.
 */
class ChatCompletionUpstreamTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PASSWORD = "Upstream-Pass-123!";

	/** What the fake upstream does: "sse", "json", "error", "silent", "hangup", "long", "broken". */
	private static volatile String mode = "sse";

	private static final AtomicReference<String> lastRequest = new AtomicReference<>();

	private static final AtomicReference<String> lastAuthorization = new AtomicReference<>();

	private static final CountDownLatch never = new CountDownLatch(1);

	private static final HttpServer UPSTREAM = start();

	@DynamicPropertySource
	static void upstream(DynamicPropertyRegistry registry) {
		registry.add("petstore.chat.upstream.base-url", () -> "http://127.0.0.1:" + UPSTREAM.getAddress().getPort() + "/v1");
		registry.add("petstore.chat.upstream.api-key", () -> "test-upstream-key");
		registry.add("petstore.chat.upstream.model", () -> "fake-model-1");
		registry.add("petstore.chat.upstream.first-byte-timeout", () -> "1500ms");
	}

	@AfterAll
	static void stop() {
		never.countDown();
		UPSTREAM.stop(0);
	}

	@Autowired
	PetAdvisor advisor;

	@Autowired
	CallContexts contexts;

	@Test
	void theUpstreamAnswersWithTheCatalogFactsInItsSystemPrompt() throws Exception {
		mode = "sse";
		String token = register();
		ApiClient user = as(token);
		String catId = AdvisorTest.createPet(user, "Up-Clementine", "CAT", "55.00", true, "AVAILABLE");
		Reply reply = user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"USER\","
				+ "\"content\":\"Which available cats are good with kids under 100 USD?\"}],\"stream\":false,\"temperature\":0.5}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		String content = reply.json().get("choices").get(0).get("message").get("content").asString();
		assertThat(content).isEqualTo("Hello from upstream, friend.\n\n" + Answer.DISCLAIMER);
		assertThat(reply.json().get("usage").get("completionTokens").asInt()).isEqualTo(ChatCompletionTest.count(content));
		assertThat(reply.json().get("choices").get(0).get("finishReason").asString()).isEqualTo("STOP");

		JsonNode sent = JSON.readTree(lastRequest.get());
		assertThat(lastAuthorization.get()).isEqualTo("Bearer test-upstream-key");
		assertThat(sent.get("model").asString()).isEqualTo("fake-model-1");
		assertThat(sent.get("stream").asBoolean()).isTrue();
		assertThat(sent.get("temperature").asDouble()).isEqualTo(0.5);
		assertThat(sent.get("max_tokens").asInt()).isEqualTo(1024);
		JsonNode system = sent.get("messages").get(0);
		assertThat(system.get("role").asString()).isEqualTo("system");
		assertThat(system.get("content").asString()).contains("Up-Clementine", catId, "55.00 USD");
		assertThat(sent.get("messages").get(1).get("role").asString()).isEqualTo("user");

		// streamed through, in our chunks
		String stream = user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\"}]}").body();
		assertThat(stream).contains("\"content\":\"Hello from\"", "\"content\":\" upstream, friend.\"", "data: [DONE]");

		// an upstream that ignores stream:true and answers JSON works too
		mode = "json";
		Reply json = user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\"}],\"stream\":false}");
		assertThat(json.json().get("choices").get(0).get("message").get("content").asString())
			.isEqualTo("A whole answer.\n\n" + Answer.DISCLAIMER);
	}

	@Test
	void aLongUpstreamAnswerIsCutToMaxTokens() {
		mode = "long";
		ApiClient user = as(register());
		Reply reply = user.postJson("/v1/chat/completions",
				"{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\"}],\"stream\":false,\"maxTokens\":30}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		String content = reply.json().get("choices").get(0).get("message").get("content").asString();
		assertThat(reply.json().get("choices").get(0).get("finishReason").asString()).isEqualTo("LENGTH");
		assertThat(ChatCompletionTest.count(content)).isEqualTo(30).isEqualTo(reply.json().get("usage").get("completionTokens").asInt());
		assertThat(content).startsWith("word word").endsWith(Answer.DISCLAIMER);
	}

	@Test
	void upstreamFailuresAreProblemsWithinTheTimeout() {
		ApiClient user = as(register());
		String body = "{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\"}],\"stream\":false}";
		String streamed = "{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\"}]}";

		mode = "error";
		Reply error = user.postJson("/v1/chat/completions", body);
		assertThat(error.status()).as(error.toString()).isEqualTo(502);
		assertThat(error.contentType()).startsWith("application/problem+json");
		assertThat(error.json().get("detail").asString()).contains("HTTP 500");
		assertThat(user.postJson("/v1/chat/completions", streamed).status()).isEqualTo(502);

		mode = "silent";
		for (String request : List.of(body, streamed)) {
			Instant start = Instant.now();
			Reply silent = user.postJson("/v1/chat/completions", request);
			assertThat(silent.status()).as(silent.toString()).isEqualTo(503);
			assertThat(silent.contentType()).startsWith("application/problem+json");
			assertThat(silent.header("Retry-After")).isNotNull();
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(6));
		}

		// a stream that breaks off mid-way ends with an error event instead of [DONE]
		mode = "broken";
		String broken = user.postJson("/v1/chat/completions", streamed).body();
		assertThat(broken).contains("\"content\":\"Hello from\"", "event: error", "upstream-failure", "unreadable")
			.doesNotContain("[DONE]");
		Reply brokenWhole = user.postJson("/v1/chat/completions", body);
		assertThat(brokenWhole.status()).as(brokenWhole.toString()).isEqualTo(502);

		mode = "hangup";
		Reply hangup = user.postJson("/v1/chat/completions", body);
		assertThat(hangup.status()).as(hangup.toString()).isIn(502, 503);
		assertThat(hangup.contentType()).startsWith("application/problem+json");

		// the support chat's seam answers offline instead
		mode = "error";
		PetAdvisor.Reply offline = advisor.reply(contexts.openWithoutCounting(new Credentials(registerToken(), tenant.toString(),
				new Origin("TEST", "127.0.0.1", "junit", "reply"))), List.of(new Turn(Role.USER, "How do I litter train a rabbit?")), 500);
		assertThat(offline.content()).contains("litter").endsWith(Answer.DISCLAIMER);
	}

	private static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool(task -> {
				Thread thread = new Thread(task, "fake-upstream");
				thread.setDaemon(true);
				return thread;
			}));
			server.createContext("/v1/chat/completions", ChatCompletionUpstreamTest::answer);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void answer(HttpExchange exchange) throws IOException {
		lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		lastAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
		switch (mode) {
			case "error" -> {
				byte[] body = "{\"error\":{\"message\":\"boom\"}}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(500, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			}
			case "silent" -> {
				try {
					never.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
			}
			case "hangup" -> exchange.close();
			case "json" -> {
				byte[] body = "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A whole answer.\"},\"finish_reason\":\"stop\"}]}"
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			}
			default -> {
				exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
				exchange.sendResponseHeaders(200, 0);
				OutputStream out = exchange.getResponseBody();
				if (mode.equals("broken")) {
					out.write("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello from\"}}]}\n\ndata: {not json\n\n"
						.getBytes(StandardCharsets.UTF_8));
					exchange.close();
					return;
				}
				List<String> pieces = mode.equals("long") ? java.util.Collections.nCopies(200, "word ") : List.of("Hello from", " upstream, friend.");
				try {
					out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"},\"finish_reason\":null}]}\n\n")
						.getBytes(StandardCharsets.UTF_8));
					for (String piece : pieces) {
						out.write(("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + piece + "\"},\"finish_reason\":null}]}\n\n")
							.getBytes(StandardCharsets.UTF_8));
						out.flush();
					}
					out.write("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n"
						.getBytes(StandardCharsets.UTF_8));
				}
				catch (IOException gone) {
					// the advisor stopped reading (maxTokens reached)
				}
				exchange.close();
			}
		}
	}

	private String registerToken() {
		return register();
	}

	private String register() {
		String username = "up" + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Up\",\"lastName\":\"Stream\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	private ApiClient as(String token) {
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);
	}

}
