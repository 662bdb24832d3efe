package io.petstore.tenancy;

import java.util.UUID;

/**
 * The data pool a request works on. Controllers take it as a parameter; it is resolved from the
 * {@code X-Tenant-ID} header and the tenant has been seeded by the time a controller sees it.
 */
public record Tenant(UUID id) {

	public static final String HEADER = "X-Tenant-ID";

	/** The pool used by requests without {@code X-Tenant-ID}. */
	public static final Tenant SHARED = new Tenant(new UUID(0, 0));

	public boolean isShared() {
		return SHARED.equals(this);
	}

	/**
	 * Parses the header value; {@code null} or blank means the shared pool.
	 * @throws InvalidTenantException when the value is not a UUID
	 */
	public static Tenant fromHeader(String value) {
		if (value == null || value.isBlank()) {
			return SHARED;
		}
		String trimmed = value.trim();
		// UUID.fromString accepts odd forms such as "1-2-3-4-5"; insist on the canonical 36 characters.
		if (trimmed.length() != 36) {
			throw new InvalidTenantException(value);
		}
		try {
			return new Tenant(UUID.fromString(trimmed));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTenantException(value);
		}
	}

}
