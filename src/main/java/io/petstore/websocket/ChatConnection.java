package io.petstore.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.web.socket.WebSocketSession;

import reactor.core.Disposable;

import io.petstore.auth.CallContext;
import io.petstore.supportchat.ChatEvent;
import io.petstore.supportchat.ChatLimits;
import io.petstore.supportchat.ChatMessage;
import io.petstore.supportchat.Connected;

/** One open chat connection: who it is, what it has joined, its outgoing queue and its rate. */
final class ChatConnection {

	final WebSocketSession session;

	final CallContext call;

	final String token;

	final Connected connected;

	final Outbox outbox;

	private final Map<UUID, Feed> feeds = new ConcurrentHashMap<>();

	private final TokenBucket bucket;

	private volatile Disposable live;

	private int rejected;

	private long rejectedSince;

	/** Counts a message refused for the rate; answers how many were refused in the last 10 seconds. */
	synchronized int refused() {
		long now = System.nanoTime();
		if (rejected == 0 || now - rejectedSince > 10_000_000_000L) {
			rejected = 0;
			rejectedSince = now;
		}
		return ++rejected;
	}

	ChatConnection(WebSocketSession session, CallContext call, String token, Connected connected, ChatLimits limits, Runnable onCutOff) {
		this.session = session;
		this.call = call;
		this.token = token;
		this.connected = connected;
		this.outbox = new Outbox(session, limits.sendBufferBytes(), limits.sendTimeLimit().toNanos(), onCutOff);
		this.bucket = new TokenBucket(limits.rateBurst(), limits.ratePerSecond());
	}

	void send(String text) {
		outbox.send(text);
	}

	boolean tryTake() {
		return bucket.tryTake();
	}

	void live(Disposable subscription) {
		this.live = subscription;
	}

	int joined() {
		return feeds.size();
	}

	boolean hasJoined(UUID conversationId) {
		return feeds.containsKey(conversationId);
	}

	/** Starts (or restarts) the conversation's feed, holding its events back until {@link Feed#open}. */
	Feed feed(UUID conversationId, Function<ChatEvent, String> render) {
		Feed feed = new Feed(render);
		Feed previous = feeds.put(conversationId, feed);
		if (previous != null) {
			previous.dispose();
		}
		return feed;
	}

	void leave(UUID conversationId, Feed feed) {
		if (feeds.remove(conversationId, feed)) {
			feed.dispose();
		}
	}

	void leave(UUID conversationId) {
		Feed feed = feeds.remove(conversationId);
		if (feed != null) {
			feed.dispose();
		}
	}

	void close() {
		outbox.close();
		feeds.values().forEach(Feed::dispose);
		feeds.clear();
		Disposable subscription = live;
		if (subscription != null) {
			subscription.dispose();
		}
	}

	/** One joined conversation's events; held back while the {@code joined} answer is being made, then sent in order. */
	final class Feed {

		private final Function<ChatEvent, String> render;

		private List<ChatEvent> held = new ArrayList<>();

		private Set<UUID> history = Set.of();

		private volatile Disposable subscription;

		Feed(Function<ChatEvent, String> render) {
			this.render = render;
		}

		void subscribe(Disposable subscription) {
			this.subscription = subscription;
		}

		void accept(ChatEvent event) {
			synchronized (this) {
				if (held != null) {
					held.add(event);
					return;
				}
				if (event instanceof ChatMessage message && history.contains(message.id())) {
					return;
				}
				send(render.apply(event));
			}
		}

		/** Sends what was held back (except messages the history had), then everything as it comes. */
		synchronized void open(Set<UUID> historyIds) {
			this.history = historyIds;
			List<ChatEvent> pending = held;
			held = null;
			for (ChatEvent event : pending) {
				if (event instanceof ChatMessage message && historyIds.contains(message.id())) {
					continue;
				}
				send(render.apply(event));
			}
		}

		void dispose() {
			Disposable current = subscription;
			if (current != null) {
				current.dispose();
			}
		}

	}

	/** A token bucket: {@code capacity} at once, refilled at {@code perSecond}. */
	static final class TokenBucket {

		private final double capacity;

		private final double perNano;

		private double tokens;

		private long last = System.nanoTime();

		TokenBucket(int capacity, int perSecond) {
			this.capacity = capacity;
			this.perNano = perSecond / 1e9;
			this.tokens = capacity;
		}

		synchronized boolean tryTake() {
			long now = System.nanoTime();
			tokens = Math.min(capacity, tokens + (now - last) * perNano);
			last = now;
			if (tokens >= 1) {
				tokens -= 1;
				return true;
			}
			return false;
		}

	}

}
