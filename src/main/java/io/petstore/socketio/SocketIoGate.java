package io.petstore.socketio;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import io.socket.socketio.server.parser.IOParser;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.supportchat.ChatLimits;
import io.petstore.v1.DomainException;

/**
 * Sees every engine.io packet of every connection before the Socket.IO server decodes it (an
 * engine.io {@code packet} listener runs before its {@code data} listeners, and may replace the
 * packet's data). socket.io-server 4.1.2 acknowledges a namespace {@code CONNECT} before anyone
 * can look at it, so the check of the handshake's {@code auth} happens here:
 * <ul>
 * <li>{@code CONNECT} to {@code /}: {@code auth: {token, tenant?}} becomes a call context through
 * {@link CallContexts#open} (counted against the rate limit); refused, the packet is dropped and
 * the client gets {@code CONNECT_ERROR} {@code {message: "UNAUTHORIZED", data: {code, message}}}
 * (socket.io-client's {@code connect_error}); past the connections allowed per user, TOO_MANY_REQUESTS.</li>
 * <li>every further event: a packet larger than {@code petstore.chat.max-frame-bytes}, malformed, or over the
 * connection's rate (token bucket; {@link CallContexts#count} too) is dropped and answered with a
 * {@code chatError}; the socket stays connected, unless it keeps sending past the rate
 * ({@code petstore.chat.abuse-rejections} refusals in a row close it).</li>
 * </ul>
 * A dropped packet is replaced by a disconnect from a namespace nobody uses, which the Socket.IO
 * server ignores.
 */
@Component
class SocketIoGate {

	static final String PROTOCOL = "SOCKETIO";

	private static final Logger log = LoggerFactory.getLogger(SocketIoGate.class);

	/** What a dropped packet becomes: DISCONNECT of a namespace no socket is in. */
	private static final String DROPPED = "1/petstore-dropped,";

	private static final Pattern EVENT_NAME = Pattern.compile("^[25](?:\\d+-)?(?:/[^,]*,)?\\d*\\[\\s*\"((?:[^\"\\\\]|\\\\.){1,64})\"");

	private static final ThreadLocal<String[]> PEER = new ThreadLocal<>();

	private final CallContexts contexts;

	private final ChatLimits chatLimits;

	private final ConnectionLimits limits;

	private final Map<String, Connection> connections = new ConcurrentHashMap<>();

	SocketIoGate(CallContexts contexts, ChatLimits chatLimits, ConnectionLimits limits) {
		this.contexts = contexts;
		this.chatLimits = chatLimits;
		this.limits = limits;
	}

	/** Listens to the engine's new connections (before the Socket.IO server does). */
	void attach(EngineIoServer engine) {
		engine.on("connection", args -> opened((EngineIoSocket) args[0]));
	}

	/** Runs a transport's hand-over to engine.io, so that a connection it opens knows its peer. */
	void fromAddress(String address, String userAgent, Runnable handOver) {
		String[] outer = PEER.get();
		PEER.set(new String[] { address, userAgent });
		try {
			handOver.run();
		}
		finally {
			if (outer == null) {
				PEER.remove();
			}
			else {
				PEER.set(outer);
			}
		}
	}

	/** The state of an engine.io connection (null once it is closed). */
	Connection connection(EngineIoSocket socket) {
		return connections.get(socket.getId());
	}

	private void opened(EngineIoSocket socket) {
		String[] peer = PEER.get();
		Connection connection = new Connection(socket, peer == null ? null : peer[0], peer == null ? null : peer[1], chatLimits);
		connections.put(socket.getId(), connection);
		socket.on("packet", (engineSocket, args) -> {
			try {
				inspect(connection, (Packet<?>) args[0]);
			}
			catch (RuntimeException unexpected) {
				log.warn("Socket.IO gate failed on a packet of {}", socket.getId(), unexpected);
			}
		});
		socket.on("close", (engineSocket, args) -> {
			connections.remove(socket.getId());
			connection.release();
		});
	}

