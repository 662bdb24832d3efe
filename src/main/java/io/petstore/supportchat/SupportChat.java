package io.petstore.supportchat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.account.AccountAdmin;
import io.petstore.audit.AuditTrail;
import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.live.LiveEvents;
import io.petstore.persistence.Timestamps;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.Ids;

import reactor.core.publisher.Flux;

/**
 * The support chat, whatever the protocol (WebSocket, Socket.IO). Every operation takes the call
 * it serves and checks it first: a user's token of the call's tenant with scope {@code chat:write}
 * (UNAUTHORIZED without a token, FORBIDDEN for a client token, another tenant's token or a token
 * without the scope), then the conversation (NOT_FOUND if the tenant has no such conversation,
 * FORBIDDEN unless the caller is its customer or an agent: an ACTIVE user with the STAFF or ADMIN
 * role, checked against the account now). What changes is stored, audited in the same transaction
 * ({@code CHAT_CONVERSATION_OPENED}, {@code CHAT_MESSAGE_SENT}, {@code CHAT_AGENT_ASSIGNED}) and
 * published on {@link LiveEvents} ({@link ChatEvent}); adapters receive it with {@link #eventsFor}.
 * Errors are {@link DomainException}s: BAD_REQUEST, INVALID (field errors), TOO_LARGE (content past
 * {@link #MAX_CONTENT} characters), UNAUTHORIZED, FORBIDDEN, NOT_FOUND.
 */
@Service
public class SupportChat {

	/** The most characters a message may have. */
	public static final int MAX_CONTENT = 4000;

	/** How many messages joining answers (the last ones). */
	public static final int HISTORY = 100;

	static final int MAX_SUBJECT = 200;

	static final int MAX_CLIENT_ID = 100;

	static final String ENTITY = "CHAT_CONVERSATIONS";

	private final ChatRepository repository;

	private final AccountAdmin accounts;

	private final AuditTrail audit;

	private final LiveEvents live;

	private final ChatLog log;

	private final TransactionTemplate tx;

	private final AdvisorReplies advisor;

	SupportChat(ChatRepository repository, AccountAdmin accounts, AuditTrail audit, LiveEvents live, ChatLog log,
			TransactionTemplate tx, AdvisorReplies advisor) {
		this.log = log;
		this.repository = repository;
		this.accounts = accounts;
		this.audit = audit;
		this.live = live;
		this.tx = tx;
		this.advisor = advisor;
	}

	/** What a new connection is told: the caller (role AGENT for STAFF and ADMIN, else CUSTOMER), the tenant, the time. */
	public Connected connected(CallContext call) {
		Caller user = caller(call);
		SenderRole role = accounts.isActiveAgent(call.tenant(), user.userId()) ? SenderRole.AGENT : SenderRole.CUSTOMER;
		return new Connected(new Connected.ChatUser(user.userId(), user.username(), role), call.tenant().id(), Timestamps.now());
	}

	/**
	 * {@code joinChat}: joins the conversation, or opens a new one when {@code conversationId} is
	 * null (the caller is its customer).
	 */
	public Joined join(CallContext call, UUID conversationId, String subject) {
		return conversationId == null ? open(call, subject) : join(call, conversationId);
	}

	/** Opens a new conversation with the caller as its customer; no agent yet (the advisor answers). */
	public Joined open(CallContext call, String subject) {
		Caller user = caller(call);
		String topic = subject == null || subject.isBlank() ? null : subject.strip();
		if (topic != null && topic.length() > MAX_SUBJECT) {
			throw DomainException.invalid("subject", "must be at most " + MAX_SUBJECT + " characters", "TOO_LONG");
		}
		Instant now = Timestamps.now();
		Conversation conversation = new Conversation(Ids.newId(), call.tenant().id(), new Participant(user.userId(), user.username()),
				null, topic, ConversationStatus.OPEN, now, now);
		CallContexts.within(call, () -> tx.executeWithoutResult(status -> {
			repository.insert(call.tenant(), conversation);
			audit.record(call.tenant(), "CHAT_CONVERSATION_OPENED", ENTITY, conversation.id(), null, conversation);
		}));
		return new Joined(conversation, List.of());
	}

