package io.petstore.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code inbox_message}. Callers have checked that the inbox is the caller's. */
@Repository
class MessageRepository {

	private static final String SUMMARY = "id, inbox_id, envelope_from, from_header, subject, received_at, size_bytes";

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(MessageSummary message, byte[] raw) {
		jdbc.sql("INSERT INTO inbox_message (id, inbox_id, received_at, envelope_from, from_header, subject, size_bytes, raw) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(message.id(), message.inboxId(), DomainRepository.time(message.receivedAt()), message.envelopeFrom(),
					message.from(), message.subject(), message.size(), raw)
			.update();
	}

	/** Newest first. */
	List<MessageSummary> list(UUID inboxId, int limit, int offset) {
		return jdbc.sql("SELECT " + SUMMARY + " FROM inbox_message WHERE inbox_id = ? ORDER BY received_at DESC, id DESC "
				+ "LIMIT ? OFFSET ?")
			.params(inboxId, limit, offset)
			.query(MessageRepository::map)
			.list();
	}

	long count(UUID inboxId) {
		return jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE inbox_id = ?").param(inboxId).query(Long.class).single();
	}

	Optional<MessageSummary> find(UUID inboxId, UUID id) {
		return jdbc.sql("SELECT " + SUMMARY + " FROM inbox_message WHERE inbox_id = ? AND id = ?")
			.params(inboxId, id)
			.query(MessageRepository::map)
			.optional();
	}

	Optional<byte[]> raw(UUID inboxId, UUID id) {
		return jdbc.sql("SELECT raw FROM inbox_message WHERE inbox_id = ? AND id = ?")
			.params(inboxId, id)
			.query((rs, row) -> rs.getBytes("raw"))
			.optional();
	}

	boolean delete(UUID inboxId, UUID id) {
		return jdbc.sql("DELETE FROM inbox_message WHERE inbox_id = ? AND id = ?").params(inboxId, id).update() == 1;
	}

	int deleteAll(UUID inboxId) {
		return jdbc.sql("DELETE FROM inbox_message WHERE inbox_id = ?").param(inboxId).update();
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
