package io.petstore.socketio;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
		subscribers.incrementAndGet();
		socket.once("disconnect", reason -> {
			subscription.dispose();
			subscribers.decrementAndGet();
		});
		if (!socket.isConnected()) {
			// it went away while we subscribed: its disconnect may have come before the listener
			socket.emit("disconnect", "gone");
		}
		JSONObject who = new JSONObject().put("id", userId.toString()).put("username", user.username());
		socket.send("connected", new JSONObject().put("user", who)
			.put("tenantId", context.tenant().id().toString())
			.put("serverTime", Instant.now().toString()));
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
