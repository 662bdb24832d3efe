package io.petstore.inbox;

/**
 * Body of {@code PUT /domain}: the domain's {@code id} and what changes. A new {@code name} renames
 * it (its ownership must then be proven again); {@code active} switches mail on or off. Read-only
 * fields ({@code validate}, {@code status}) are ignored.
 */
record DomainUpdate(String id, String name, Boolean active) {
}
