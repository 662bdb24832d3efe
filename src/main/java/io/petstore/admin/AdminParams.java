package io.petstore.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.petstore.v1.DomainException;

/** Query parameters of the Admin API, checked: a bad value is a 400 that names the parameter. */
final class AdminParams {

	private AdminParams() {
	}

	/** An RFC 3339 date-time, or a date (its start, UTC). */
	static Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("Invalid value for parameter '" + name
					+ "': must be a date (2026-11-23) or an RFC 3339 date-time (2026-11-23T10:00:00Z).");
		}
	}

	static LocalDate date(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw DomainException.badRequest("Invalid value for parameter '" + name + "': must be a date such as 2026-11-23.");
		}
	}

	/** {@code createdFrom} (inclusive) and {@code createdTo} (exclusive); either may be null. */
	record Created(Instant from, Instant to) {
	}

	static Created created(String createdFrom, String createdTo) {
		Instant from = instant("createdFrom", createdFrom);
		Instant to = instant("createdTo", createdTo);
		if (from != null && to != null && !from.isBefore(to)) {
			throw DomainException.badRequest("Invalid range: 'createdFrom' must be before 'createdTo'.");
		}
		return new Created(from, to);
	}

	static String text(String name, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw DomainException.badRequest("Invalid value for parameter '" + name + "': at most " + max + " characters.");
		}
		return value.strip();
	}

}
