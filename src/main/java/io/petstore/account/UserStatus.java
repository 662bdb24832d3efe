package io.petstore.account;

public enum UserStatus {
	ACTIVE, SUSPENDED
}
