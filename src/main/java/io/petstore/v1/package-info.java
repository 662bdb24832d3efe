/**
 * Conventions shared by every operation of the Modern Pet Store under {@code /v1}: RFC 9457
 * problem details, {@code {data, pagination}} collections, strict JSON bodies, UUIDv7 ids, and the
 * hand-written OpenAPI 3.1 document at {@code /v1/openapi.json}. Domain modules (catalog, account,
 * store, payment) build their /v1 operations on these.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Modern API v1 conventions", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.petstore.v1;
