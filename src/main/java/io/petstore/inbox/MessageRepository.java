package io.petstore.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.tenancy.Tenant;

/** SQL for {@code inbox_message} and {@code inbox_message_raw}. Callers have checked that the inbox is the caller's. */
@Repository
class MessageRepository {

	private static final String SUMMARY = "id, inbox_id, envelope_from, from_header, subject, received_at, size_bytes";

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores the message in its inbox and counts it, under the inbox row's lock.
	 * @return the inbox's tenant; empty (nothing stored) when the inbox is gone
	 */
	@Transactional
	Optional<Tenant> insert(MessageSummary message, byte[] raw) {
		Optional<Tenant> tenant = InboxRepository.lockedTenant(jdbc, message.inboxId());
		if (tenant.isEmpty()) {
			return tenant;
		}
		jdbc.sql("INSERT INTO inbox_message (id, inbox_id, received_at, envelope_from, from_header, subject, size_bytes) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(message.id(), message.inboxId(), DomainRepository.time(message.receivedAt()), message.envelopeFrom(),
					message.from(), message.subject(), message.size())
			.update();
		jdbc.sql("INSERT INTO inbox_message_raw (message_id, raw) VALUES (?, ?)").params(message.id(), raw).update();
		count(message.inboxId(), 1);
		return tenant;
	}

	private void count(UUID inboxId, long delta) {
		jdbc.sql("UPDATE inbox_inbox SET message_count = message_count + ? WHERE id = ?").params(delta, inboxId).update();
	}

	/** Newest first. */
	List<MessageSummary> list(UUID inboxId, int limit, int offset) {
		return jdbc.sql("SELECT " + SUMMARY + " FROM inbox_message WHERE inbox_id = ? ORDER BY inbox_id, received_at DESC, id DESC "
				+ "LIMIT ? OFFSET ?")
			.params(inboxId, limit, offset)
			.query(MessageRepository::map)
			.list();
	}

	Optional<MessageSummary> find(UUID inboxId, UUID id) {
		return jdbc.sql("SELECT " + SUMMARY + " FROM inbox_message WHERE inbox_id = ? AND id = ?")
			.params(inboxId, id)
			.query(MessageRepository::map)
			.optional();
	}

	Optional<byte[]> raw(UUID inboxId, UUID id) {
		return jdbc.sql("SELECT r.raw FROM inbox_message_raw r JOIN inbox_message m ON m.id = r.message_id "
				+ "WHERE m.inbox_id = ? AND m.id = ?")
			.params(inboxId, id)
			.query((rs, row) -> rs.getBytes("raw"))
			.optional();
	}

	@Transactional
	boolean delete(UUID inboxId, UUID id) {
		boolean deleted = jdbc.sql("DELETE FROM inbox_message WHERE inbox_id = ? AND id = ?").params(inboxId, id).update() == 1;
		if (deleted) {
			count(inboxId, -1);
		}
		return deleted;
	}

	@Transactional
	int deleteAll(UUID inboxId) {
		InboxRepository.lock(jdbc, inboxId);
		int deleted = jdbc.sql("DELETE FROM inbox_message WHERE inbox_id = ?").param(inboxId).update();
		jdbc.sql("UPDATE inbox_inbox SET message_count = 0 WHERE id = ?").param(inboxId).update();
		return deleted;
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM inbox_message WHERE inbox_id IN (SELECT id FROM inbox_inbox WHERE tenant_id = ?)")
			.param(tenant.id()).update();
	}

	private static MessageSummary map(ResultSet rs, int row) throws SQLException {
		return new MessageSummary(rs.getObject("id", UUID.class), rs.getObject("inbox_id", UUID.class),
				rs.getString("envelope_from"), rs.getString("from_header"), rs.getString("subject"),
				rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getLong("size_bytes"));
	}

}
