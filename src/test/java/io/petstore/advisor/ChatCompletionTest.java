package io.petstore.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.RawHttp;
import io.petstore.support.Reply;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions} over HTTP: the non-streamed 201 and the event stream, both
 * checked against the /v1 document; usage recounted by the documented token rule; bad input; a
 * client that leaves mid-stream; the cap on concurrent streams. Streams pause 20 ms between content
 * events here, so that a stream lasts long enough to be left, and at most 2 run at once.
 */
@TestPropertySource(properties = { "petstore.chat.stream-delay-ms=20", "petstore.chat.max-streams=2" })
class ChatCompletionTest extends IntegrationTest {

	private static final String PASSWORD = "Advisor-Pass-123!";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The rule of docs/advisor.md, written again here: letters/digits runs, or one other non-space character. */
	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+|[^\\p{L}\\p{N}\\s]");

	@Autowired
	ChatStreams streams;

	private String username;

	@Test
	void aNonStreamedAnswerNamesTheMatchingPetsAndCountsItsTokens() {
		ApiClient user = as(register());
		String match = AdvisorTest.createPet(user, "Chat-Marmalade", "CAT", "64.00", true, "AVAILABLE");
		String other = AdvisorTest.createPet(user, "Chat-Sovereign", "CAT", "640.00", true, "AVAILABLE");
		String question = "Which available cats are good with kids under 100 USD?";
		Reply reply = user.postJson("/v1/chat/completions",
				"{\"messages\":[{\"role\":\"USER\",\"content\":\"" + question + "\"}],\"stream\":false,\"temperature\":0}");

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		JsonNode body = reply.json();
		assertThat(body.get("id").asString()).matches("chatcmpl_[a-z0-9]+");
		assertThat(body.get("object").asString()).isEqualTo("chat.completion");
		assertThat(body.get("model").asString()).isEqualTo("PET_ADVISOR_1");
		assertThat(body.get("created").asLong()).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 5);
		JsonNode choice = body.get("choices").get(0);
		assertThat(choice.get("message").get("role").asString()).isEqualTo("assistant");
		assertThat(choice.get("finishReason").asString()).isEqualTo("STOP");
		String content = choice.get("message").get("content").asString();
		assertThat(content).contains("Chat-Marmalade", match, "64.00 USD").doesNotContain("Chat-Sovereign", other);
		assertThat(content).endsWith("Not veterinary advice: for a sick or injured animal, or any doubt about its health, ask a veterinarian.");
		JsonNode usage = body.get("usage");
		assertThat(usage.get("promptTokens").asInt()).isEqualTo(count(question)).isEqualTo(11);
		assertThat(usage.get("completionTokens").asInt()).isEqualTo(count(content));
		assertThat(usage.get("totalTokens").asInt()).isEqualTo(count(question) + count(content));

