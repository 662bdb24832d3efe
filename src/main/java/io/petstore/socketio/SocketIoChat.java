package io.petstore.socketio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.socket.socketio.server.SocketIoSocket;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.petstore.auth.CallContext;
import io.petstore.supportchat.AgentAssigned;
import io.petstore.supportchat.ChatEvent;
import io.petstore.supportchat.ChatLimits;
import io.petstore.supportchat.ChatMessage;
import io.petstore.supportchat.Joined;
import io.petstore.supportchat.SupportChat;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/**
 * The support chat's events on a connected socket, each a call of {@code supportchat.SupportChat}
 * within the connection's call context: {@code joinChat} (ack {conversation, history}; the socket
 * joins room {@code conversation:<id>}), {@code leaveChat}, {@code chatMessage} (ack
 * {clientMessageId, id, sentAt}), {@code messageDelivered}, {@code typingStarted} /
 * {@code typingStopped}, {@code assignAgent}. What participants receive comes from the module's
 * events ({@link SupportChat#eventsFor}, i.e. {@code live.LiveEvents}), one feed per joined
 * conversation, never from a local room broadcast: participants on the WebSocket chat and on other
 * instances see the same messages. Bad input (not an object, missing fields, wrong types, unknown
 * conversation, someone else's, unknown event) gets a {@code chatError}; the socket stays connected.
 * A request with an ack callback also gets its ack: the answer, or {@code {error: {code, message}}}.
 */
@Component
class SocketIoChat {

	static final Set<String> EVENTS = Set.of("joinChat", "leaveChat", "chatMessage", "messageDelivered", "typingStarted",
			"typingStopped", "assignAgent");

	private static final Logger log = LoggerFactory.getLogger(SocketIoChat.class);

	private final SupportChat chat;

	private final ChatLimits limits;

	private final JsonMapper json;

	private final Scheduler delivery = Schedulers.boundedElastic();

