package io.petstore.inbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One received message, parsed: every header in order (values decoded), the first text/plain and
 * text/html parts, and the attachments' names, types and decoded sizes. {@code sentAt} is the
 * Date header; {@code parseError} is set when the MIME structure could not be read in full.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record MessageDetail(UUID id, UUID inboxId, String envelopeFrom, String from, List<String> to, List<String> cc,
		String subject, Instant sentAt, Instant receivedAt, long size, List<Header> headers, String text, String html,
		List<Attachment> attachments, String parseError) {

	record Header(String name, String value) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Attachment(String fileName, String contentType, long size) {
	}

}
