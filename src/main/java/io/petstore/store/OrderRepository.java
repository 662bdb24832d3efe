package io.petstore.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.tenancy.Tenant;

/** SQL for {@code store_order}. */
@Repository
class OrderRepository {

	private static final String COLUMNS = "id, tenant_id, pet_id, user_id, status, total_amount, currency, created_at, updated_at";

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, Order order) {
		jdbc.sql("INSERT INTO store_order (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(order.id(), tenant.id(), order.petId(), order.userId(), order.status().name(),
					new BigDecimal(order.totalAmount()), order.currency(), time(order.createdAt()), time(order.updatedAt()))
			.update();
	}

	Optional<Order> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(OrderRepository::map)
			.optional();
	}

	/** Changes the status only if it is {@code from} now: the one place order races are decided. */
	boolean changeStatus(Tenant tenant, UUID id, OrderStatus from, OrderStatus to, Instant at) {
		return jdbc.sql("UPDATE store_order SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND status = ?")
			.params(to.name(), time(at), tenant.id(), id, from.name())
			.update() == 1;
	}

	long count(Tenant tenant, OrderFilter filter) {
		java.util.List<Object> params = new java.util.ArrayList<>();
		return jdbc.sql("SELECT COUNT(*) FROM store_order WHERE " + where(tenant, filter, params))
			.params(params).query(Long.class).single();
	}

	/** Newest first. */
	java.util.List<Order> find(Tenant tenant, OrderFilter filter, int offset, int limit) {
		java.util.List<Object> params = new java.util.ArrayList<>();
		String where = where(tenant, filter, params);
		params.add(offset);
		params.add(limit);
		return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE " + where
				+ " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(params).query(OrderRepository::map).list();
	}

	private static String where(Tenant tenant, OrderFilter filter, java.util.List<Object> params) {
		StringBuilder where = new StringBuilder("tenant_id = ?");
		params.add(tenant.id());
		if (filter.status() != null) {
			where.append(" AND status = ?");
			params.add(filter.status().name());
		}
		if (filter.userId() != null) {
			where.append(" AND user_id = ?");
			params.add(filter.userId());
		}
		if (filter.petId() != null) {
			where.append(" AND pet_id = ?");
			params.add(filter.petId());
		}
		if (filter.createdFrom() != null) {
			where.append(" AND created_at >= ?");
			params.add(time(filter.createdFrom()));
		}
		if (filter.createdTo() != null) {
			where.append(" AND created_at < ?");
			params.add(time(filter.createdTo()));
		}
		return where.toString();
	}

	long countByUser(Tenant tenant, UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM store_order WHERE tenant_id = ? AND user_id = ?")
			.params(tenant.id(), userId).query(Long.class).single();
	}

	/** Orders per status (every status present, 0 when none). */
	java.util.Map<OrderStatus, Long> countByStatus(Tenant tenant) {
		java.util.Map<OrderStatus, Long> counts = new java.util.EnumMap<>(OrderStatus.class);
		for (OrderStatus status : OrderStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("SELECT status, COUNT(*) AS n FROM store_order WHERE tenant_id = ? GROUP BY status")
			.param(tenant.id())
			.query((rs, row) -> counts.put(OrderStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	/** New orders per UTC day in [from, to). */
	java.util.Map<java.time.LocalDate, Long> countNewPerDay(Tenant tenant, Instant from, Instant to) {
		java.util.Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
		jdbc.sql("SELECT CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS d, COUNT(*) AS n FROM store_order "
				+ "WHERE tenant_id = ? AND created_at >= ? AND created_at < ? GROUP BY CAST(created_at AT TIME ZONE 'UTC' AS DATE)")
			.params(tenant.id(), time(from), time(to))
			.query((rs, row) -> counts.put(rs.getObject("d", java.time.LocalDate.class), rs.getLong("n")))
			.list();
		return counts;
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM store_order WHERE tenant_id = ?").param(tenant.id()).update();
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Order map(ResultSet rs, int row) throws SQLException {
		UUID tenantId = rs.getObject("tenant_id", UUID.class);
		return new Order(rs.getObject("id", UUID.class), rs.getObject("pet_id", UUID.class), rs.getObject("user_id", UUID.class),
				OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total_amount").setScale(2).toPlainString(),
				rs.getString("currency").trim(), Tenant.SHARED.id().equals(tenantId) ? null : tenantId,
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

}
