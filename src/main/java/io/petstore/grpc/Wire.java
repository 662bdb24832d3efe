package io.petstore.grpc;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;

import io.petstore.v1.FieldIssue;
import io.petstore.v1.Ids;

/**
 * Small conversions between proto values and the domain's: proto3's defaults (empty string,
 * UNSPECIFIED) mean "not set", i.e. null in the modules' input records; enum values carry their
 * type's prefix ({@code SPECIES_DOG} is {@code Species.DOG}).
 */
final class Wire {

	private Wire() {
	}

	/** What a proto string field gives: null for an empty string (proto3's "not set"). */
	static String given(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	/** A string field's value of a domain value: an empty string for null. */
	static String text(Object value) {
		return value == null ? "" : value.toString();
	}

	/** A required id (BAD_REQUEST, as REST's path parameters, if malformed). */
	static UUID id(String value, String name) {
		return Ids.parse(value, name);
	}

	static Timestamp timestamp(Instant instant) {
		return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
	}


	/**
	 * The domain value of a proto enum value: null for UNSPECIFIED (0); an unknown number (a newer
	 * client's value) is recorded as an {@code invalid_enum} issue of the field, and null.
	 */
	static <E extends Enum<E>> E fromWire(ProtocolMessageEnum value, int number, String prefix, Class<E> type, String field,
			List<FieldIssue> issues) {
		if (number == 0) {
			return null;
		}
		String name = ((Enum<?>) value).name();
		if (name.equals("UNRECOGNIZED") || !name.startsWith(prefix)) {
			issues.add(new FieldIssue(field, "invalid value '" + number + "': must be one of " + names(type), "invalid_enum"));
			return null;
		}
		return Enum.valueOf(type, name.substring(prefix.length()));
	}

	/** The proto value of a domain value; UNSPECIFIED (the type's zero value) for null. */
	static <P extends Enum<P>> P toWire(Enum<?> value, String prefix, Class<P> type) {
		return Enum.valueOf(type, value == null ? prefix + "UNSPECIFIED" : prefix + value.name());
	}

	/** A one-value filter set, or null (any) for UNSPECIFIED. */
	static <E> Set<E> only(E value) {
		return value == null ? null : Set.of(value);
	}

	private static String names(Class<? extends Enum<?>> type) {
		return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
	}

}
