package io.petstore.account;

/**
 * What an account may do beyond its own data: USER (nothing more), STAFF (a support agent: takes
 * customers' support-chat conversations), ADMIN (the Admin API; also a support agent).
 */
public enum Role {
	USER, ADMIN, STAFF
}
