package io.petstore.websocket;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One connection's outgoing messages, written one after the other without ever blocking the
 * thread that sends (Jetty's asynchronous send): a publisher pushing to many connections is never
 * held up by one of them. A connection whose queue grows past {@code bufferLimit} characters, or
 * whose current write has been pending longer than {@code timeLimitNanos} when the next message
 * comes, is a slow consumer: it is cut off (the TCP connection dropped), and the others go on.
 * (Spring's {@code ConcurrentWebSocketSessionDecorator} applies the same limits, but its sends
 * block the sending thread until the write completes.)
 */
final class Outbox {

	private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

	private final WebSocketSession session;

	private final Session jetty;

	private final long bufferLimit;

	private final long timeLimitNanos;

	private final Runnable onCutOff;

	private final Deque<String> queue = new ArrayDeque<>();

	private long queued;

	private boolean sending;

	private boolean inline;

	private boolean completedInline;

	private long sendStarted;

	private boolean closed;

	private final Callback written = new Callback() {
		@Override
		public void succeed() {
			synchronized (Outbox.this) {
				if (inline) {
					completedInline = true;
					return;
				}
				sending = false;
				drain();
			}
		}

		@Override
		public void fail(Throwable failure) {
			LOG.debug("Chat send failed: {}", failure.toString());
			cutOff("write failed");
		}
	};

	Outbox(WebSocketSession session, long bufferLimit, long timeLimitNanos, Runnable onCutOff) {
		this.session = session;
		this.jetty = session instanceof org.springframework.web.socket.adapter.NativeWebSocketSession nativeSession
				? nativeSession.getNativeSession(Session.class) : null;
		this.bufferLimit = bufferLimit;
		this.timeLimitNanos = timeLimitNanos;
		this.onCutOff = onCutOff;
	}

	/** Queues a message; cuts the connection off if it is a slow consumer. Never blocks. */
	void send(String text) {
		boolean slow;
		synchronized (this) {
			if (closed) {
				return;
			}
			slow = queued + text.length() > bufferLimit || sending && System.nanoTime() - sendStarted > timeLimitNanos;
			if (!slow) {
				queue.add(text);
				queued += text.length();
				if (!sending) {
					drain();
				}
			}
		}
		if (slow) {
			cutOff("slow consumer");
		}
	}

	/** Characters waiting to be written. */
	synchronized long queued() {
		return queued;
	}

	private void drain() {
		while (!closed) {
			String next = queue.poll();
			if (next == null) {
				sending = false;
				return;
			}
			queued -= next.length();
			sending = true;
			sendStarted = System.nanoTime();
			if (jetty == null) {
				// not on Jetty (cannot happen in this server): a blocking send
				try {
					session.sendMessage(new TextMessage(next));
				}
				catch (IOException | RuntimeException ex) {
					closed = true;
					return;
				}
				continue;
			}
			inline = true;
			completedInline = false;
			try {
				jetty.sendText(next, written);
			}
			finally {
				inline = false;
			}
			if (!completedInline) {
				return; // the callback goes on
			}
		}
	}

	/** Drops the connection at once (no close handshake: the peer is not reading). */
	void cutOff(String why) {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
			queue.clear();
			queued = 0;
		}
		LOG.info("Chat connection {} cut off: {}", session.getId(), why);
		try {
			if (jetty != null) {
				jetty.disconnect();
			}
			else {
				session.close(CloseStatus.SESSION_NOT_RELIABLE);
			}
		}
		catch (IOException | RuntimeException ignored) {
			// already gone
		}
		onCutOff.run();
	}

	/** Stops sending (the connection is closing). */
	synchronized void close() {
		closed = true;
		queue.clear();
		queued = 0;
	}

}
