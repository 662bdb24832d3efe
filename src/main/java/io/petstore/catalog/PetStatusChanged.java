package io.petstore.catalog;

import io.petstore.tenancy.Tenant;

/**
 * A pet's status changed (an order reserved it, a payment adopted it, a cancel released it, or an
 * update set it), published in the transaction of the change.
 * @param pet the pet after the change
 */
public record PetStatusChanged(Tenant tenant, Pet pet, PetStatus from, PetStatus to) {
}
