package io.petstore.supportchat;

import java.time.Instant;
import java.util.UUID;

/**
 * What a connection is told first ({@code connected}).
 * @param user the caller, with role AGENT (STAFF or ADMIN) or CUSTOMER
 */
public record Connected(ChatUser user, UUID tenantId, Instant serverTime) {

	/** A user as {@code connected} names them. */
	public record ChatUser(UUID id, String username, SenderRole role) {
	}

}
