package io.petstore.auth;

import java.util.UUID;

import io.petstore.tenancy.Tenant;

/** Whether a user is an active administrator now: the account module answers (roles live with accounts). */
public interface AdminRoles {

	boolean isActiveAdmin(Tenant tenant, UUID userId);

}
