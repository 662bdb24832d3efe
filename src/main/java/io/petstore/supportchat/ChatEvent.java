package io.petstore.supportchat;

import java.util.UUID;

/**
 * Something that happened in a conversation, as its participants receive it. Published on
 * {@code live.LiveEvents} with the topic {@link #topic()} (the record itself is the payload) and
 * read by adapters through {@link SupportChat#eventsFor}. {@link #type()} is the wire type (the
 * WebSocket message's {@code type}, the Socket.IO event name); the record's components are the
 * wire fields.
 */
public sealed interface ChatEvent permits ChatMessage, MessageDelivered, Typing, AgentAssigned {

	String TOPIC_MESSAGE = "chat.message";

	String TOPIC_DELIVERED = "chat.delivered";

	String TOPIC_TYPING = "chat.typing";

	String TOPIC_AGENT_ASSIGNED = "chat.agentAssigned";

	UUID conversationId();

	/** The wire type: {@code chatMessage}, {@code messageDelivered}, {@code typingStarted}, {@code typingStopped}, {@code agentAssigned}. */
	String type();

	/** The live-event topic it is published under. */
	String topic();

}
