package io.petstore.catalog;

public enum PetSize {
	SMALL, MEDIUM, LARGE
}
