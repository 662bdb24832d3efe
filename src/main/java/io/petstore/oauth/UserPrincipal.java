package io.petstore.oauth;

import java.util.Optional;
import java.util.UUID;

import io.petstore.tenancy.Tenant;

/**
 * How a signed-in user of the Modern API is named inside the authorization server (its
 * authorizations and consents): {@code <tenant id>:<user id>}, since users belong to a tenant.
 */
record UserPrincipal(Tenant tenant, UUID userId) {

	String name() {
		return tenant.id() + ":" + userId;
	}

	static Optional<UserPrincipal> parse(String name) {
		int colon = name == null ? -1 : name.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(new UserPrincipal(new Tenant(UUID.fromString(name.substring(0, colon))),
					UUID.fromString(name.substring(colon + 1))));
		}
		catch (IllegalArgumentException notOurs) {
			return Optional.empty();
		}
	}

}
