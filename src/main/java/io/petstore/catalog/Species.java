package io.petstore.catalog;

public enum Species {
	DOG, CAT, RABBIT, BIRD, REPTILE, OTHER
}
