package io.petstore.supportchat;

import java.util.UUID;

/** A user taking part in a conversation, as the wire names them: {@code {id, username}}. */
public record Participant(UUID id, String username) {
}
