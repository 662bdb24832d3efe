package io.petstore.classic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose Swagger document declares {@code petstore_auth} (OAuth2) with the
 * scopes {@code write:pets} and {@code read:pets}. Only checked when
 * strict mode ({@link ClassicMode}): then a bearer token from the authorization server (or
 * {@code POST /v1/auth/tokens}) carrying both scopes is required (401 without or invalid, 403
 * lacking a scope).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PetstoreAuth {

	/** The scopes the document declares for every {@code petstore_auth} operation. */
	String[] SCOPES = { "write:pets", "read:pets" };

}
