package io.petstore.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The time stamps every module stores and shows: UTC, to the millisecond, so that a time read back
 * from either database and written in JSON equals the one written (both keep microseconds, the
 * API's date-times show milliseconds).
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	public static OffsetDateTime nowUtc() {
		return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
	}

}
