/**
 * The Admin API under {@code /v1/admin}: the dashboard's figures, user management (list, details,
 * status and role), order management (list every order, force-cancel) and the audit log. Every
 * operation needs a bearer token of a user with the ADMIN role now (401 without a token, 403
 * otherwise). Owns no data: it calls the modules' admin APIs ({@code account.AccountAdmin},
 * {@code store.OrderAdmin}, {@code catalog.PetCatalog}, {@code payment.Payments},
 * {@code audit.AuditLogs}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin API")
package io.petstore.admin;
