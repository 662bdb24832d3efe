package io.petstore.classic;

import io.petstore.tenancy.Tenant;

/** A classic user was deleted; published inside the deleting transaction. */
public record ClassicUserDeleted(Tenant tenant, long userId) {
}
