package io.petstore.socketio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.petstore.auth.CallContext;
import io.petstore.supportchat.ChatLimits;
import io.petstore.v1.DomainException;

/**
 * Connections per user on this instance ({@code petstore.chat.connections-per-user}, 10 by
 * default): one more is refused at its handshake with TOO_MANY_REQUESTS; a closed connection
 * frees its place.
 */
@Component
class ConnectionLimits {

	private final int perUser;

	private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();

	ConnectionLimits(ChatLimits limits) {
		this.perUser = limits.connectionsPerUser();
	}

	void acquire(SocketIoGate.Connection connection, CallContext context) {
		String key = context.tenant().id() + "/" + context.user().userId();
		AtomicInteger count = open.computeIfAbsent(key, k -> new AtomicInteger());
		if (count.incrementAndGet() > perUser) {
			count.decrementAndGet();
			throw DomainException.tooManyAttempts("At most " + perUser + " Socket.IO connections per user; close one first.", 5);
		}
		AtomicBoolean released = new AtomicBoolean();
		connection.release = () -> {
			if (released.compareAndSet(false, true)) {
				open.computeIfPresent(key, (k, c) -> c.decrementAndGet() <= 0 ? null : c);
			}
		};
	}

	/** Open connections of every user (for tests: back to zero once all are closed). */
	int total() {
		return open.values().stream().mapToInt(AtomicInteger::get).sum();
	}

}
