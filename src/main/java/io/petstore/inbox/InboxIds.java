package io.petstore.inbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids of keys, domains, inboxes and messages (UUIDv7, so new rows append to their indexes) and
 * their timestamps (microseconds, what both databases store).
 */
final class InboxIds {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private InboxIds() {
	}

	static UUID newId() {
		return GENERATOR.generate();
	}

	static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

}
