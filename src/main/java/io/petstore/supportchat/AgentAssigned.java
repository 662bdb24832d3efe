package io.petstore.supportchat;

import java.util.UUID;

/** An agent has taken the conversation (the advisor stops answering); every participant is told. */
public record AgentAssigned(UUID conversationId, Participant agent) implements ChatEvent {

	@Override
	public String type() {
		return "agentAssigned";
	}

	@Override
	public String topic() {
		return TOPIC_AGENT_ASSIGNED;
	}

}
