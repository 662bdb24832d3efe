package io.petstore.supportchat;

import java.util.List;

/** The answer to joining: the conversation and its last 100 messages, oldest first. */
public record Joined(Conversation conversation, List<ChatMessage> history) {
}
