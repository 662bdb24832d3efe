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

import io.petstore.persistence.Conditions;
import io.petstore.persistence.Tallies;
import io.petstore.tenancy.Tenant;

/** SQL for {@code store_order}. */
@Repository
class OrderRepository {

	private static final String COLUMNS = "id, tenant_id, pet_id, user_id, status, total_amount, currency, created_at, updated_at";

	/** Orders per status, and new orders per UTC day, kept with every write (issue 20: the dashboard reads them). */
	static final Tallies.Table BY_STATUS = new Tallies.Table("store_order_tally", java.util.List.of("status"), java.util.List.of("n"));

	static final Tallies.Table BY_DAY = new Tallies.Table("store_order_daily", java.util.List.of("utc_day"), java.util.List.of("n"));

	private static final String DAY = "CAST(created_at AT TIME ZONE 'UTC' AS DATE)";

	private final JdbcClient jdbc;

	private final Tallies tallies;

	OrderRepository(JdbcClient jdbc, Tallies tallies) {
		this.jdbc = jdbc;
		this.tallies = tallies;
	}

	void insert(Tenant tenant, Order order) {
		jdbc.sql("INSERT INTO store_order (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(order.id(), tenant.id(), order.petId(), order.userId(), order.status().name(),
					order.totalAmount(), order.currency(), time(order.createdAt()), time(order.updatedAt()))
			.update();
		tallies.add(BY_STATUS, tenant.id(), java.util.List.of(order.status().name()), 1L);
		tallies.add(BY_DAY, tenant.id(), java.util.List.of(java.time.LocalDate.ofInstant(order.createdAt(), ZoneOffset.UTC)), 1L);
	}

