package io.petstore.inbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code inbox_api_key}. */
@Repository
class ApiKeyRepository {

	private final JdbcClient jdbc;

	ApiKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(InboxAccount owner, ApiKey key, String hash) {
		jdbc.sql("INSERT INTO inbox_api_key (id, tenant_id, owner_id, name, prefix, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(key.id(), owner.tenant().id(), owner.ownerId(), key.name(), key.prefix(), hash,
					OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC))
			.update();
	}

	List<ApiKey> list(InboxAccount owner) {
		return jdbc.sql("SELECT id, name, prefix, created_at FROM inbox_api_key WHERE tenant_id = ? AND owner_id = ? ORDER BY created_at, id")
			.params(owner.tenant().id(), owner.ownerId())
			.query((rs, row) -> new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
					rs.getObject("created_at", OffsetDateTime.class).toInstant(), null))
			.list();
	}

	/** The owner of the key with this hash, if it was issued in this tenant. */
	Optional<Long> ownerOf(Tenant tenant, String hash) {
		return jdbc.sql("SELECT owner_id FROM inbox_api_key WHERE key_hash = ? AND tenant_id = ?")
			.params(hash, tenant.id())
			.query(Long.class)
			.optional();
	}

	int count(InboxAccount owner) {
		return jdbc.sql("SELECT COUNT(*) FROM inbox_api_key WHERE tenant_id = ? AND owner_id = ?")
			.params(owner.tenant().id(), owner.ownerId())
			.query(Integer.class).single();
	}

	boolean delete(InboxAccount owner, UUID id) {
		return jdbc.sql("DELETE FROM inbox_api_key WHERE tenant_id = ? AND owner_id = ? AND id = ?")
			.params(owner.tenant().id(), owner.ownerId(), id)
			.update() == 1;
	}

	void deleteAll(InboxAccount owner) {
		jdbc.sql("DELETE FROM inbox_api_key WHERE tenant_id = ? AND owner_id = ?").params(owner.tenant().id(), owner.ownerId()).update();
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM inbox_api_key WHERE tenant_id = ?").param(tenant.id()).update();
	}

}
