package io.petstore.classic;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

/**
 * Dates of the classic API. Written as RFC 3339 in UTC with milliseconds
 * ({@code 2024-01-02T03:04:05.678Z}); the reference's {@code +0000} form is not RFC 3339 and
 * breaks Go clients. Read leniently, as the reference did: any ISO offset (with or without a
 * colon, so the reference's own output round-trips), a date alone (midnight UTC), or epoch
 * milliseconds.
 */
public final class ClassicDateTime {

	private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

	private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
		.optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
		.optionalStart().appendOffset("+HH", "Z").optionalEnd()
		.toFormatter();

	private ClassicDateTime() {
	}

	public static String format(OffsetDateTime value) {
		return WRITE.format(value.withOffsetSameInstant(ZoneOffset.UTC));
	}

	/** @throws IllegalArgumentException when the text is no date the classic API accepts */
	public static OffsetDateTime parse(String text) {
		String s = text.trim();
		try {
			if (s.matches("-?\\d{9,}")) {
				return Instant.ofEpochMilli(Long.parseLong(s)).atOffset(ZoneOffset.UTC);
			}
			if (s.length() == 10) {
				return LocalDate.parse(s).atStartOfDay().atOffset(ZoneOffset.UTC);
			}
			var parsed = READ.parseBest(s, OffsetDateTime::from, java.time.LocalDateTime::from);
			OffsetDateTime result = parsed instanceof OffsetDateTime odt ? odt
					: ((java.time.LocalDateTime) parsed).atOffset(ZoneOffset.UTC);
			return result.withOffsetSameInstant(ZoneOffset.UTC);
		}
		catch (NumberFormatException | java.time.DateTimeException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a date-time (use RFC 3339, e.g. 2024-01-02T03:04:05.678Z)");
		}
	}

	public static final class Serializer extends ValueSerializer<OffsetDateTime> {

		@Override
		public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext ctxt) {
			gen.writeString(format(value));
		}

	}

	public static final class Deserializer extends ValueDeserializer<OffsetDateTime> {

		@Override
		public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) {
			if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
				return Instant.ofEpochMilli(p.getLongValue()).atOffset(ZoneOffset.UTC);
			}
			String text = p.getValueAsString();
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return parse(text);
			}
			catch (IllegalArgumentException ex) {
				return (OffsetDateTime) ctxt.handleWeirdStringValue(OffsetDateTime.class, text, ex.getMessage());
			}
		}

	}

}
