package io.petstore.supportchat;

import java.util.UUID;

/** Who wrote a message; {@code id} is null for the advisor. */
public record Sender(UUID id, String username, SenderRole role) {
}