	@SuppressWarnings("unchecked")
	private void inspect(Connection connection, Packet<?> packet) {
		if (!Packet.MESSAGE.equals(packet.type)) {
			return;
		}
		Packet<Object> message = (Packet<Object>) packet;
		if (!(message.data instanceof String text)) {
			// binary attachments: only their size matters here
			if (message.data instanceof byte[] bytes && bytes.length > chatLimits.maxFrameBytes()) {
				message.data = DROPPED;
				connection.chatError("MESSAGE_TOO_LARGE", "A binary attachment holds at most " + chatLimits.maxFrameBytes() + " bytes.",
						null);
			}
			return;
		}
		if (text.isEmpty()) {
			return;
		}
		char type = text.charAt(0);
		if (tooLarge(text)) {
			message.data = DROPPED;
			String detail = "A Socket.IO packet holds at most " + chatLimits.maxFrameBytes() + " bytes.";
			if (type == '0') {
				connection.connectError("MESSAGE_TOO_LARGE", detail);
			}
			else {
				connection.chatError("MESSAGE_TOO_LARGE", detail, eventName(text));
			}
			return;
		}
		if (type == '0') {
			connect(connection, message, text);
			return;
		}
		if (type != '2' && type != '5') {
			return;
		}
		String event = eventName(text);
		if (!wellFormed(text)) {
			message.data = DROPPED;
			connection.chatError("BAD_REQUEST", "The Socket.IO packet is malformed (expected 2[\"event\", {...}]).", event);
			return;
		}
		CallContext context = connection.context;
		if (context == null) {
			return; // not connected to a namespace: the Socket.IO server ignores it
		}
		if (connection.bucket.tryTake()) {
			connection.accepted();
		}
		else {
			message.data = DROPPED;
			connection.chatError("TOO_MANY_REQUESTS",
					"Too many events on this connection (at most " + chatLimits.ratePerSecond() + " per second); slow down.", event);
			if (connection.refusedInARow() > chatLimits.abuseRejections()) {
				log.info("Socket.IO connection {} closed: kept sending past its rate", connection.socket.getId());
				connection.socket.close();
			}
			return;
		}
		try {
			contexts.count(context, connection.token);
		}
		catch (DomainException refused) {
			message.data = DROPPED;
			connection.chatError(refused, event);
		}
	}

	private void connect(Connection connection, Packet<Object> message, String text) {
		int start = 1;
		String namespace = "/";
		if (text.length() > 1 && text.charAt(1) == '/') {
			int comma = text.indexOf(',');
			namespace = comma < 0 ? text.substring(1) : text.substring(1, comma);
			start = comma < 0 ? text.length() : comma + 1;
		}
		if (!namespace.equals("/")) {
			return; // no other namespace exists: the Socket.IO server answers "Invalid namespace"
		}
		if (connection.context != null) {
			message.data = DROPPED; // connected already: a second CONNECT would make a second socket
			return;
		}
		Credentials credentials;
		try {
			JSONObject auth = start < text.length() ? (JSONObject) new JSONTokener(text.substring(start)).nextValue() : new JSONObject();
			credentials = new Credentials(text(auth, "token"), text(auth, "tenant"),
					new Origin(PROTOCOL, connection.address, connection.userAgent, "connect"));
		}
		catch (JSONException | ClassCastException malformed) {
			message.data = DROPPED;
			connection.connectError("BAD_REQUEST", "The handshake's auth must be an object {token, tenant?}.");
			return;
		}
		if (credentials.bearerToken() == null) {
			message.data = DROPPED;
			connection.connectError("UNAUTHORIZED", "Socket.IO needs a bearer token in the handshake: io(url, {auth: {token}}).");
			return;
		}
		try {
			CallContext context = contexts.open(credentials);
			context.user();
			limits.acquire(connection, context);
			connection.token = credentials.bearerToken();
			connection.context = context;
			if (connection.socket.getReadyState() == io.socket.engineio.server.ReadyState.CLOSED) {
				connection.release(); // closed while it was checked: its close listener ran before
			}
		}
		catch (DomainException refused) {
			message.data = DROPPED;
			connection.connectError(SocketIoErrors.code(refused), refused.getMessage());
		}
		catch (RuntimeException unexpected) {
			log.warn("Socket.IO handshake failed", unexpected);
			message.data = DROPPED;
			connection.connectError("INTERNAL_ERROR", "The connection could not be opened; try again.");
		}
	}

