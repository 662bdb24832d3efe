package io.petstore.supportchat;

import java.time.Instant;
import java.util.UUID;

/** A participant ({@code userId}) has received a message; the other participants are told. */
public record MessageDelivered(UUID conversationId, UUID messageId, UUID userId, Instant at) implements ChatEvent {

	@Override
	public String type() {
		return "messageDelivered";
	}

	@Override
	public String topic() {
		return TOPIC_DELIVERED;
	}

}
