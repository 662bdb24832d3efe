package io.petstore.socketio;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.stereotype.Component;

import io.petstore.auth.CallContext;
import io.petstore.auth.Caller;
import io.petstore.live.LiveEvent;
import io.petstore.live.LiveEvents;
import io.petstore.payment.PaymentSucceeded;
import io.petstore.store.OrderStatusChanged;
import io.petstore.supportchat.ChatLimits;
import io.petstore.v1.DomainException;

/**
 * Serves the sockets of the main namespace once {@link SocketIoGate} has let them in: says
 * {@code connected} ({user, tenantId, serverTime}) and pushes the user's own
 * {@code orderStatusChanged} and {@code paymentSucceeded} from {@code live.LiveEvents} until the
 * socket disconnects (each socket's subscription delivers on its own worker, so a slow socket
 * never holds up a publisher; {@link #liveSubscribers()} counts the subscriptions held).
 */
@Component
class SocketIoConnections {

	private static final Logger log = LoggerFactory.getLogger(SocketIoConnections.class);

	private final SocketIoServer server;

	private final SocketIoGate gate;

	private final LiveEvents live;

	private final AtomicInteger subscribers = new AtomicInteger();

	private final Scheduler delivery = Schedulers.boundedElastic();

	private final SocketIoChat chat;

	private final ChatLimits limits;

	SocketIoConnections(SocketIoServer server, SocketIoGate gate, LiveEvents live, SocketIoChat chat, ChatLimits limits) {
		this.server = server;
		this.gate = gate;
		this.live = live;
		this.chat = chat;
		this.limits = limits;
		listen();
	}

	private void listen() {
		server.namespace("/").on("connection", args -> {
			SocketIoSocket socket = (SocketIoSocket) args[0];
			try {
				connected(socket);
			}
			catch (RuntimeException unexpected) {
				log.warn("Socket.IO connection could not be served; closing it", unexpected);
				socket.disconnect(true);
			}
		});
	}

	/** Live-event subscriptions held for connected sockets now. */
	int liveSubscribers() {
		return subscribers.get();
	}

	private void connected(SocketIoSocket socket) {
		SocketIoGate.Connection connection = gate.connection(socket.getClient().getConnection());
		CallContext context = connection == null ? null : connection.context;
		if (context == null) {
			socket.disconnect(true); // the gate lets no socket in without a call; closed meanwhile
			return;
		}
		Caller user = context.user();
		UUID userId = user.userId();
		EngineIoSocket engine = socket.getClient().getConnection();
		Outgoing out = new Outgoing(socket, engine, connection, limits.sendBufferBytes());
		Disposable subscription = live.events()
			.filter(event -> (LiveEvent.ORDER_STATUS.equals(event.topic()) || LiveEvent.PAYMENT.equals(event.topic()))
					&& event.owner() != null && event.visibleTo(context.tenant(), userId))
			.publishOn(delivery)
			.subscribe(event -> push(out, event), failure -> log.warn("Socket.IO live events failed", failure));
		int held = subscribers.incrementAndGet();
		log.debug("Socket.IO socket {} of {} connected; {} live subscriptions", socket.getId(), userId, held);
		Runnable leaveChats = chat.serve(socket, context, out);
		AtomicBoolean ended = new AtomicBoolean();
		Runnable end = () -> {
			if (ended.compareAndSet(false, true)) {
				subscription.dispose();
				leaveChats.run();
				int left = subscribers.decrementAndGet();
				log.debug("Socket.IO socket {} of {} ended; {} live subscriptions left", socket.getId(), userId, left);
			}
		};
		socket.once("disconnect", reason -> end.run());
		out.onCutOff(end);
		// socket.io-server registers the socket with its client only after this handler: a connection
		// that closes meanwhile never disconnects the socket. The engine.io connection's close does.
		engine.on("close", (closed, reason) -> gone(socket, end));
		if (engine.getReadyState() != ReadyState.OPEN || !socket.isConnected()) {
			gone(socket, end);
		}
		JSONObject hello;
		try {
			hello = chat.connected(context);
		}
		catch (DomainException refused) {
			// a token without chat:write: live events still come; chat events answer FORBIDDEN
			hello = new JSONObject().put("user", new JSONObject().put("id", userId.toString()).put("username", user.username()).put("role", JSONObject.NULL))
				.put("tenantId", context.tenant().id().toString())
				.put("serverTime", Instant.now().toString());
		}
		out.send("connected", hello);
	}

	private static void gone(SocketIoSocket socket, Runnable end) {
		end.run();
		if (socket.isConnected()) {
			socket.disconnect(false); // the library's own bookkeeping (rooms, namespace) lets go of it
		}
	}

	private static void push(Outgoing socket, LiveEvent event) {
		if (event.payload() instanceof OrderStatusChanged change) {
			socket.send("orderStatusChanged", new JSONObject().put("orderId", change.order().id().toString())
				.put("petId", change.order().petId().toString())
				.put("status", change.newStatus().name())
				.put("previousStatus", change.previousStatus() == null ? JSONObject.NULL : change.previousStatus().name())
				.put("at", change.changedAt().toString()));
		}
		else if (event.payload() instanceof PaymentSucceeded paid) {
			socket.send("paymentSucceeded", new JSONObject().put("orderId", paid.order().id().toString())
				.put("paymentId", paid.payment().id().toString())
				.put("amount", paid.payment().amount().toPlainString())
				.put("currency", paid.payment().currency())
				.put("at", paid.payment().createdAt().toString()));
		}
	}

	/**
	 * What one socket sends, counted: the bytes handed to engine.io since it last flushed to the
	 * transport. A polling client that stops polling (or a WebSocket whose sends pile up) past
	 * {@code petstore.chat.send-buffer-bytes} is cut off: nothing more is queued for it, its
	 * subscriptions end, and engine.io closes it (at its next poll, or at the ping timeout).
	 */
	static final class Outgoing implements SocketIoChat.Outgoing {

		private final SocketIoSocket socket;

		private final EngineIoSocket engine;

		private final SocketIoGate.Connection connection;

		private final long limit;

		private final AtomicBoolean cut = new AtomicBoolean();

		private volatile Runnable onCutOff = () -> {
		};

		Outgoing(SocketIoSocket socket, EngineIoSocket engine, SocketIoGate.Connection connection, long limit) {
			this.socket = socket;
			this.engine = engine;
			this.connection = connection;
			this.limit = limit;
			engine.on("flush", (flushed, args) -> connection.pending.set(0));
		}

		void onCutOff(Runnable action) {
			this.onCutOff = action;
		}

		@Override
		public void send(String event, JSONObject body) {
			if (cut.get() || !socket.isConnected()) {
				return;
			}
			long size = event.length() + body.toString().length() + 8;
			if (connection.pending.addAndGet(size) > limit && cut.compareAndSet(false, true)) {
				log.info("Socket.IO connection {} cut off: more than {} bytes waiting for a slow client", engine.getId(), limit);
				engine.close();
				onCutOff.run();
				return;
			}
			socket.send(event, body);
		}

	}

}
