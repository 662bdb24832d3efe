package io.petstore.catalog;

public enum Gender {
	MALE, FEMALE, UNKNOWN
}