	SocketIoChat(SupportChat chat, ChatLimits limits, JsonMapper json) {
		this.chat = chat;
		this.limits = limits;
		this.json = json.rebuild().changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.ALWAYS)).build();
	}

	/** A record (or list of records) as org.json, nulls written out, as socket.io-server sends it. */
	JSONObject object(Object value) {
		return new JSONObject(json.writeValueAsString(value));
	}

	/** The role the contract's {@code connected} names (AGENT or CUSTOMER). */
	JSONObject connected(CallContext call) {
		return object(chat.connected(call));
	}

	/** Serves the chat on this socket until it disconnects; answers what ends it. */
	Runnable serve(SocketIoSocket socket, CallContext call, Outgoing out) {
		Joins joins = new Joins();
		for (String event : EVENTS) {
			socket.on(event, args -> handle(socket, call, out, joins, event, args));
		}
		socket.registerAllEventListener((event, args) -> {
			if (!EVENTS.contains(event)) {
				refuse(out, event, null, args, DomainException.badRequest(
						"Unknown event '" + event + "': one of " + EVENTS.stream().sorted().collect(Collectors.joining(", ")) + "."));
			}
		});
		return joins::leaveAll;
	}

	private void handle(SocketIoSocket socket, CallContext connection, Outgoing out, Joins joins, String event, Object[] args) {
		String clientMessageId = null;
		try {
			Object payload = args.length > 0 && !(args[0] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback) ? args[0] : null;
			if (!(payload instanceof JSONObject body)) {
				throw DomainException.badRequest("The " + event + " payload must be an object, e.g. {\"conversationId\": \"...\"}.");
			}
			Object maybeId = body.opt("clientMessageId");
			clientMessageId = maybeId instanceof String text ? text : null;
			CallContext call = connection.asking(event);
			Fields fields = new Fields(body);
			Object answer = switch (event) {
				case "joinChat" -> {
					UUID id = fields.uuid("conversationId", false);
					String subject = fields.string("subject", false);
					fields.check();
					yield join(socket, call, out, joins, id, subject);
				}
				case "leaveChat" -> {
					UUID id = fields.uuid("conversationId", true);
					fields.check();
					chat.leave(call, id);
					joins.leave(id);
					socket.leaveRoom(room(id));
					yield new JSONObject().put("conversationId", id.toString());
				}
				case "chatMessage" -> {
					UUID id = fields.uuid("conversationId", true);
					String content = fields.string("content", true);
					String clientId = fields.string("clientMessageId", false);
					fields.check();
					ChatMessage sent = chat.send(call, id, content, clientId);
					yield new JSONObject().put("clientMessageId", clientId == null ? JSONObject.NULL : clientId)
						.put("id", sent.id().toString())
						.put("sentAt", sent.sentAt().toString());
				}
				case "messageDelivered" -> {
					UUID id = fields.uuid("conversationId", true);
					UUID messageId = fields.uuid("messageId", true);
					fields.check();
					yield object(chat.delivered(call, id, messageId));
				}
				case "typingStarted", "typingStopped" -> {
					UUID id = fields.uuid("conversationId", true);
					fields.check();
					yield object(chat.typing(call, id, event.equals("typingStarted")));
				}
				case "assignAgent" -> {
					UUID id = fields.uuid("conversationId", true);
					fields.check();
					AgentAssigned assigned = chat.assignAgent(call, id);
					if (!joins.has(id)) {
						out.send(assigned.type(), object(assigned));
					}
					yield object(assigned);
				}
				default -> throw DomainException.badRequest("Unknown event '" + event + "'.");
			};
			ack(args, answer);
		}
		catch (DomainException refused) {
			refuse(out, event, clientMessageId, args, refused);
		}
		catch (RuntimeException unexpected) {
			log.warn("Socket.IO {} failed", event, unexpected);
			refuse(out, event, clientMessageId, args,
					new DomainException(DomainException.Kind.UNAVAILABLE, "internal", "The request failed on the server; try again.", null));
		}
	}

	private JSONObject join(SocketIoSocket socket, CallContext call, Outgoing out, Joins joins, UUID id, String subject) {
		int max = limits.conversationsPerConnection();
		if ((id == null || !joins.has(id)) && joins.size() >= max) {
			throw DomainException.badRequest("A connection joins at most " + max + " conversations at once; leave one first.");
		}
		if (id == null) {
			Joined opened = chat.open(call, subject);
			UUID opens = opened.conversation().id();
			joins.put(opens, feed(call, out, opens, Set.of()));
			socket.joinRoom(room(opens));
			return object(opened);
		}
		// subscribe first, so that nothing sent while the history is read is missed; what the
		// history holds already is not delivered twice
		Feed feed = new Feed();
		feed.subscription = chat.eventsFor(call, id).publishOn(delivery).subscribe(event -> feed.accept(event, out, this),
				failure -> log.debug("Socket.IO chat feed ended: {}", failure.toString()));
		try {
			Joined joined = chat.join(call, id);
			feed.open(joined.history().stream().map(ChatMessage::id).collect(Collectors.toSet()), out, this);
			joins.put(id, feed);
			socket.joinRoom(room(id));
			return object(joined);
		}
		catch (RuntimeException failed) {
			feed.subscription.dispose();
			throw failed;
		}
	}

	private Feed feed(CallContext call, Outgoing out, UUID id, Set<UUID> known) {
		Feed feed = new Feed();
		feed.subscription = chat.eventsFor(call, id).publishOn(delivery).subscribe(event -> feed.accept(event, out, this),
				failure -> log.debug("Socket.IO chat feed ended: {}", failure.toString()));
		feed.open(known, out, this);
		return feed;
	}

	static String room(UUID conversationId) {
		return "conversation:" + conversationId;
	}

	private static void ack(Object[] args, Object answer) {
		if (args.length > 0 && args[args.length - 1] instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack) {
			ack.sendAcknowledgement(answer);
		}
	}

	private static void refuse(Outgoing out, String event, String clientMessageId, Object[] args, DomainException refused) {
		JSONObject body = SocketIoErrors.body(refused, event);
		if (clientMessageId != null) {
			body.put("clientMessageId", clientMessageId);
		}
		out.send("chatError", body);
		ack(args, new JSONObject().put("error", new JSONObject().put("code", body.get("code")).put("message", body.get("message"))));
	}

	/** What a connection sends: counted against the slow-consumer limit. */
	interface Outgoing {

		void send(String event, JSONObject body);

	}

	/** One joined conversation's events: held back until the join has answered, then delivered. */
	private static final class Feed {

		Disposable subscription;

		private List<ChatEvent> early = new ArrayList<>();

		private Set<UUID> known = Set.of();

		synchronized void accept(ChatEvent event, Outgoing out, SocketIoChat chat) {
			if (early != null) {
				early.add(event);
				return;
			}
			deliver(event, out, chat);
		}

		synchronized void open(Set<UUID> history, Outgoing out, SocketIoChat chat) {
			known = history;
			List<ChatEvent> waiting = early;
			early = null;
			waiting.forEach(event -> deliver(event, out, chat));
		}

		private void deliver(ChatEvent event, Outgoing out, SocketIoChat chat) {
			if (event instanceof ChatMessage message && known.contains(message.id())) {
				return;
			}
			out.send(event.type(), chat.object(event));
		}

	}

	/** The conversations a socket has joined. */
	private static final class Joins {

		private final Map<UUID, Feed> feeds = new ConcurrentHashMap<>();

		boolean has(UUID id) {
			return feeds.containsKey(id);
		}

		int size() {
			return feeds.size();
		}

		void put(UUID id, Feed feed) {
			Feed before = feeds.put(id, feed);
			if (before != null) {
				before.subscription.dispose();
			}
		}

		void leave(UUID id) {
			Feed feed = feeds.remove(id);
			if (feed != null) {
				feed.subscription.dispose();
			}
		}

		void leaveAll() {
			feeds.keySet().forEach(this::leave);
		}

	}

	/** The fields of one event's payload, every field error collected before refusing. */
	private static final class Fields {

		private final JSONObject body;

		private final List<FieldIssue> issues = new ArrayList<>();

		Fields(JSONObject body) {
			this.body = body;
		}

		UUID uuid(String name, boolean required) {
			Object value = body.opt(name);
			if (value == null || value == JSONObject.NULL) {
				if (required) {
					issues.add(new FieldIssue(name, "is required", "REQUIRED"));
				}
				return null;
			}
			if (!(value instanceof String text) || text.length() != 36) {
				issues.add(new FieldIssue(name, "must be a UUID string", "INVALID_FORMAT"));
				return null;
			}
			try {
				return UUID.fromString(text);
			}
			catch (IllegalArgumentException ex) {
				issues.add(new FieldIssue(name, "must be a UUID string", "INVALID_FORMAT"));
				return null;
			}
		}

		String string(String name, boolean required) {
			Object value = body.opt(name);
			if (value == null || value == JSONObject.NULL) {
				if (required) {
					issues.add(new FieldIssue(name, "is required", "REQUIRED"));
				}
				return null;
			}
			if (!(value instanceof String text)) {
				issues.add(new FieldIssue(name, "must be a string", "INVALID_TYPE"));
				return null;
			}
			return text;
		}

		void check() {
			if (!issues.isEmpty()) {
				throw new DomainException(DomainException.Kind.INVALID, "validation-error",
						"The event is invalid: " + issues.stream().map(issue -> issue.field() + " " + issue.message()).toList(), issues);
			}
		}

	}

}