		// the same question at temperature 0 gets the same text
		Reply again = user.postJson("/v1/chat/completions",
				"{\"messages\":[{\"role\":\"USER\",\"content\":\"" + question + "\"}],\"stream\":false,\"temperature\":0}");
		assertThat(again.json().get("choices").get(0).get("message").get("content").asString()).isEqualTo(content);
		assertThat(again.json().get("id").asString()).isNotEqualTo(body.get("id").asString());
	}

	@Test
	void maxTokensCutsTheAnswerWithFinishReasonLengthAndTurboIsShorter() {
		ApiClient user = as(register());
		String messages = "\"messages\":[{\"role\":\"SYSTEM\",\"content\":\"You are kind.\"},"
				+ "{\"role\":\"USER\",\"content\":\"How often should I brush my dog's teeth and coat?\"}]";
		Reply cut = user.postJson("/v1/chat/completions", "{" + messages + ",\"stream\":false,\"maxTokens\":40}");
		assertThat(cut.status()).as(cut.toString()).isEqualTo(201);
		JsonNode choice = cut.json().get("choices").get(0);
		assertThat(choice.get("finishReason").asString()).isEqualTo("LENGTH");
		String content = choice.get("message").get("content").asString();
		assertThat(count(content)).isEqualTo(40).isEqualTo(cut.json().get("usage").get("completionTokens").asInt());
		assertThat(content).endsWith("ask a veterinarian.");

		Reply full = user.postJson("/v1/chat/completions", "{" + messages + ",\"stream\":false}");
		Reply turbo = user.postJson("/v1/chat/completions", "{" + messages + ",\"stream\":false,\"model\":\"PET_ADVISOR_TURBO\"}");
		assertThat(turbo.json().get("model").asString()).isEqualTo("PET_ADVISOR_TURBO");
		String fullText = full.json().get("choices").get(0).get("message").get("content").asString();
		String turboText = turbo.json().get("choices").get(0).get("message").get("content").asString();
		assertThat(fullText).contains("Grooming a dog");
		assertThat(count(turboText)).isLessThan(count(fullText));
		assertThat(turbo.json().get("choices").get(0).get("finishReason").asString()).isEqualTo("STOP");
	}

	@Test
	void aStreamedAnswerIsTheSameTextInChunksEndingWithDone() throws Exception {
		String token = register();
		String question = "What should I feed a rabbit?";
		String request = "{\"messages\":[{\"role\":\"USER\",\"content\":\"" + question + "\"}],\"maxTokens\":120}";
		HttpResponse<InputStream> response = openStream(token, request);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
		List<Event> events = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			Event event;
			while ((event = next(reader)) != null) {
				events.add(event);
			}
		}
		assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
		List<JsonNode> chunks = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.get(i).id()).as("event " + i + " has an id").isEqualTo(Integer.toString(i));
			if (i < events.size() - 1) {
				modernValidator().validateSchema("/components/schemas/ChatCompletionChunk", events.get(i).data());
				chunks.add(JSON.readTree(events.get(i).data()));
			}
		}
		assertThat(chunks).hasSizeGreaterThan(3);
		String id = chunks.get(0).get("id").asString();
		assertThat(id).matches("chatcmpl_[a-z0-9]+");
		assertThat(chunks).allSatisfy(chunk -> {
			assertThat(chunk.get("id").asString()).isEqualTo(id);
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
		});
		assertThat(chunks.get(0).get("choices").get(0).get("delta").get("role").asString()).isEqualTo("assistant");
		StringBuilder text = new StringBuilder();
		for (JsonNode chunk : chunks.subList(1, chunks.size() - 1)) {
			JsonNode choice = chunk.get("choices").get(0);
			assertThat(choice.get("finishReason").isNull()).isTrue();
			text.append(choice.get("delta").get("content").asString());
		}
		JsonNode last = chunks.get(chunks.size() - 1);
		assertThat(last.get("choices").get(0).get("delta").isEmpty()).isTrue();
		String finish = last.get("choices").get(0).get("finishReason").asString();
		assertThat(finish).isIn("STOP", "LENGTH");
		assertThat(last.get("usage").get("completionTokens").asInt()).isEqualTo(count(text.toString()));
		assertThat(last.get("usage").get("promptTokens").asInt()).isEqualTo(count(question));
		assertThat(text.toString()).contains("hay");

		// the same text as the non-streamed answer
		Reply whole = as(token).postJson("/v1/chat/completions", request.replace("}]", "}],\"stream\":false"));
		assertThat(whole.json().get("choices").get(0).get("message").get("content").asString()).isEqualTo(text.toString());
		assertThat(whole.json().get("choices").get(0).get("finishReason").asString()).isEqualTo(finish);
	}

	@Test
	void aClientThatLeavesMidStreamStopsTheProducer() throws Exception {
		String token = register();
		int before = streams.active();
		long stoppedBefore = streams.stopped();
		// a long answer: about 300 content events, 20 ms apart (6 s)
		HttpResponse<InputStream> response = openStream(token,
				"{\"messages\":[{\"role\":\"USER\",\"content\":\"Tell me about feeding, vaccination, grooming and illness in dogs and cats\"}],\"maxTokens\":4096}");
		assertThat(response.statusCode()).isEqualTo(200);
		BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
		Event first = next(reader);
		Event second = next(reader);
		assertThat(first.id()).isEqualTo("0");
		assertThat(second.id()).isEqualTo("1");
		assertThat(streams.active()).isEqualTo(before + 1);
		Instant left = Instant.now();
		response.body().close();

		Instant deadline = left.plusSeconds(3);
		while ((streams.active() != before || streams.stopped() == stoppedBefore) && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(streams.active()).as("producers running after the client left").isEqualTo(before);
		assertThat(streams.stopped()).as("streams stopped before their end").isEqualTo(stoppedBefore + 1);
		assertThat(Duration.between(left, Instant.now())).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void pastTheCapOnConcurrentStreamsANewOneIsA503() throws Exception {
		String token = register();
		int before = streams.active();
		String body = "{\"messages\":[{\"role\":\"USER\",\"content\":\"Tell me about grooming and illness in dogs and cats\"}],\"maxTokens\":4096}";
		List<HttpResponse<InputStream>> open = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			HttpResponse<InputStream> response = openStream(token, body);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(next(new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))).id()).isEqualTo("0");
			open.add(response);
		}
		HttpResponse<InputStream> refused = openStream(token, body);
		String problem = new String(refused.body().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(refused.statusCode()).as(problem).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(JSON.readTree(problem).get("detail").asString()).contains("streaming");
		for (HttpResponse<InputStream> response : open) {
			response.body().close();
		}
		Instant deadline = Instant.now().plusSeconds(3);
		while (streams.active() != before && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(streams.active()).isEqualTo(before);
		// and a new stream is accepted again
		HttpResponse<InputStream> again = openStream(token, "{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\"}],\"maxTokens\":30}");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(new String(again.body().readAllBytes(), StandardCharsets.UTF_8)).endsWith("data: [DONE]\n\n");
	}

	@Test
	void badInputIsAProblemNeverA500() throws Exception {
		String token = register();
		ApiClient user = as(token);
		String hello = "{\"role\":\"USER\",\"content\":\"hi\"}";
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[],\"stream\":false}"), 422, "messages");
		assertProblem(user.postJson("/v1/chat/completions", "{\"stream\":false}"), 422, "messages");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"WIZARD\",\"content\":\"hi\"}]}"), 422,
				"messages[0].role");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"USER\"}]}"), 422, "messages[0].content");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "],\"maxTokens\":0}"), 422, "maxTokens");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "],\"maxTokens\":5000}"), 422, "maxTokens");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "],\"temperature\":2.5}"), 422, "temperature");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "],\"model\":\"GPT_5\"}"), 422, "model");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "],\"stream\":\"yes\"}"), 422, "stream");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "],\"top_p\":1}"), 422, "top_p");
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"USER\",\"content\":\"hi\",\"name\":\"x\"}]}"),
				422, "messages[0].name");
		String tooLong = "a ".repeat(20_000);
		assertProblem(user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"USER\",\"content\":\"" + tooLong + "\"}]}"),
				422, "messages[0].content");
		Reply malformed = user.postJson("/v1/chat/completions", "{\"messages\":[{\"role\":\"USER\",");
		assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
		assertThat(malformed.contentType()).startsWith("application/problem+json");

		// 1 MB of content: past the server's body cap
		String huge = "{\"messages\":[{\"role\":\"USER\",\"content\":\"" + "x".repeat(1024 * 1024) + "\"}]}";
		String raw = RawHttp.exchange(port, tenant, "POST", "/v1/chat/completions", "application/json",
				huge.getBytes(StandardCharsets.UTF_8), false, "Authorization", "Bearer " + token);
		assertThat(raw).startsWith("HTTP/1.1 413");

		// no token, a token without chat:write
		Reply anonymous = api.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "]}");
		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		Reply narrow = api.postJson("/v1/auth/tokens",
				"{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\",\"scopes\":[\"read:pets\"]}");
		Reply forbidden = as(narrow.json().get("token").asString()).postJson("/v1/chat/completions",
				"{\"messages\":[" + hello + "],\"stream\":false}");
		assertThat(forbidden.status()).as(forbidden.toString()).isEqualTo(403);
		assertThat(forbidden.json().get("detail").asString()).contains("chat:write");
		// the streamed form refuses the same way, before any event
		assertThat(openStream(narrow.json().get("token").asString(), "{\"messages\":[" + hello + "]}").statusCode()).isEqualTo(403);

		// and the server goes on answering
		assertThat(user.postJson("/v1/chat/completions", "{\"messages\":[" + hello + "],\"stream\":false}").status()).isEqualTo(201);
	}

	private static void assertProblem(Reply reply, int status, String field) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		List<String> fields = new ArrayList<>();
		reply.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		assertThat(fields).as(reply.toString()).contains(field);
	}

	static int count(String text) {
		Matcher m = TOKEN.matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	record Event(String id, String event, String data) {
	}

	/** The next server-sent event (id, event, data lines up to a blank line), null at the end. */
	static Event next(BufferedReader reader) throws IOException {
		String id = null;
		String event = null;
		StringBuilder data = null;
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isEmpty()) {
				if (data != null) {
					return new Event(id, event, data.toString());
				}
				continue;
			}
			if (line.startsWith("id:")) {
				id = line.substring(3).strip();
			}
			else if (line.startsWith("event:")) {
				event = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				String value = line.substring(5);
				value = value.startsWith(" ") ? value.substring(1) : value;
				data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
			}
		}
		return data == null ? null : new Event(id, event, data.toString());
	}

	private HttpResponse<InputStream> openStream(String token, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/v1/chat/completions"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.header("X-Tenant-ID", tenant.toString())
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request,
				HttpResponse.BodyHandlers.ofInputStream());
	}

	private String register() {
		username = "chat" + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Cha\",\"lastName\":\"Tter\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("token").asString();
	}

	private ApiClient as(String token) {
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);
	}

}
