package io.petstore.supportchat;

/** Whether a conversation takes messages. */
public enum ConversationStatus {
	OPEN, CLOSED
}
