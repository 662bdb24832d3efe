package io.petstore.auth;

import io.petstore.v1.DomainException;

/**
 * What a call presents, as its transport carries it: an HTTP header, gRPC metadata, a WebSocket
 * handshake or a GraphQL {@code connection_init} payload. {@link CallContexts#open} checks it.
 * @param bearerToken the token, without {@code Bearer }; null without one
 * @param tenant the {@code X-Tenant-ID} value as sent; null or blank for the shared pool
 * @param origin where the call comes from
 */
public record Credentials(String bearerToken, String tenant, Origin origin) {

	/**
	 * From an {@code Authorization} value ({@code Bearer <token>}; null or blank for none).
	 * @throws DomainException UNAUTHORIZED for another scheme
	 */
	public static Credentials of(String authorization, String tenant, Origin origin) {
		if (authorization == null || authorization.isBlank()) {
			return new Credentials(null, tenant, origin);
		}
		String[] parts = authorization.strip().split("\\s+", 2);
		if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
			throw DomainException.unauthorized("The Authorization value must be 'Bearer <token>'.");
		}
		return new Credentials(parts[1], tenant, origin);
	}

}
