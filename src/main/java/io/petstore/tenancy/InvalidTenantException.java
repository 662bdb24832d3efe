package io.petstore.tenancy;

/** The {@code X-Tenant-ID} header is not a UUID. Each API family maps it to its own 400 body. */
public class InvalidTenantException extends RuntimeException {

	public InvalidTenantException(String value) {
		super("X-Tenant-ID must be a UUID, got '" + value + "'");
	}

}
