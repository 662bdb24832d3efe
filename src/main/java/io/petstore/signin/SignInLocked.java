package io.petstore.signin;

/**
 * A sign-in refused without checking the secret: the account (or client id) or the client address
 * is locked after too many failures. The message and {@link #retryAfterSeconds()} are the same
 * whether or not the account exists; each API family answers it as a 429 with {@code Retry-After}.
 */
public class SignInLocked extends RuntimeException {

	private final long retryAfterSeconds;

	SignInLocked(long retryAfterSeconds) {
		super("Too many failed sign-in attempts. Try again in " + retryAfterSeconds + (retryAfterSeconds == 1 ? " second." : " seconds."));
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/** Seconds until the lock ends (at least 1): the {@code Retry-After} value. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	/** {@link #retryAfterSeconds()} as the header's text. */
	public String retryAfter() {
		return Long.toString(retryAfterSeconds);
	}

}
