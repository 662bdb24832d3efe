/**
 * The audit log: every state-changing operation of every API family and protocol appends one
 * record per changed entity (who, what, which fields before and after, from where) in the
 * transaction of the change, through {@link io.petstore.audit.AuditTrail}. Append-only: nothing
 * in the application updates or deletes a record (a tenant reset keeps them). Owns {@code audit_log};
 * {@link io.petstore.audit.AuditLogs} reads it for the Admin API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package io.petstore.audit;
