package io.petstore.inbox;

/** Body of {@code POST /domain} (schema {@code DomainIn}). */
record DomainInput(String name) {
}
