package io.petstore.oauth;

import org.springframework.security.authentication.LockedException;

/**
 * The login page's sign-in refused by the sign-in brake (the account or the address is locked), with
 * the seconds until it may be tried again. A {@link LockedException}, so Spring's provider manager
 * does not try other providers.
 */
final class LoginLocked extends LockedException {

	private final String retryAfter;

	LoginLocked(String message, String retryAfter) {
		super(message);
		this.retryAfter = retryAfter == null ? "60" : retryAfter;
	}

	String retryAfter() {
		return retryAfter;
	}

}
