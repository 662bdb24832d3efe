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

/** SQL for {@code inbox_inbox}. An inbox belongs to whoever owns its domain. */
@Repository
class InboxRepository {

	private static final String SELECT = "SELECT i.id, i.address, i.domain_id, i.created_at, i.message_count FROM inbox_inbox i "
			+ "JOIN inbox_domain d ON d.id = i.domain_id WHERE d.tenant_id = ? AND d.owner_id = ?";

	private final JdbcClient jdbc;

	InboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, Inbox inbox) {
		jdbc.sql("INSERT INTO inbox_inbox (id, tenant_id, domain_id, address, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(inbox.id(), tenant.id(), inbox.domainId(), inbox.name(), DomainRepository.time(inbox.createdAt()))
			.update();
	}

	Optional<Inbox> find(InboxAccount owner, UUID id) {
		return jdbc.sql(SELECT + " AND i.id = ?")
			.params(owner.tenant().id(), owner.ownerId(), id)
			.query(InboxRepository::map)
			.optional();
	}

	List<Inbox> list(InboxAccount owner, UUID domainId) {
		if (domainId != null) {
			return jdbc.sql(SELECT + " AND i.domain_id = ? ORDER BY i.address")
				.params(owner.tenant().id(), owner.ownerId(), domainId)
				.query(InboxRepository::map)
				.list();
		}
		return jdbc.sql(SELECT + " ORDER BY i.address")
			.params(owner.tenant().id(), owner.ownerId())
			.query(InboxRepository::map)
			.list();
	}

	int countInDomain(UUID domainId) {
		return jdbc.sql("SELECT COUNT(*) FROM inbox_inbox WHERE domain_id = ?").param(domainId).query(Integer.class).single();
	}

	/** Deletes the inbox and its messages; the caller holds the transaction. */
	boolean delete(InboxAccount owner, UUID id) {
		if (find(owner, id).isEmpty()) {
			return false;
		}
		// the inbox row's lock first, as delivery takes it: no message lands between the two deletes
		lock(jdbc, id);
		jdbc.sql("DELETE FROM inbox_message WHERE inbox_id = ?").param(id).update();
		return jdbc.sql("DELETE FROM inbox_inbox WHERE id = ?").param(id).update() == 1;
	}

	/** Deletes the messages of every inbox of the domain (whose inboxes the domain's deletion takes). */
	void deleteMessagesInDomain(UUID domainId) {
		jdbc.sql("SELECT id FROM inbox_inbox WHERE domain_id = ? FOR UPDATE").param(domainId).query(UUID.class).list();
		jdbc.sql("DELETE FROM inbox_message WHERE inbox_id IN (SELECT id FROM inbox_inbox WHERE domain_id = ?)").param(domainId).update();
	}

	/** Deletes the messages of every inbox of the owner's domains. */
	void deleteMessagesOf(InboxAccount owner) {
		jdbc.sql("DELETE FROM inbox_message WHERE inbox_id IN (SELECT i.id FROM inbox_inbox i JOIN inbox_domain d ON d.id = i.domain_id "
				+ "WHERE d.tenant_id = ? AND d.owner_id = ?)")
			.params(owner.tenant().id(), owner.ownerId())
			.update();
	}

	/**
	 * Locks the inbox's row for the rest of the transaction: delivery, counting and deletion of its
	 * messages take turns on it. False when there is no such inbox.
	 */
	/** Locks the inbox row; the inbox's tenant, or empty when there is no such inbox. */
	static java.util.Optional<Tenant> lockedTenant(JdbcClient jdbc, UUID inboxId) {
		return jdbc.sql("SELECT tenant_id FROM inbox_inbox WHERE id = ? FOR UPDATE").param(inboxId).query(UUID.class).optional()
			.map(Tenant::new);
	}

	static boolean lock(JdbcClient jdbc, UUID inboxId) {
		return lockedTenant(jdbc, inboxId).isPresent();
	}

	/** Inboxes that take mail for this address now: in every tenant, on a validated, active domain. */
	List<UUID> deliverable(String address) {
		return jdbc.sql("SELECT i.id FROM inbox_inbox i JOIN inbox_domain d ON d.id = i.domain_id "
				+ "WHERE i.address = ? AND d.status = 'VALIDATED' AND d.active = TRUE")
			.param(address)
			.query(UUID.class)
			.list();
	}

	private static Inbox map(ResultSet rs, int row) throws SQLException {
		return new Inbox(rs.getObject("id", UUID.class), rs.getString("address"), rs.getObject("domain_id", UUID.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("message_count"));
	}

}
