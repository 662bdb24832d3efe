package io.petstore.supportchat;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored message; every participant (the sender included) receives it.
 * @param id UUIDv7, the server's
 * @param clientMessageId the sender's own id for it, if it sent one (a retry with the same one answers this message again)
 */
public record ChatMessage(UUID id, UUID conversationId, Sender sender, String content, Instant sentAt, String clientMessageId)
		implements ChatEvent {

	@Override
	public String type() {
		return "chatMessage";
	}

	@Override
	public String topic() {
		return TOPIC_MESSAGE;
	}

}
