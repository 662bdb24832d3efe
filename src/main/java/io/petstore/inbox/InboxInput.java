package io.petstore.inbox;

/** Body of {@code POST /inbox}: {@code name} is the address, such as {@code me@mydomain.com}. */
record InboxInput(String name) {
}
