/**
 * Shared web infrastructure used by every HTTP adapter: JSON and XML mappers, request size limits,
 * CORS. Holds no domain data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web infrastructure", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.petstore.web;