	/**
	 * Joins a conversation: its customer, or any agent (who is assigned if none is yet). Answers the
	 * conversation and its last {@link #HISTORY} messages, oldest first.
	 */
	public Joined join(CallContext call, UUID conversationId) {
		Caller user = caller(call);
		Access access = access(call, user, required(conversationId));
		Conversation conversation = access.conversation();
		if (access.role() == SenderRole.AGENT && conversation.agent() == null) {
			assign(call, user, conversation.id());
			conversation = repository.find(call.tenant(), conversation.id()).orElseThrow();
		}
		return new Joined(conversation, repository.last(call.tenant(), conversation.id(), HISTORY));
	}

	/** {@code leaveChat}: checks the caller may be in the conversation; adapters stop its events. Nothing is stored. */
	public void leave(CallContext call, UUID conversationId) {
		access(call, caller(call), required(conversationId));
	}

	/**
	 * {@code chatMessage}: stores the message (1..{@link #MAX_CONTENT} characters), audits it and
	 * publishes it to every participant. A {@code clientMessageId} the sender used before in this
	 * conversation answers the stored message again (a retry stores nothing twice). While no agent
	 * has taken the conversation, a customer's message gets the advisor's reply (stored and
	 * published later, off the caller's thread, as a message of sender role ADVISOR).
	 */
	public ChatMessage send(CallContext call, UUID conversationId, String content, String clientMessageId) {
		Caller user = caller(call);
		UUID id = required(conversationId);
		if (content == null || content.isBlank()) {
			throw DomainException.invalid("content", "must not be blank", "REQUIRED");
		}
		if (content.length() > MAX_CONTENT) {
			throw DomainException.tooLarge("The message has " + content.length() + " characters; at most " + MAX_CONTENT + " are accepted.");
		}
		if (clientMessageId != null && (clientMessageId.isEmpty() || clientMessageId.length() > MAX_CLIENT_ID)) {
			throw DomainException.invalid("clientMessageId", "must be 1 to " + MAX_CLIENT_ID + " characters", "TOO_LONG");
		}
		Sent sent;
		try {
			sent = store(call, user, id, content, clientMessageId);
		}
		catch (DuplicateKeyException concurrentRetry) {
			// the same clientMessageId stored by a concurrent retry: answer that one
			sent = new Sent(repository.findByClientId(call.tenant(), id, user.userId(), clientMessageId).orElseThrow(() -> concurrentRetry),
					null, false);
		}
		if (sent.fresh() && sent.message().sender().role() == SenderRole.CUSTOMER && sent.conversation().agent() == null) {
			advisor.replyLater(call, sent.conversation().id());
		}
		return sent.message();
	}

	private Sent store(CallContext call, Caller user, UUID conversationId, String content, String clientMessageId) {
		return CallContexts.within(call, () -> tx.execute(status -> {
			Access access = access(call, user, conversationId);
			if (clientMessageId != null) {
				var known = repository.findByClientId(call.tenant(), conversationId, user.userId(), clientMessageId);
				if (known.isPresent()) {
					return new Sent(known.get(), access.conversation(), false);
				}
			}
			ChatMessage message = new ChatMessage(Ids.newId(), conversationId, new Sender(user.userId(), user.username(), access.role()),
					content, Timestamps.now(), clientMessageId);
			log.record(call.tenant(), access.conversation(), message);
			return new Sent(message, access.conversation(), true);
		}));
	}

	/**
	 * {@code messageDelivered}: the caller has received the message; the other participants are
	 * told (once per user and message: a repeated acknowledgement publishes nothing again).
	 * NOT_FOUND if the conversation has no such message.
	 */
	public MessageDelivered delivered(CallContext call, UUID conversationId, UUID messageId) {
		Caller user = caller(call);
		UUID id = required(conversationId);
		if (messageId == null) {
			throw DomainException.invalid("messageId", "is required", "REQUIRED");
		}
		return CallContexts.within(call, () -> tx.execute(status -> {
			Access access = access(call, user, id);
			repository.findMessage(call.tenant(), id, messageId).orElseThrow(() -> DomainException.notFound("message", messageId));
			Instant now = Timestamps.now();
			MessageDelivered delivered = new MessageDelivered(id, messageId, user.userId(), now);
			if (repository.delivered(call.tenant(), messageId, user.userId(), now)) {
				publish(call.tenant(), access.conversation(), delivered);
			}
			return delivered;
		}));
	}

	/** {@code typingStarted} / {@code typingStopped}: tells the other participants (not stored). */
	public Typing typing(CallContext call, UUID conversationId, boolean started) {
		Caller user = caller(call);
		Access access = access(call, user, required(conversationId));
		Typing typing = new Typing(started ? Typing.STARTED : Typing.STOPPED, conversationId, new Participant(user.userId(), user.username()));
		publish(call.tenant(), access.conversation(), typing);
		return typing;
	}

