package io.petstore.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.persistence.Conditions;
import io.petstore.tenancy.Tenant;

/** SQL for {@code audit_log}: inserts and reads, nothing else. */
@Repository
class AuditLogRepository {

	private static final String COLUMNS = "id, tenant_id, created_at, action, entity_type, entity_id, actor, user_id, changes, "
			+ "protocol, request, ip_address, user_agent";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLogRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(AuditLog entry, Tenant tenant) {
		jdbc.sql("INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.id(), tenant.id(), time(entry.createdAt()), cut(entry.action(), 64), cut(entry.entityType(), 64),
					cut(entry.entityId(), 255), cut(entry.actor(), 255), entry.userId(), entry.changes().toString(),
					cut(entry.protocol(), 16), cut(entry.request(), 600), cut(entry.ipAddress(), 64), cut(entry.userAgent(), 512))
			.update();
	}

	Optional<AuditLog> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(this::map)
			.optional();
	}

	long count(Tenant tenant, AuditFilter filter) {
		Conditions where = where(tenant, filter);
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE " + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** Newest first. */
	List<AuditLog> find(Tenant tenant, AuditFilter filter, int offset, int limit) {
		Conditions where = where(tenant, filter);
		List<Object> params = where.params();
		params.add(offset);
		params.add(limit);
		return jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE " + where.sql()
				+ " ORDER BY tenant_id DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(params)
			.query(this::map)
			.list();
	}

	private static Conditions where(Tenant tenant, AuditFilter filter) {
		return new Conditions("tenant_id = ?", tenant.id())
			.and("action = ?", filter.action())
			.and("entity_type = ?", filter.entityType())
			.and("entity_id = ?", filter.entityId())
			.and("user_id = ?", filter.userId())
			.and("created_at >= ?", filter.createdFrom())
			.and("created_at < ?", filter.createdTo());
	}

	private AuditLog map(ResultSet rs, int row) throws SQLException {
		UUID tenantId = rs.getObject("tenant_id", UUID.class);
		return new AuditLog(rs.getObject("id", UUID.class), rs.getString("action"), rs.getObject("user_id", UUID.class),
				rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"), json.readTree(rs.getString("changes")),
				rs.getString("protocol"), rs.getString("request"), rs.getString("ip_address"), rs.getString("user_agent"),
				Tenant.SHARED.id().equals(tenantId) ? null : tenantId, rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
