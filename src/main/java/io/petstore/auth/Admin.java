package io.petstore.auth;

import java.util.UUID;

import io.petstore.tenancy.Tenant;

/**
 * A caller whose account held the ADMIN role (and was active) when {@link Admins#require} checked
 * it. Only that check makes one, so an Admin API operation that takes it cannot be reached without
 * the check, from any protocol.
 */
public final class Admin {

	private final Caller caller;

	Admin(Caller caller) {
		this.caller = caller;
	}

	public Caller caller() {
		return caller;
	}

	public Tenant tenant() {
		return caller.tenant();
	}

	public UUID userId() {
		return caller.userId();
	}

	public String username() {
		return caller.username();
	}

}
