package io.petstore.inbox;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/** Ids of keys, domains, inboxes and messages: UUIDv7, so new rows append to their indexes. */
final class InboxIds {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private InboxIds() {
	}

	static UUID newId() {
		return GENERATOR.generate();
	}

}
