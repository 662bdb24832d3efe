package io.petstore.inbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A received message as listed: {@code from} and {@code subject} from its headers (decoded),
 * {@code envelopeFrom} as given in SMTP's MAIL FROM, {@code size} in bytes as received.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageSummary(UUID id, UUID inboxId, String envelopeFrom, String from, String subject, Instant receivedAt, long size) {
}
