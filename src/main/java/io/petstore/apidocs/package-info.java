/**
 * Swagger UI at {@code /docs/}, showing every API document that a module contributes as an
 * {@link io.petstore.apidocs.ApiDocument} bean.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API documents")
package io.petstore.apidocs;
