/**
 * The classic Swagger Petstore v2 under {@code /v2}: pets ({@code pet}), orders and inventory
 * ({@code store}) and users ({@code user}), JSON and XML, with the reference server's semantics
 * that generated clients depend on. Owns the {@code classic_*} tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Classic Petstore v2")
package io.petstore.classic;
