package io.petstore.websocket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.live.LiveEvent;
import io.petstore.live.LiveEvents;
import io.petstore.payment.PaymentSucceeded;
import io.petstore.store.OrderStatusChanged;
import io.petstore.supportchat.AgentAssigned;
import io.petstore.supportchat.ChatEvent;
import io.petstore.supportchat.ChatLimits;
import io.petstore.supportchat.ChatMessage;
import io.petstore.supportchat.Connected;
import io.petstore.supportchat.Joined;
import io.petstore.supportchat.SupportChat;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/**
 * The chat's WebSocket messages: each incoming one is rate-limited per connection
 * ({@link ChatLimits}), counted against the caller's rate limit ({@link CallContexts#count}),
 * parsed, and handed to {@link SupportChat}; every refusal is an {@code error} message naming the
 * request, and the connection stays open (sustained flooding closes it, 1008). Events of the
 * joined conversations and the user's own order and payment events are pushed through the
 * connection's {@link Outbox}.
 */
@Component
class ChatSocketHandler extends AbstractWebSocketHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ChatSocketHandler.class);

	private static final String CONNECTION = ChatConnection.class.getName();

	static final Set<String> TYPES = Set.of("joinChat", "leaveChat", "chatMessage", "messageDelivered", "typingStarted", "typingStopped",
			"assignAgent");

	private final SupportChat chat;

	private final CallContexts contexts;

	private final LiveEvents live;

	private final Connections connections;

	private final ChatLimits limits;

	private final ChatWire wire;

	ChatSocketHandler(SupportChat chat, CallContexts contexts, LiveEvents live, Connections connections, ChatLimits limits, ChatWire wire) {
		this.chat = chat;
		this.contexts = contexts;
		this.live = live;
		this.connections = connections;
		this.limits = limits;
		this.wire = wire;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		CallContext call = (CallContext) session.getAttributes().get(ChatHandshake.CALL);
		Connected connected = (Connected) session.getAttributes().get(ChatHandshake.CONNECTED);
		String token = (String) session.getAttributes().get(ChatHandshake.TOKEN);
		UUID user = connected.user().id();
		ChatConnection[] self = new ChatConnection[1];
		ChatConnection connection = new ChatConnection(session, call, token, connected, limits,
				() -> forget(self[0]));
		self[0] = connection;
		session.getAttributes().put(CONNECTION, connection);
		if (connections.add(call.tenant(), user, connection) > limits.connectionsPerUser()) {
			// a race past the handshake's check
			connection.send(error("TOO_MANY_REQUESTS", "This user holds " + limits.connectionsPerUser() + " chat connections already.", null,
					null, null));
			forget(connection);
			session.close(CloseStatus.POLICY_VIOLATION.withReason("too many connections"));
			return;
		}
		connection.send(wire.message("connected", new Connected(connected.user(), connected.tenantId(), io.petstore.persistence.Timestamps.now())));
		connection.live(live.events()
			.filter(event -> event.owner() != null && event.visibleTo(call.tenant(), user)
					&& (event.topic().equals(LiveEvent.ORDER_STATUS) || event.topic().equals(LiveEvent.PAYMENT)))
			.subscribe(event -> {
				String message = liveMessage(event);
				if (message != null) {
					connection.send(message);
				}
			}, failure -> LOG.debug("Live events of a chat connection ended: {}", failure.toString())));
	}

	@Override
	protected void handleTextMessage(WebSocketSession session, TextMessage message) {
		ChatConnection connection = connection(session);
		if (connection == null) {
			return;
		}
		String type = null;
		String clientMessageId = null;
		try {
			if (!connection.tryTake()) {
				if (connection.refused() >= limits.abuseRejections()) {
					LOG.info("Chat connection {} closed: flooding past the rate", session.getId());
					connection.send(error("TOO_MANY_REQUESTS", "Too many messages; the connection is closed.", null, null, null));
					forget(connection);
					session.close(CloseStatus.POLICY_VIOLATION.withReason("message rate exceeded"));
					return;
				}
				throw new DomainException(DomainException.Kind.TOO_MANY_REQUESTS, "rate-limit-exceeded",
						"Too many messages: at most " + limits.ratePerSecond() + " per second (bursts of " + limits.rateBurst() + ").", null);
			}
			ObjectNode node = wire.parse(message.getPayload());
			JsonNode typeNode = node.get("type");
			if (typeNode != null && typeNode.isString()) {
				type = typeNode.asString();
			}
			JsonNode clientId = node.get("clientMessageId");
			if (clientId != null && clientId.isString()) {
				clientMessageId = clientId.asString();
			}
			contexts.count(connection.call, connection.token);
			if (type == null) {
				throw DomainException.badRequest("A message needs a string \"type\": one of " + known() + ".");
			}
			handle(connection, type, node);
		}
		catch (DomainException refused) {
			connection.send(error(refused, type, clientMessageId));
		}
		catch (RuntimeException | java.io.IOException unexpected) {
			LOG.warn("Chat message failed", unexpected);
			connection.send(error("INTERNAL_ERROR", "The message could not be handled; try again.", type, clientMessageId, null));
		}
	}

	@Override
	protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
		ChatConnection connection = connection(session);
		if (connection != null) {
			connection.send(error("BAD_REQUEST", "Messages are JSON text frames; binary frames are not read.", null, null, null));
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) {
		LOG.debug("Chat transport error on {}: {}", session.getId(), exception.toString());
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
		ChatConnection connection = connection(session);
		if (connection != null) {
			forget(connection);
		}
	}

	private void forget(ChatConnection connection) {
		connection.close();
		connections.remove(connection.call.tenant(), connection.connected.user().id(), connection);
	}

	private void handle(ChatConnection connection, String type, ObjectNode node) {
		CallContext call = connection.call.asking(type);
		ChatWire.Fields fields = new ChatWire.Fields(node);
		switch (type) {
			case "joinChat" -> {
				UUID id = fields.uuid("conversationId", false);
				String subject = fields.string("subject", false);
				fields.check();
				join(connection, call, id, subject);
			}
			case "leaveChat" -> {
				UUID id = fields.uuid("conversationId", true);
				fields.check();
				chat.leave(call, id);
				connection.leave(id);
			}
			case "chatMessage" -> {
				UUID id = fields.uuid("conversationId", true);
				String content = fields.string("content", true);
				String clientMessageId = fields.string("clientMessageId", false);
				fields.check();
				ChatMessage sent = chat.send(call, id, content, clientMessageId);
				connection.send(wire.message("ack", new Ack(clientMessageId, sent.id(), sent.sentAt())));
			}
			case "messageDelivered" -> {
				UUID id = fields.uuid("conversationId", true);
				UUID messageId = fields.uuid("messageId", true);
				fields.check();
				chat.delivered(call, id, messageId);
			}
			case "typingStarted", "typingStopped" -> {
				UUID id = fields.uuid("conversationId", true);
				fields.check();
				chat.typing(call, id, type.equals("typingStarted"));
			}
			case "assignAgent" -> {
				UUID id = fields.uuid("conversationId", true);
				fields.check();
				AgentAssigned assigned = chat.assignAgent(call, id);
				if (!connection.hasJoined(id)) {
					connection.send(wire.message(assigned.type(), assigned));
				}
			}
			default -> throw DomainException.badRequest("Unknown message type '" + type + "': one of " + known() + ".");
		}
	}

	private void join(ChatConnection connection, CallContext call, UUID id, String subject) {
		if (id != null && !connection.hasJoined(id) && connection.joined() >= limits.conversationsPerConnection()
				|| id == null && connection.joined() >= limits.conversationsPerConnection()) {
			throw DomainException.badRequest("A connection joins at most " + limits.conversationsPerConnection()
					+ " conversations at once; leave one first.");
		}
		if (id == null) {
			Joined opened = chat.open(call, subject);
			ChatConnection.Feed feed = subscribe(connection, call, opened.conversation().id());
			connection.send(wire.message("joined", opened));
			feed.open(Set.of());
			return;
		}
		ChatConnection.Feed feed = subscribe(connection, call, id);
		try {
			Joined joined = chat.join(call, id);
			connection.send(wire.message("joined", joined));
			feed.open(joined.history().stream().map(ChatMessage::id).collect(Collectors.toSet()));
		}
		catch (RuntimeException failed) {
			connection.leave(id, feed);
			throw failed;
		}
	}

	private ChatConnection.Feed subscribe(ChatConnection connection, CallContext call, UUID id) {
		var events = chat.eventsFor(call, id);
		ChatConnection.Feed feed = connection.feed(id, event -> wire.message(event.type(), event));
		feed.subscribe(events.subscribe(feed::accept, failure -> LOG.debug("Chat feed ended: {}", failure.toString())));
		return feed;
	}

	private String liveMessage(LiveEvent event) {
		if (event.payload() instanceof OrderStatusChanged order) {
			return wire.message("orderStatusChanged", new OrderStatusMessage(order.order().id(), order.order().petId(), order.newStatus().name(),
					order.previousStatus() == null ? null : order.previousStatus().name(), order.changedAt()));
		}
		if (event.payload() instanceof PaymentSucceeded payment) {
			return wire.message("paymentSucceeded", new PaymentMessage(payment.order().id(), payment.payment().id(),
					amount(payment.payment().amount()), payment.payment().currency(), payment.payment().createdAt()));
		}
		return null;
	}

	private static String amount(BigDecimal amount) {
		return amount == null ? null : amount.toPlainString();
	}

	private String error(DomainException refused, String type, String clientMessageId) {
		String code = switch (refused.kind()) {
			case UNAUTHORIZED -> "UNAUTHORIZED";
			case FORBIDDEN -> "FORBIDDEN";
			case NOT_FOUND -> "NOT_FOUND";
			case TOO_MANY_REQUESTS -> "TOO_MANY_REQUESTS";
			case TOO_LARGE -> "MESSAGE_TOO_LARGE";
			case UNAVAILABLE -> "INTERNAL_ERROR";
			case BAD_REQUEST, INVALID, CONFLICT -> "BAD_REQUEST";
		};
		return error(code, refused.getMessage(), type, clientMessageId, refused.errors().isEmpty() ? null : refused.errors());
	}

	private String error(String code, String message, String type, String clientMessageId, java.util.List<FieldIssue> issues) {
		ObjectNode node = wire.object();
		node.put("type", "error");
		node.put("code", code);
		node.put("message", message);
		if (type != null) {
			node.put("requestType", type);
		}
		if (clientMessageId != null) {
			node.put("clientMessageId", clientMessageId);
		}
		if (issues != null) {
			ArrayNode array = node.putArray("fields");
			for (FieldIssue issue : issues) {
				array.add(wire.tree(issue));
			}
		}
		return wire.write(node);
	}

	private static String known() {
		return TYPES.stream().sorted().collect(Collectors.joining(", "));
	}

	private static ChatConnection connection(WebSocketSession session) {
		return (ChatConnection) session.getAttributes().get(CONNECTION);
	}

	/** {@code ack}: the stored message's id and time for the sender's {@code clientMessageId}. */
	record Ack(String clientMessageId, UUID id, Instant sentAt) {
	}

	/** {@code orderStatusChanged}. */
	record OrderStatusMessage(UUID orderId, UUID petId, String status, String previousStatus, Instant at) {
	}

	/** {@code paymentSucceeded}. */
	record PaymentMessage(UUID orderId, UUID paymentId, String amount, String currency, Instant at) {
	}

}