	/**
	 * {@code assignAgent}: the caller, an agent, takes the conversation (from the advisor or another
	 * agent); every participant is told (again, if the caller had it already). FORBIDDEN for users who are not agents.
	 */
	public AgentAssigned assignAgent(CallContext call, UUID conversationId) {
		Caller user = caller(call);
		UUID id = required(conversationId);
		if (!accounts.isActiveAgent(call.tenant(), user.userId())) {
			repository.find(call.tenant(), id).orElseThrow(() -> DomainException.notFound("conversation", id));
			throw DomainException.forbidden("Only support agents (role STAFF or ADMIN) take conversations.");
		}
		return assign(call, user, id);
	}

	private AgentAssigned assign(CallContext call, Caller user, UUID conversationId) {
		Participant agent = new Participant(user.userId(), user.username());
		return CallContexts.within(call, () -> tx.execute(status -> {
			Conversation conversation = repository.findForUpdate(call.tenant(), conversationId)
				.orElseThrow(() -> DomainException.notFound("conversation", conversationId));
			AgentAssigned assigned = new AgentAssigned(conversationId, agent);
			if (conversation.agent() == null || !conversation.agent().id().equals(agent.id())) {
				repository.assign(call.tenant(), conversationId, agent, Timestamps.now());
				audit.record(call.tenant(), "CHAT_AGENT_ASSIGNED", ENTITY, conversationId,
						java.util.Collections.singletonMap("agent", conversation.agent()), Map.of("agent", agent));
			}
			// told again when the agent had it already: the answer to every assignAgent
			publish(call.tenant(), conversation, assigned);
			return assigned;
		}));
	}

	/**
	 * The events of a conversation for one participant, from now on (hot): messages and agent
	 * assignments (the caller's own included), deliveries and typing of the others (not the
	 * caller's own). Checks now that the caller may be in the conversation (errors as
	 * {@link #join}); subscribe once per joined conversation, dispose on leave.
	 */
	public Flux<ChatEvent> eventsFor(CallContext call, UUID conversationId) {
		Caller user = caller(call);
		UUID id = required(conversationId);
		access(call, user, id);
		Tenant tenant = call.tenant();
		UUID me = user.userId();
		return live.events()
			.filter(event -> event.topic().startsWith("chat.") && event.tenant().equals(tenant)
					&& event.payload() instanceof ChatEvent chat && chat.conversationId().equals(id))
			.map(event -> (ChatEvent) event.payload())
			.filter(event -> !fromMe(event, me));
	}

	private static boolean fromMe(ChatEvent event, UUID me) {
		if (event instanceof Typing typing) {
			return me.equals(typing.user().id());
		}
		return event instanceof MessageDelivered delivered && me.equals(delivered.userId());
	}

	/** Whether the user is an agent now (STAFF or ADMIN, ACTIVE). */
	public boolean isAgent(CallContext call) {
		return accounts.isActiveAgent(call.tenant(), caller(call).userId());
	}

	private void publish(Tenant tenant, Conversation conversation, ChatEvent event) {
		log.publish(tenant, conversation, event);
	}

	record Access(Conversation conversation, SenderRole role) {
	}

	private record Sent(ChatMessage message, Conversation conversation, boolean fresh) {
	}

	Access access(CallContext call, Caller user, UUID conversationId) {
		Conversation conversation = repository.find(call.tenant(), conversationId)
			.orElseThrow(() -> DomainException.notFound("conversation", conversationId));
		if (conversation.customer().id().equals(user.userId())) {
			return new Access(conversation, SenderRole.CUSTOMER);
		}
		if (accounts.isActiveAgent(call.tenant(), user.userId())) {
			return new Access(conversation, SenderRole.AGENT);
		}
		throw DomainException.forbidden("This conversation belongs to another user.");
	}

	private static Caller caller(CallContext call) {
		Caller user = call.user();
		call.require(Scopes.CHAT_WRITE);
		return user;
	}

	private static UUID required(UUID conversationId) {
		if (conversationId == null) {
			throw new DomainException(DomainException.Kind.INVALID, "validation-error",
					"The request is invalid: conversationId: is required",
					List.of(new FieldIssue("conversationId", "is required", "REQUIRED")));
		}
		return conversationId;
	}

}
