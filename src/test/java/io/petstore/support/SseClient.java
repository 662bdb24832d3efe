package io.petstore.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Server-Sent Events client on the JDK's HttpClient: reads the stream line by line on a thread of
 * its own (the text/event-stream rules: {@code id:}, {@code event:}, {@code data:}, comments, a
 * blank line ends an event) and queues the events. {@link #close} drops the connection.
 */
public final class SseClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	/** One event as received. */
	public record Event(String id, String event, String data) {

		public JsonNode json() {
			return JSON.readTree(data);
		}

	}

	private final HttpResponse<InputStream> response;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final AtomicInteger comments = new AtomicInteger();

	private final Thread reader;

	private volatile boolean ended;

	private SseClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new Thread(this::read, "sse-client");
		this.reader.setDaemon(true);
		if (response.statusCode() == 200) {
			reader.start();
		}
	}

	/** GETs the stream; answers once the response headers have arrived (the stream is subscribed then). */
	public static SseClient connect(String url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").GET();
		headers.forEach(request::header);
		try {
			return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public int status() {
		return response.statusCode();
	}

	public String header(String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	/** The body of a refusal (not a stream). */
	public String body() {
		try (InputStream in = response.body()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The next event, or null after the timeout. */
	public Event next(Duration timeout) {
		try {
			return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Exactly the next {@code count} events, each within the timeout; fails otherwise. */
	public List<Event> take(int count, Duration timeout) {
		List<Event> taken = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Event event = next(timeout);
			if (event == null) {
				throw new AssertionError("expected " + count + " events, got " + taken.size() + " within " + timeout + ": " + taken);
			}
			taken.add(event);
		}
		return taken;
	}

	/** The next event of this type, skipping others, or null after the timeout. */
	public Event nextOf(String type, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
			if (event != null && type.equals(event.event())) {
				return event;
			}
		}
		return null;
	}

	/** The events queued now (taken from the queue). */
	public List<Event> drain() {
		List<Event> drained = new ArrayList<>();
		events.drainTo(drained);
		return drained;
	}

	/** How many comment lines (heartbeats, the greeting) arrived. */
	public int comments() {
		return comments.get();
	}

	/** Whether the server ended the stream. */
	public boolean ended() {
		return ended;
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String id = null;
			String type = null;
			StringBuilder data = null;
			String line;
			while ((line = lines.readLine()) != null) {
				if (line.isEmpty()) {
					if (data != null) {
						events.add(new Event(id, type == null ? "message" : type, data.toString()));
					}
					type = null;
					data = null;
					continue;
				}
				if (line.startsWith(":")) {
					comments.incrementAndGet();
					continue;
				}
				int colon = line.indexOf(':');
				String field = colon < 0 ? line : line.substring(0, colon);
				String value = colon < 0 ? "" : line.substring(colon + 1);
				if (value.startsWith(" ")) {
					value = value.substring(1);
				}
				switch (field) {
					case "id" -> id = value;
					case "event" -> type = value;
					case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
					default -> { }
				}
			}
		}
		catch (IOException closed) {
			// closed by close() or by the server
		}
		finally {
			ended = true;
		}
	}

	@Override
	public void close() {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
		}
		reader.interrupt();
	}

	/** Map of request headers, for {@link #connect}. */
	public static Map<String, String> headers(String... namesAndValues) {
		Map<String, String> headers = new java.util.LinkedHashMap<>();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			if (namesAndValues[i + 1] != null) {
				headers.put(namesAndValues[i], namesAndValues[i + 1]);
			}
		}
		return headers;
	}

}
