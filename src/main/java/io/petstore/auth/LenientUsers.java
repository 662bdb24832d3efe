package io.petstore.auth;

import java.util.UUID;

import io.petstore.tenancy.Tenant;

/**
 * Keeps the users that made-up bearer values stand for in lenient mode ({@link LenientTokens});
 * the account module implements it.
 */
public interface LenientUsers {

	/**
	 * The user a made-up bearer value stands for in the tenant, created on first use (once, however
	 * many requests race to create it).
	 * @param tokenHash the SHA-256 of the value, 64 lower-case hex digits (the value itself is never stored)
	 */
	StandIn userFor(Tenant tenant, String tokenHash);

	/** A made-up token's user: its id, current username and account status ({@code ACTIVE} to act). */
	record StandIn(UUID id, String username, String status) {

		public boolean active() {
			return "ACTIVE".equals(status);
		}

	}

}
