package io.petstore.classic;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How {@code /v2} answers: {@code petstore.classic.mode=reference} (the default) answers as the
 * reference server behind petstore.swagger.io/v2 does (same status codes and body shapes, odd
 * statuses stored, nothing enforced); {@code strict} follows the served document instead: required
 * fields, enum values and malformed ids refused with its codes, no password in responses, and the
 * declared security ({@code api_key}, {@code petstore_auth}) enforced. The older
 * {@code petstore.classic.strict-auth=true} still turns strict mode on.
 */
@Component
public class ClassicMode {

	private final boolean strict;

	ClassicMode(@Value("${petstore.classic.mode:reference}") String mode,
			@Value("${petstore.classic.strict-auth:false}") boolean strictAuth) {
		String normalized = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
		boolean strictMode = switch (normalized) {
			case "", "reference" -> false;
			case "strict" -> true;
			default -> throw new IllegalArgumentException(
					"petstore.classic.mode must be 'reference' or 'strict', not '" + mode + "'");
		};
		this.strict = strictMode || strictAuth;
	}

	/** Whether the document's rules apply (and its security is enforced). */
	public boolean strict() {
		return strict;
	}

	/** Whether {@code /v2} answers as the reference server does (the default). */
	public boolean reference() {
		return !strict;
	}

}
