package io.petstore.signin;

/** What a secret is checked for; each kind has its own counters (and audit entity type). */
public enum SignInKind {

	/** A Modern API user ({@code /v1}, the OAuth2 login page); the name is the normalised username. */
	USER,

	/** A classic {@code /v2} user (Inboxes API HTTP Basic, strict login); the name is the username. */
	CLASSIC_USER,

	/** An OAuth2 client authenticating at the token, introspection, revocation or device endpoint. */
	OAUTH_CLIENT,

	/** The client address of a request (any kind, any tenant); used by the brake itself. */
	ADDRESS;

	/** The audit record's entity type for a lock of this kind, e.g. {@code SIGN_IN_USER}. */
	String entityType() {
		return "SIGN_IN_" + name();
	}

}
