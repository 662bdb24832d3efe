package io.petstore.account;

public enum Role {
	USER, ADMIN
}
