package io.petstore.tenancy;

/**
 * Published, inside the transaction that creates or resets a tenant, when the tenant's data must be
 * (re)set to the seed data. Every module that owns data listens, deletes the tenant's rows and
 * writes its seed rows, synchronously, so the whole reset commits or rolls back as one.
 */
public record TenantSeedRequested(Tenant tenant, boolean reset) {
}
