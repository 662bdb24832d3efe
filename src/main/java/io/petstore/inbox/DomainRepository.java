package io.petstore.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code inbox_domain}. Every read and write is scoped to the owner's tenant and id. */
@Repository
class DomainRepository {

	private static final String COLUMNS = "id, owner_id, name, txt_value, status, active, created_at, validated_at";

	private final JdbcClient jdbc;

	DomainRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(InboxAccount owner, Domain domain) {
		jdbc.sql("INSERT INTO inbox_domain (id, tenant_id, owner_id, name, txt_value, status, active, created_at, validated_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(domain.id(), owner.tenant().id(), owner.ownerId(), domain.name(), domain.validate(), domain.status().name(),
					domain.active(), time(domain.createdAt()), time(domain.validatedAt()))
			.update();
	}

	Optional<Domain> find(InboxAccount owner, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_domain WHERE tenant_id = ? AND owner_id = ? AND id = ?")
			.params(owner.tenant().id(), owner.ownerId(), id)
			.query(DomainRepository::map)
			.optional();
	}

	/** The tenant's domain of this name, whoever owns it. */
	Optional<Domain> findByName(Tenant tenant, String name) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_domain WHERE tenant_id = ? AND name = ?")
			.params(tenant.id(), name)
			.query(DomainRepository::map)
			.optional();
	}

	List<Domain> list(InboxAccount owner) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM inbox_domain WHERE tenant_id = ? AND owner_id = ? ORDER BY name")
			.params(owner.tenant().id(), owner.ownerId())
			.query(DomainRepository::map)
			.list();
	}

	/** Writes name, TXT value, status, active flag and validation time, unless the row changed meanwhile. */
	boolean update(InboxAccount owner, Domain before, Domain after) {
		return jdbc.sql("UPDATE inbox_domain SET name = ?, txt_value = ?, status = ?, active = ?, validated_at = ? "
				+ "WHERE tenant_id = ? AND owner_id = ? AND id = ? AND name = ? AND txt_value = ?")
			.params(after.name(), after.validate(), after.status().name(), after.active(), time(after.validatedAt()),
					owner.tenant().id(), owner.ownerId(), before.id(), before.name(), before.validate())
			.update() == 1;
	}

	boolean delete(InboxAccount owner, UUID id) {
		return jdbc.sql("DELETE FROM inbox_domain WHERE tenant_id = ? AND owner_id = ? AND id = ?")
			.params(owner.tenant().id(), owner.ownerId(), id)
			.update() == 1;
	}

	void deleteAll(InboxAccount owner) {
		jdbc.sql("DELETE FROM inbox_domain WHERE tenant_id = ? AND owner_id = ?").params(owner.tenant().id(), owner.ownerId()).update();
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM inbox_domain WHERE tenant_id = ?").param(tenant.id()).update();
	}

	static OffsetDateTime time(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Domain map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime validatedAt = rs.getObject("validated_at", OffsetDateTime.class);
		return new Domain(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("txt_value"),
				DomainStatus.valueOf(rs.getString("status")), rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), validatedAt == null ? null : validatedAt.toInstant(),
				rs.getLong("owner_id"));
	}

}
