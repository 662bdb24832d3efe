package io.petstore.inbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.audit.AuditTrail;

/**
 * Received mail: stores what the SMTP listener accepted (a copy per inbox) and serves it to the
 * inbox's owner.
 */
@Service
class Mailbox {

	private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

	private final MessageRepository messages;

	private final Inboxes inboxes;

	private static final String ENTITY = "INBOX_MESSAGES";

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	Mailbox(MessageRepository messages, Inboxes inboxes, AuditTrail audit, TransactionTemplate tx) {
		this.messages = messages;
		this.inboxes = inboxes;
		this.audit = audit;
		this.tx = tx;
	}

	/** Stores the message in each inbox; returns how many took it (one deleted meanwhile does not). */
	int deliver(String envelopeFrom, Collection<UUID> inboxIds, byte[] raw) {
		MimeReader.Envelope envelope = MimeReader.envelope(raw);
		String sender = envelopeFrom == null ? "" : envelopeFrom.length() > 320 ? envelopeFrom.substring(0, 320) : envelopeFrom;
		int delivered = 0;
		for (UUID inboxId : inboxIds) {
			MessageSummary summary = new MessageSummary(InboxIds.newId(), inboxId, sender, envelope.from(), envelope.subject(),
					InboxIds.now(), raw.length);
			boolean stored = Boolean.TRUE.equals(tx.execute(status -> messages.insert(summary, raw).map(tenant -> {
				audit.record(tenant, "MESSAGE_RECEIVED", ENTITY, summary.id(), null, summary);
				return true;
			}).orElse(false)));
			if (stored) {
				delivered++;
			}
			else {
				log.debug("inbox {} went away before delivery", inboxId);
			}
		}
		return delivered;
	}

	List<MessageSummary> list(InboxAccount owner, UUID inboxId, int limit, int offset) {
		return messages.list(inboxes.get(owner, inboxId).id(), limit, offset);
	}

	long count(InboxAccount owner, UUID inboxId) {
		return inboxes.get(owner, inboxId).messageCount();
	}

	MessageDetail get(InboxAccount owner, UUID inboxId, UUID id) {
		UUID inbox = inboxes.get(owner, inboxId).id();
		MessageSummary summary = messages.find(inbox, id).orElseThrow(() -> InboxErrors.notFound("Message"));
		byte[] raw = messages.raw(inbox, id).orElseThrow(() -> InboxErrors.notFound("Message"));
		return MimeReader.read(summary, raw);
	}

	byte[] raw(InboxAccount owner, UUID inboxId, UUID id) {
		return messages.raw(inboxes.get(owner, inboxId).id(), id).orElseThrow(() -> InboxErrors.notFound("Message"));
	}

	@Transactional
	void delete(InboxAccount owner, UUID inboxId, UUID id) {
		UUID inbox = inboxes.get(owner, inboxId).id();
		MessageSummary before = messages.find(inbox, id).orElse(null);
		if (before == null || !messages.delete(inbox, id)) {
			throw InboxErrors.notFound("Message");
		}
		audit.record(owner.tenant(), "MESSAGE_DELETED", ENTITY, id, before, null);
	}

	@Transactional
	int deleteAll(InboxAccount owner, UUID inboxId) {
		int deleted = messages.deleteAll(inboxes.get(owner, inboxId).id());
		audit.record(owner.tenant(), "MESSAGES_DELETED", "INBOXES", inboxId, Map.of("messageCount", deleted),
				Map.of("messageCount", 0));
		return deleted;
	}

}
