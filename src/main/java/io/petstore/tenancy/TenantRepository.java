package io.petstore.tenancy;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code tenant}: every data pool that exists (seeded), the shared one included. */
@Repository
class TenantRepository {

	private final JdbcClient jdbc;

	TenantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean exists(UUID id) {
		return jdbc.sql("SELECT COUNT(*) FROM tenant WHERE id = ?").param(id).query(Long.class).single() > 0;
	}

	/** A {@link org.springframework.dao.DuplicateKeyException} if another request or instance created it first. */
	void insert(UUID id, OffsetDateTime createdAt) {
		jdbc.sql("INSERT INTO tenant (id, created_at) VALUES (?, ?)").params(id, createdAt).update();
	}

}
