package io.petstore.supportchat;

/** In which capacity someone writes in a conversation (and how {@code connected} names a user). */
public enum SenderRole {
	/** The user who opened the conversation. */
	CUSTOMER,
	/** A support agent (STAFF or ADMIN). */
	AGENT,
	/** The pet-care advisor, answering while no agent has taken the conversation. */
	ADVISOR
}
