/**
 * Bearer tokens for the Modern API: RS256-signed JWTs issued by {@link io.petstore.auth.TokenService}
 * and checked by Spring Security's resource server on every {@code /v1} request. The signing key is
 * generated once and kept in the database ({@code auth_signing_key}), so tokens survive restarts and
 * every instance accepts every other's. Controllers take a {@link io.petstore.auth.Caller}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auth (tokens)")
package io.petstore.auth;
