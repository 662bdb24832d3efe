package io.petstore.v1;

import java.util.Arrays;
import java.util.UUID;

/** Optional /v1 query parameters, checked: a bad value is a 400 that names the parameter. */
public final class QueryParams {

	private QueryParams() {
	}

	/**
	 * The enum constant named, spelled as the document lists it (upper case), or null when the parameter
	 * is absent or blank.
	 */
	public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.badRequest("Invalid value for parameter '" + name + "'. Must be one of: "
					+ String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ".");
		}
	}

	/** The UUID given, or null when the parameter is absent or blank. */
	public static UUID uuid(String name, String value) {
		return value == null || value.isBlank() ? null : Ids.parse(value.strip(), name);
	}

}