	private boolean tooLarge(String text) {
		int max = chatLimits.maxFrameBytes();
		return text.length() > max || (text.length() * 3L > max && text.getBytes(StandardCharsets.UTF_8).length > max);
	}

	private static boolean wellFormed(String text) {
		IOParser.Decoder decoder = new IOParser.Decoder();
		try {
			decoder.onDecoded(packet -> {
			});
			decoder.add(text);
			return true;
		}
		catch (RuntimeException malformed) {
			return false;
		}
		finally {
			decoder.destroy();
		}
	}

	static String eventName(String text) {
		Matcher matcher = EVENT_NAME.matcher(text.length() > 200 ? text.substring(0, 200) : text);
		return matcher.find() ? matcher.group(1) : null;
	}

	private static String text(JSONObject object, String key) {
		Object value = object.opt(key);
		return value instanceof String string && !string.isBlank() ? string : null;
	}

	/** One engine.io connection: its peer, and once its namespace is connected, its call. */
	static final class Connection {

		final EngineIoSocket socket;

		final String address;

		final String userAgent;

		final Bucket bucket;

		volatile CallContext context;

		volatile String token;

		volatile Runnable release = () -> {
		};

		final java.util.concurrent.atomic.AtomicLong pending = new java.util.concurrent.atomic.AtomicLong();

		private int refusedInARow;

		Connection(EngineIoSocket socket, String address, String userAgent, ChatLimits limits) {
			this.socket = socket;
			this.address = address;
			this.userAgent = userAgent;
			this.bucket = new Bucket(limits.ratePerSecond(), limits.rateBurst());
		}

		synchronized void accepted() {
			refusedInARow = 0;
		}

		synchronized int refusedInARow() {
			return ++refusedInARow;
		}

		void release() {
			release.run();
		}

		/** CONNECT_ERROR on the main namespace: socket.io-client's {@code connect_error}. */
		void connectError(String code, String detail) {
			JSONObject data = new JSONObject();
			data.put("code", code);
			data.put("message", detail);
			JSONObject error = new JSONObject();
			error.put("message", code);
			error.put("data", data);
			send("4" + error);
		}

		void chatError(DomainException refused, String requestType) {
			if (context != null) {
				send("2" + new JSONArray().put("chatError").put(SocketIoErrors.body(refused, requestType)));
			}
		}

		/** A {@code chatError} event, if the socket is connected to the namespace. */
		void chatError(String code, String detail, String requestType) {
			if (context == null) {
				return;
			}
			send("2" + new JSONArray().put("chatError").put(SocketIoErrors.body(code, detail, requestType)));
		}

		private void send(String socketIoPacket) {
			Packet<String> packet = new Packet<>(Packet.MESSAGE);
			packet.data = socketIoPacket;
			socket.send(packet);
		}

	}

	/** A token bucket: {@code rate} per second, up to {@code burst} at once. */
	static final class Bucket {

		private final double rate;

		private final double burst;

		private double tokens;

		private long last = System.nanoTime();

		Bucket(double rate, int burst) {
			this.rate = rate;
			this.burst = burst;
			this.tokens = burst;
		}

		synchronized boolean tryTake() {
			long now = System.nanoTime();
			tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
			last = now;
			if (tokens >= 1) {
				tokens -= 1;
				return true;
			}
			return false;
		}

	}

}
