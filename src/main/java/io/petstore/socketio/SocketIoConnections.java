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

	SocketIoConnections(SocketIoServer server, SocketIoGate gate, LiveEvents live) {
		this.server = server;
		this.gate = gate;
		this.live = live;
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
		Disposable subscription = live.events()
			.filter(event -> (LiveEvent.ORDER_STATUS.equals(event.topic()) || LiveEvent.PAYMENT.equals(event.topic()))
					&& event.owner() != null && event.visibleTo(context.tenant(), userId))
			.publishOn(delivery)
			.subscribe(event -> push(socket, event), failure -> log.warn("Socket.IO live events failed", failure));
		int held = subscribers.incrementAndGet();
		log.debug("Socket.IO socket {} of {} connected; {} live subscriptions", socket.getId(), userId, held);
		AtomicBoolean ended = new AtomicBoolean();
		Runnable end = () -> {
			if (ended.compareAndSet(false, true)) {
				subscription.dispose();
				int left = subscribers.decrementAndGet();
				log.debug("Socket.IO socket {} of {} ended; {} live subscriptions left", socket.getId(), userId, left);
			}
		};
		socket.once("disconnect", reason -> end.run());
		// socket.io-server registers the socket with its client only after this handler: a connection
		// that closes meanwhile never disconnects the socket. The engine.io connection's close does.
		EngineIoSocket engine = socket.getClient().getConnection();
		engine.on("close", (closed, reason) -> gone(socket, end));
		if (engine.getReadyState() != ReadyState.OPEN || !socket.isConnected()) {
			gone(socket, end);
		}
		JSONObject who = new JSONObject().put("id", userId.toString()).put("username", user.username());
		socket.send("connected", new JSONObject().put("user", who)
			.put("tenantId", context.tenant().id().toString())
			.put("serverTime", Instant.now().toString()));
	}

	private static void gone(SocketIoSocket socket, Runnable end) {
		end.run();
		if (socket.isConnected()) {
			socket.disconnect(false); // the library's own bookkeeping (rooms, namespace) lets go of it
		}
	}

	private static void push(SocketIoSocket socket, LiveEvent event) {
		if (!socket.isConnected()) {
			return;
		}
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

}
