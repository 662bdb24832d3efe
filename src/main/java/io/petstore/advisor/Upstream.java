package io.petstore.advisor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.petstore.advisor.PetAdvisor.Turn;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible chat completions endpoint ({@code petstore.chat.upstream.base-url} +
 * {@code /chat/completions}, with {@code .api-key} as bearer token and {@code .model}), spoken to
 * with the JDK's HTTP client (no Spring AI or LangChain4j: they bring Netty and Jackson 2). The
 * request always streams ({@code stream: true}); the answer is cut to {@code maxTokens} by the
 * advisor's own token rule and ends with the disclaimer, as offline. Connect timeout
 * {@code .connect-timeout} (5 s); the first byte and every further line must come within
 * {@code .first-byte-timeout} (30 s). Failures are {@link UpstreamFailure}s: 502 for an error
 * answer or an unreadable one, 503 when unreachable or silent.
 */
@Component
class Upstream implements DisposableBean {

	private final String baseUrl;

	private final String apiKey;

	private final String model;

	private final Duration firstByteTimeout;

	private final HttpClient http;

	private final JsonMapper json;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "advisor-upstream-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	Upstream(@Value("${petstore.chat.upstream.base-url:}") String baseUrl, @Value("${petstore.chat.upstream.api-key:}") String apiKey,
			@Value("${petstore.chat.upstream.model:}") String model,
			@Value("${petstore.chat.upstream.connect-timeout:5s}") Duration connectTimeout,
			@Value("${petstore.chat.upstream.first-byte-timeout:30s}") Duration firstByteTimeout, JsonMapper json) {
		this.baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
		this.apiKey = apiKey == null ? "" : apiKey.strip();
		this.model = model == null || model.isBlank() ? "gpt-4o-mini" : model.strip();
		this.firstByteTimeout = firstByteTimeout;
		this.json = json;
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	boolean configured() {
		return !baseUrl.isEmpty();
	}

	/** Sends the conversation; answers once the upstream's response headers are in. */
	Completion open(String systemPrompt, List<Turn> conversation, int maxTokens, double temperature, int promptTokens) {
		ObjectNode body = json.createObjectNode();
		body.put("model", model);
		ArrayNode messages = body.putArray("messages");
		messages.addObject().put("role", "system").put("content", systemPrompt);
		for (Turn turn : conversation) {
			messages.addObject().put("role", turn.role().name().toLowerCase(Locale.ROOT)).put("content", turn.content());
		}
		body.put("stream", true);
		body.put("max_tokens", maxTokens);
		body.put("temperature", temperature);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/chat/completions"))
			.timeout(firstByteTimeout)
			.header("Content-Type", "application/json")
			.header("Accept", "text/event-stream, application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (!apiKey.isEmpty()) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		HttpResponse<InputStream> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (HttpConnectTimeoutException ex) {
			throw new UpstreamFailure(HttpStatus.SERVICE_UNAVAILABLE, "The upstream model could not be reached (connect timeout).");
		}
		catch (HttpTimeoutException ex) {
			throw new UpstreamFailure(HttpStatus.SERVICE_UNAVAILABLE,
					"The upstream model did not answer within " + firstByteTimeout.toMillis() + " ms.");
		}
		catch (ConnectException ex) {
			throw new UpstreamFailure(HttpStatus.SERVICE_UNAVAILABLE, "The upstream model could not be reached.");
		}
		catch (IOException ex) {
			throw new UpstreamFailure(HttpStatus.SERVICE_UNAVAILABLE, "The upstream model could not be reached: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpstreamFailure(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted while waiting for the upstream model.");
		}
		if (response.statusCode() / 100 != 2) {
			close(response.body());
			throw new UpstreamFailure(HttpStatus.BAD_GATEWAY, "The upstream model answered HTTP " + response.statusCode() + ".");
		}
		boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
		return new Streamed(response.body(), stream, maxTokens, promptTokens);
	}

	/** The upstream's answer, read as it comes, cut to the token budget, then the disclaimer. */
	private final class Streamed implements Completion {

		private final InputStream in;

		private final BufferedReader reader;

		private final boolean stream;

		private final int budget;

		private final boolean disclaimer;

		private final int promptTokens;

		private final StringBuilder text = new StringBuilder();

		private boolean truncated;

		private boolean ended;

		private boolean finished;

		Streamed(InputStream in, boolean stream, int maxTokens, int promptTokens) {
			this.in = in;
			this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			this.stream = stream;
			this.disclaimer = maxTokens > Answer.DISCLAIMER_TOKENS;
			this.budget = disclaimer ? maxTokens - Answer.DISCLAIMER_TOKENS : maxTokens;
			this.promptTokens = promptTokens;
		}

		@Override
		public String next() {
			while (!ended) {
				String delta = stream ? nextDelta() : whole();
				if (delta == null) {
					ended = true;
					close();
					break;
				}
				if (delta.isEmpty()) {
					continue;
				}
				String joined = text + delta;
				if (Tokens.count(joined) <= budget) {
					text.append(delta);
					return delta;
				}
				String cut = Tokens.truncate(joined, budget);
				String piece = cut.length() > text.length() ? cut.substring(text.length()) : "";
				text.append(piece);
				truncated = true;
				ended = true;
				close();
				if (!piece.isEmpty()) {
					return piece;
				}
			}
			if (!finished) {
				finished = true;
				if (disclaimer) {
					String last = text.length() == 0 ? Answer.DISCLAIMER : "\n\n" + Answer.DISCLAIMER;
					text.append(last);
					return last;
				}
			}
			return null;
		}

		/** The next content delta of the event stream ("" for an event without content), null at its end. */
		private String nextDelta() {
			String line;
			while ((line = readLine()) != null) {
				if (!line.startsWith("data:")) {
					continue;
				}
				String data = line.substring(5).strip();
				if (data.equals("[DONE]")) {
					return null;
				}
				JsonNode choice = parse(data).path("choices").path(0);
				if ("length".equalsIgnoreCase(choice.path("finish_reason").asString(""))
						|| "length".equalsIgnoreCase(choice.path("finishReason").asString(""))) {
					truncated = true;
				}
				return choice.path("delta").path("content").asString("");
			}
			return null;
		}

		private boolean wholeRead;

		/** A non-streamed JSON answer (an upstream that ignores {@code stream}): its content at once. */
		private String whole() {
			if (wholeRead) {
				return null;
			}
			wholeRead = true;
			StringBuilder all = new StringBuilder();
			String line;
			while ((line = readLine()) != null) {
				all.append(line).append('\n');
			}
			JsonNode choice = parse(all.toString()).path("choices").path(0);
			if ("length".equalsIgnoreCase(choice.path("finish_reason").asString(""))) {
				truncated = true;
			}
			return choice.path("message").path("content").asString("");
		}

		private JsonNode parse(String data) {
			try {
				return json.readTree(data);
			}
			catch (JacksonException ex) {
				close();
				throw new UpstreamFailure(HttpStatus.BAD_GATEWAY, "The upstream model sent an unreadable answer.");
			}
		}

		/** One line, within the first-byte timeout (the stream is closed past it). */
		private String readLine() {
			ScheduledFuture<?> alarm = watchdog.schedule(this::close, firstByteTimeout.toMillis(), TimeUnit.MILLISECONDS);
			try {
				return reader.readLine();
			}
			catch (IOException ex) {
				throw new UpstreamFailure(alarm.isDone() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY,
						alarm.isDone() ? "The upstream model stopped answering." : "The upstream model's answer broke off.");
			}
			finally {
				alarm.cancel(false);
			}
		}

		@Override
		public Answer finish() {
			String all = text.toString();
			return new Answer(all, truncated, promptTokens, Tokens.count(all));
		}

		@Override
		public void close() {
			Upstream.close(in);
		}

	}

	private static void close(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ignored) {
			// closing is all that is wanted
		}
	}

	@Override
	public void destroy() {
		watchdog.shutdownNow();
	}

}
