package io.petstore.v1;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** New ids for /v1 resources: UUID version 7 (time-ordered, so new rows append to indexes). */
public final class Ids {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private Ids() {
	}

	public static UUID newId() {
		return GENERATOR.generate();
	}

	/** Parses a path id, refusing anything but the canonical 36-character form with a 400. */
	public static UUID parse(String value, String name) {
		if (value != null && value.length() == 36) {
			try {
				return UUID.fromString(value);
			}
			catch (IllegalArgumentException ignored) {
				// fall through
			}
		}
		throw DomainException.badRequest("Invalid value for parameter '" + name + "': must be a UUID.");
	}

}
