package io.petstore.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chat client on the JDK's own WebSocket client (java.net.http): keeps every message it
 * receives, in order, and the close code.
 */
final class ChatClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final List<JsonNode> received = new ArrayList<>();

	private final List<String> raw = new ArrayList<>();

	final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	private final java.util.BitSet taken = new java.util.BitSet();

	static ChatClient connect(String url, Map<String, String> headers) {
		ChatClient client = new ChatClient();
		WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
		headers.forEach(builder::header);
		client.socket = builder.buildAsync(URI.create(url), client.new Listener()).orTimeout(20, TimeUnit.SECONDS).join();
		return client;
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				String text = partial.toString();
				partial.setLength(0);
				synchronized (ChatClient.this) {
					raw.add(text);
					received.add(JSON.readTree(text));
					ChatClient.this.notifyAll();
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			closed.complete(statusCode);
			synchronized (ChatClient.this) {
				ChatClient.this.notifyAll();
			}
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			closed.complete(-1);
			synchronized (ChatClient.this) {
				ChatClient.this.notifyAll();
			}
		}

	}

	ChatClient send(String json) {
		socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
		return this;
	}

	ChatClient sendBinary() {
		socket.sendBinary(java.nio.ByteBuffer.wrap(new byte[] { 1, 2, 3 }), true).orTimeout(10, TimeUnit.SECONDS).join();
		return this;
	}

	CompletableFuture<WebSocket> ping() {
		return socket.sendPing(java.nio.ByteBuffer.wrap(new byte[] { 1 }));
	}

	/** The first message of this type not taken yet (waiting up to 10 s for it). */
	JsonNode next(String type) {
		return next(message -> type.equals(message.path("type").asString()), type, 10_000);
	}

	/** The first message not taken yet that matches (the others stay). */
	synchronized JsonNode next(Predicate<JsonNode> wanted, String what, long millis) {
		long deadline = System.currentTimeMillis() + millis;
		while (true) {
			for (int i = 0; i < received.size(); i++) {
				if (!taken.get(i) && wanted.test(received.get(i))) {
					taken.set(i);
					return received.get(i);
				}
			}
			long left = deadline - System.currentTimeMillis();
			if (left <= 0) {
				throw new AssertionError("no " + what + " within " + millis + " ms; received " + raw);
			}
			try {
				wait(left);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	/** Every message received so far of this type. */
	synchronized List<JsonNode> all(String type) {
		return received.stream().filter(message -> type.equals(message.path("type").asString())).toList();
	}

	synchronized List<String> raw() {
		return new ArrayList<>(raw);
	}

	int closeCode(long millis) {
		try {
			return closed.get(millis, TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("the connection was not closed within " + millis + " ms; received " + raw());
		}
	}

	boolean isOpen() {
		return !closed.isDone() && !socket.isOutputClosed();
	}

	@Override
	public void close() {
		if (!socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
		}
		socket.abort();
	}

	static void assertType(JsonNode message, String type) {
		assertThat(message.path("type").asString()).as(message.toString()).isEqualTo(type);
	}

}
