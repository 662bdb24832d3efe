/**
 * Shared persistence helpers that differ between the supported databases (H2, PostgreSQL). Holds no
 * data of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Persistence", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.petstore.persistence;
