package io.petstore.supportchat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.petstore.audit.AuditTrail;
import io.petstore.live.LiveEvent;
import io.petstore.live.LiveEvents;
import io.petstore.tenancy.Tenant;

/** Stores, audits and publishes what happens in conversations, inside the caller's transaction. */
@Component
class ChatLog {

	static final String MESSAGES = "CHAT_MESSAGES";

	private final ChatRepository repository;

	private final AuditTrail audit;

	private final LiveEvents live;

	ChatLog(ChatRepository repository, AuditTrail audit, LiveEvents live) {
		this.repository = repository;
		this.audit = audit;
		this.live = live;
	}

	void record(Tenant tenant, Conversation conversation, ChatMessage message) {
		repository.insert(tenant, message);
		repository.touch(tenant, conversation.id(), message.sentAt());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("conversationId", message.conversationId());
		after.put("senderRole", message.sender().role());
		after.put("content", message.content());
		after.put("clientMessageId", message.clientMessageId());
		audit.record(tenant, message.sender().role() == SenderRole.ADVISOR ? "CHAT_ADVISOR_REPLIED" : "CHAT_MESSAGE_SENT", MESSAGES,
				message.id(), null, after);
		publish(tenant, conversation, message);
	}

	/** On {@code live.LiveEvents}; owner: the conversation's customer (never a public event). */
	void publish(Tenant tenant, Conversation conversation, ChatEvent event) {
		live.publish(new LiveEvent(event.topic(), tenant, conversation.customer().id(), event));
	}

}
