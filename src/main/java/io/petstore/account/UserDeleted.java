package io.petstore.account;

import java.util.UUID;

import io.petstore.tenancy.Tenant;

/** Published inside the transaction that deletes a /v1 user: what belongs to the user goes too. */
public record UserDeleted(Tenant tenant, UUID userId) {
}
