package io.petstore.account;

/** Only ACTIVE users can sign in and use their tokens; an administrator sets the others. */
public enum UserStatus {
	ACTIVE, SUSPENDED, DEACTIVATED
}