	Optional<Order> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(OrderRepository::map)
			.optional();
	}

	/**
	 * The order, its row locked until the transaction ends: writers of one order (payments, say)
	 * take their turns; readers are not held up.
	 */
	Optional<Order> findForUpdate(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE tenant_id = ? AND id = ? FOR UPDATE")
			.params(tenant.id(), id)
			.query(OrderRepository::map)
			.optional();
	}

	/** Changes the status only if it is {@code from} now: the one place order races are decided. */
	boolean changeStatus(Tenant tenant, UUID id, OrderStatus from, OrderStatus to, Instant at) {
		boolean changed = jdbc.sql("UPDATE store_order SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND status = ?")
			.params(to.name(), time(at), tenant.id(), id, from.name())
			.update() == 1;
		if (changed && from != to) {
			tallies.add(BY_STATUS, tenant.id(), java.util.List.of(from.name()), -1L);
			tallies.add(BY_STATUS, tenant.id(), java.util.List.of(to.name()), 1L);
		}
		return changed;
	}

	long count(Tenant tenant, OrderFilter filter) {
		Conditions where = where(tenant, filter);
		return jdbc.sql("SELECT COUNT(*) FROM store_order WHERE " + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** Newest first. */
	java.util.List<Order> find(Tenant tenant, OrderFilter filter, int offset, int limit) {
		Conditions where = where(tenant, filter);
		java.util.List<Object> params = where.params();
		params.add(offset);
		params.add(limit);
		return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE " + where.sql()
				+ " ORDER BY created_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(params).query(OrderRepository::map).list();
	}

	private static Conditions where(Tenant tenant, OrderFilter filter) {
		return new Conditions("tenant_id = ?", tenant.id())
			.and("status = ?", filter.status())
			.and("user_id = ?", filter.userId())
			.and("pet_id = ?", filter.petId())
			.and("created_at >= ?", filter.createdFrom())
			.and("created_at < ?", filter.createdTo());
	}

	long countByUser(Tenant tenant, UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM store_order WHERE tenant_id = ? AND user_id = ?")
			.params(tenant.id(), userId).query(Long.class).single();
	}

	/** Orders per status (every status present, 0 when none), from the tally. */
	java.util.Map<OrderStatus, Long> countByStatus(Tenant tenant) {
		java.util.Map<OrderStatus, Long> counts = new java.util.EnumMap<>(OrderStatus.class);
		for (OrderStatus status : OrderStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("SELECT status, SUM(n) AS n FROM store_order_tally WHERE tenant_id = ? GROUP BY status")
			.param(tenant.id())
			.query((rs, row) -> counts.put(OrderStatus.valueOf(rs.getString("status")), rs.getLong("n")))
			.list();
		return counts;
	}

	/** New orders per UTC day in [from, to) (whole UTC days; days without orders are absent), from the tally. */
	java.util.Map<java.time.LocalDate, Long> countNewPerDay(Tenant tenant, Instant from, Instant to) {
		java.util.Map<java.time.LocalDate, Long> counts = new java.util.TreeMap<>();
		jdbc.sql("SELECT utc_day, SUM(n) AS n FROM store_order_daily WHERE tenant_id = ? AND utc_day >= ? AND utc_day < ? "
				+ "GROUP BY utc_day HAVING SUM(n) <> 0")
			.params(tenant.id(), java.time.LocalDate.ofInstant(from, ZoneOffset.UTC), java.time.LocalDate.ofInstant(to, ZoneOffset.UTC))
			.query((rs, row) -> counts.put(rs.getObject("utc_day", java.time.LocalDate.class), rs.getLong("n")))
			.list();
		return counts;
	}

	/** Deletes the tenant's orders; its counts are counted again from the rows it has when the transaction commits. */
	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM store_order WHERE tenant_id = ?").param(tenant.id()).update();
		tallies.rebuild(BY_STATUS, tenant.id(), "INSERT INTO store_order_tally (tenant_id, status, slot, n) "
				+ "SELECT tenant_id, status, 0, COUNT(*) FROM store_order WHERE tenant_id = ? GROUP BY tenant_id, status");
		tallies.rebuild(BY_DAY, tenant.id(), "INSERT INTO store_order_daily (tenant_id, utc_day, slot, n) SELECT tenant_id, " + DAY
				+ ", 0, COUNT(*) FROM store_order WHERE tenant_id = ? GROUP BY tenant_id, " + DAY);
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Order map(ResultSet rs, int row) throws SQLException {
		UUID tenantId = rs.getObject("tenant_id", UUID.class);
		return new Order(rs.getObject("id", UUID.class), rs.getObject("pet_id", UUID.class), rs.getObject("user_id", UUID.class),
				OrderStatus.valueOf(rs.getString("status")), rs.getBigDecimal("total_amount").setScale(2),
				rs.getString("currency").trim(), Tenant.SHARED.id().equals(tenantId) ? null : tenantId,
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}


	/** The orders with these ids (one query; unknown ids are left out). */
	java.util.List<Order> findAll(Tenant tenant, java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return java.util.List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM store_order WHERE tenant_id = :tenant AND id IN (:ids)")
			.param("tenant", tenant.id())
			.param("ids", java.util.List.copyOf(ids))
			.query(OrderRepository::map)
			.list();
	}

	/**
	 * For each of these users, one page of their orders (newest first) and how many they have: two
	 * queries whatever the number of users.
	 */
	java.util.Map<UUID, java.util.List<Order>> findPageByUsers(Tenant tenant, java.util.Collection<UUID> userIds, int offset,
			int limit) {
		java.util.Map<UUID, java.util.List<Order>> pages = new java.util.LinkedHashMap<>();
		if (userIds.isEmpty()) {
			return pages;
		}
		jdbc.sql("SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS + ", ROW_NUMBER() OVER (PARTITION BY user_id "
				+ "ORDER BY created_at DESC, id DESC) AS n FROM store_order WHERE tenant_id = :tenant AND user_id IN (:users)) ranked "
				+ "WHERE n > :offset AND n <= :end ORDER BY user_id, n")
			.param("tenant", tenant.id())
			.param("users", java.util.List.copyOf(userIds))
			.param("offset", offset)
			.param("end", offset + limit)
			.query(OrderRepository::map)
			.list()
			.forEach(order -> pages.computeIfAbsent(order.userId(), user -> new java.util.ArrayList<>()).add(order));
		return pages;
	}

	java.util.Map<UUID, Long> countByUsers(Tenant tenant, java.util.Collection<UUID> userIds) {
		java.util.Map<UUID, Long> counts = new java.util.LinkedHashMap<>();
		if (userIds.isEmpty()) {
			return counts;
		}
		jdbc.sql("SELECT user_id, COUNT(*) AS n FROM store_order WHERE tenant_id = :tenant AND user_id IN (:users) GROUP BY user_id")
			.param("tenant", tenant.id())
			.param("users", java.util.List.copyOf(userIds))
			.query((rs, row) -> counts.put(rs.getObject("user_id", UUID.class), rs.getLong("n")))
			.list();
		return counts;
	}

}
