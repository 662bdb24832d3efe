package io.petstore.advisor;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import io.petstore.auth.CallContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * createChatCompletion: {@code POST /v1/chat/completions}. {@code stream: false} answers 201 with a
 * {@code chat.completion}; {@code stream: true} (the default) answers 200 {@code text/event-stream}:
 * {@code chat.completion.chunk} events (the first delta names the role, then content deltas, then
 * {@code delta: {}} with {@code finishReason} and {@code usage}), then {@code data: [DONE]}; each
 * event has an {@code id:} (its number in the stream, from 0). Property names are camelCase in both
 * forms ({@code finishReason}, {@code promptTokens}).
 */
@RestController
class ChatCompletionController {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Advisor advisor;

	private final ChatStreams streams;

	private final JsonMapper json;

	ChatCompletionController(Advisor advisor, ChatStreams streams, JsonMapper json) {
		this.advisor = advisor;
		this.streams = streams;
		this.json = json;
	}

	@PostMapping(path = "/v1/chat/completions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> createChatCompletion(CallContext call, @Valid @RequestBody ChatCompletionRequest request) {
		Model model = request.modelOrDefault();
		Completion completion = advisor.start(call, request.turns(), model, request.maxTokensOrDefault(),
				request.temperatureOrDefault());
		String id = "chatcmpl_" + HexFormat.of().formatHex(randomBytes());
		long created = Instant.now().getEpochSecond();
		if (!request.streamOrDefault()) {
			Answer answer;
			try {
				answer = completion.collect();
			}
			catch (IOException ex) {
				throw new UpstreamFailure(HttpStatus.BAD_GATEWAY, "The upstream model's answer broke off: " + ex.getMessage());
			}
			return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
				.body(new ChatCompletion(id, "chat.completion", created, model.name(),
						List.of(new ChatCompletion.Choice(0, new ChatCompletion.Message("assistant", answer.text()),
								answer.finishReason())),
						ChatCompletion.Usage.of(answer)));
		}
		ResponseBodyEmitter emitter;
		try {
			emitter = streams.start(sink -> stream(sink, completion, id, created, model));
		}
		catch (RuntimeException refused) {
			completion.close();
			throw refused;
		}
		return ResponseEntity.ok()
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.cacheControl(CacheControl.noCache())
			.header("X-Accel-Buffering", "no")
			.body(emitter);
	}

	/** The events of one streamed answer; an upstream failing mid-way ends it with an {@code error} event. */
	private void stream(ChatStreams.Sink sink, Completion completion, String id, long created, Model model) throws IOException {
		try (completion) {
			int n = 0;
			ObjectNode first = chunk(id, created, model);
			ObjectNode opening = first.withArray("choices").addObject().put("index", 0);
			opening.putObject("delta").put("role", "assistant").put("content", "");
			opening.putNull("finishReason");
			sink.event(Integer.toString(n++), null, json.writeValueAsString(first));
			String piece;
			while (true) {
				try {
					piece = completion.next();
				}
				catch (UpstreamFailure failure) {
					sink.event(Integer.toString(n), "error", json.writeValueAsString(
							io.petstore.v1.Problems.of(failure.status(), "upstream-failure", failure.getMessage(), "/v1/chat/completions", null)));
					return;
				}
				if (piece == null) {
					break;
				}
				streams.pause();
				ObjectNode delta = chunk(id, created, model);
				ObjectNode choice = delta.withArray("choices").addObject().put("index", 0);
				choice.putObject("delta").put("content", piece);
				choice.putNull("finishReason");
				sink.event(Integer.toString(n++), null, json.writeValueAsString(delta));
			}
			Answer answer = completion.finish();
			ObjectNode last = chunk(id, created, model);
			ObjectNode choice = last.withArray("choices").addObject().put("index", 0);
			choice.putObject("delta");
			choice.put("finishReason", answer.finishReason());
			last.set("usage", json.valueToTree(ChatCompletion.Usage.of(answer)));
			sink.event(Integer.toString(n++), null, json.writeValueAsString(last));
			sink.event(Integer.toString(n), null, "[DONE]");
		}
	}

	private ObjectNode chunk(String id, long created, Model model) {
		ObjectNode chunk = json.createObjectNode();
		chunk.put("id", id).put("object", "chat.completion.chunk").put("created", created).put("model", model.name());
		return chunk;
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[12];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(UpstreamFailure.class)
	ResponseEntity<Object> upstreamFailed(jakarta.servlet.http.HttpServletRequest request, UpstreamFailure failure) {
		ResponseEntity<Object> problem = io.petstore.v1.Problems.response(failure.status(), "upstream-failure",
				failure.getMessage(), request.getRequestURI(), null);
		if (failure.status() == HttpStatus.SERVICE_UNAVAILABLE) {
			return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders()).header("Retry-After", "5")
				.body(problem.getBody());
		}
		return problem;
	}

}
