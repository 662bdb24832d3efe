/**
 * Tenancy: which data pool a request reads and writes. A request with {@code X-Tenant-ID} (a UUID)
 * works on that tenant's data only; without it, on the shared pool. A tenant is seeded on first use
 * and can be reset to the seed data ({@code POST /admin/reset}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tenancy")
package io.petstore.tenancy;
