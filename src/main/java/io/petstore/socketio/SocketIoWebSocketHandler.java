package io.petstore.socketio;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.utils.ParseQS;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.petstore.supportchat.ChatLimits;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The WebSocket transport: each Spring WebSocket session (on Jetty 12) becomes an engine.io
 * {@link EngineIoWebSocket}: what arrives is fed to its {@code message} listeners, what engine.io
 * writes goes out through a {@link ConcurrentWebSocketSessionDecorator} (engine.io may write from
 * several threads; a reader slower than {@code petstore.chat.send-time-limit} or with
 * more than {@code petstore.chat.send-buffer-bytes} waiting is cut off, the others are unaffected). A fresh
 * connection ({@code ?EIO=4&transport=websocket}) and an upgrade from polling ({@code &sid=...})
 * both go to {@code EngineIoServer.handleWebSocket}.
 */
@Component
class SocketIoWebSocketHandler extends AbstractWebSocketHandler {

	private static final Logger log = LoggerFactory.getLogger(SocketIoWebSocketHandler.class);

	private static final String ADAPTER = SocketIoWebSocketHandler.class.getName() + ".adapter";

	private final EngineIoServer engine;

	private final SocketIoGate gate;

	private final ChatLimits limits;

	SocketIoWebSocketHandler(EngineIoServer engine, SocketIoGate gate, ChatLimits limits) {
		this.engine = engine;
		this.gate = gate;
		this.limits = limits;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) {
		session.setTextMessageSizeLimit(Math.max(session.getTextMessageSizeLimit(), 4 * limits.maxFrameBytes()));
		session.setBinaryMessageSizeLimit(Math.max(session.getBinaryMessageSizeLimit(), 4 * limits.maxFrameBytes()));
		Adapter adapter = new Adapter(session, limits);
		session.getAttributes().put(ADAPTER, adapter);
		InetSocketAddress remote = session.getRemoteAddress();
		String address = remote == null ? null : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
		gate.fromAddress(address, session.getHandshakeHeaders().getFirst("User-Agent"), () -> engine.handleWebSocket(adapter));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		Adapter adapter = adapter(session);
		if (adapter != null) {
			adapter.emit("message", message.getPayload());
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		Adapter adapter = adapter(session);
		if (adapter != null) {
			byte[] bytes = new byte[message.getPayloadLength()];
			message.getPayload().get(bytes);
			adapter.emit("message", (Object) bytes);
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		log.debug("Socket.IO WebSocket {}: transport error", session.getId(), exception);
		Adapter adapter = adapter(session);
		if (adapter != null) {
			adapter.emit("error", "websocket error", String.valueOf(exception.getMessage()));
		}
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		Adapter adapter = adapter(session);
		if (adapter != null) {
			adapter.closed();
		}
	}

	private static Adapter adapter(WebSocketSession session) {
		return (Adapter) session.getAttributes().get(ADAPTER);
	}

	/** A Spring WebSocket session as engine.io sees a WebSocket. */
	static final class Adapter extends EngineIoWebSocket {

		private final WebSocketSession session;

		private final WebSocketSession sending;

		private final Map<String, String> query;

		private final Map<String, List<String>> headers;

		private final AtomicBoolean closed = new AtomicBoolean();

		Adapter(WebSocketSession session, ChatLimits limits) {
			this.session = session;
			this.sending = new ConcurrentWebSocketSessionDecorator(session, (int) limits.sendTimeLimit().toMillis(), limits.sendBufferBytes(),
					ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
			URI uri = session.getUri();
			this.query = uri == null || uri.getRawQuery() == null ? new HashMap<>() : ParseQS.decode(uri.getRawQuery());
			this.headers = new HashMap<>();
			session.getHandshakeHeaders().forEach((name, values) -> this.headers.put(name, List.copyOf(values)));
		}

		@Override
		public Map<String, String> getQuery() {
			return query;
		}

		@Override
		public Map<String, List<String>> getConnectionHeaders() {
			return headers;
		}

		@Override
		public void write(String message) throws IOException {
			send(new TextMessage(message));
		}

		@Override
		public void write(byte[] message) throws IOException {
			send(new BinaryMessage(message));
		}

		private void send(org.springframework.web.socket.WebSocketMessage<?> message) throws IOException {
			if (closed.get() || !session.isOpen()) {
				return;
			}
			try {
				sending.sendMessage(message);
			}
			catch (IOException | RuntimeException failed) {
				// a slow reader past the limits (the decorator closes it), or a connection gone
				log.debug("Socket.IO WebSocket {}: send failed ({}), closing", session.getId(), failed.toString());
				close();
				throw failed instanceof IOException io ? io : new IOException(failed);
			}
		}

		@Override
		public void close() {
			if (session.isOpen()) {
				try {
					session.close(CloseStatus.NORMAL);
				}
				catch (IOException | RuntimeException ignored) {
					// closed meanwhile
				}
			}
			closed();
		}

		/** Tells engine.io once that the connection is gone. */
		void closed() {
			if (closed.compareAndSet(false, true)) {
				emit("close");
			}
		}

	}

}
