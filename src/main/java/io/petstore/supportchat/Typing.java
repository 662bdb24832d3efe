package io.petstore.supportchat;

import java.util.UUID;

/**
 * A participant started or stopped typing (not stored); the other participants are told.
 * @param type {@code typingStarted} or {@code typingStopped}
 */
public record Typing(String type, UUID conversationId, Participant user) implements ChatEvent {

	public static final String STARTED = "typingStarted";

	public static final String STOPPED = "typingStopped";

	@Override
	public String topic() {
		return TOPIC_TYPING;
	}

}
