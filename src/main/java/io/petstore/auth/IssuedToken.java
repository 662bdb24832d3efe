package io.petstore.auth;

import java.time.Instant;

/** A signed bearer token and when it expires: the body of {@code POST /v1/auth/tokens}. */
public record IssuedToken(String token, Instant expiresAt) {
}
