package io.petstore.payment;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.persistence.Tallies;
import io.petstore.tenancy.Tenant;

/** SQL for {@code payment} and {@code payment_idempotency}. */
@Repository
class PaymentRepository {

	record IdempotencyRecord(String requestHash, UUID orderId, UUID paymentId) {
	}

	/** Payments per UTC day of their creation, currency and status: count and sum (issue 20: the dashboard's revenue). */
	static final Tallies.Table BY_DAY = new Tallies.Table("payment_daily", java.util.List.of("utc_day", "currency", "status"),
			java.util.List.of("n", "amount"));

	private static final String DAY = "CAST(created_at AT TIME ZONE 'UTC' AS DATE)";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Tallies tallies;

	PaymentRepository(JdbcClient jdbc, JsonMapper json, Tallies tallies) {
		this.jdbc = jdbc;
		this.json = json;
		this.tallies = tallies;
	}

	private void counted(Tenant tenant, Instant createdAt, String currency, PaymentStatus status, long n, BigDecimal amount) {
		tallies.add(BY_DAY, tenant.id(), java.util.List.of(java.time.LocalDate.ofInstant(createdAt, ZoneOffset.UTC), currency.trim(),
				status.name()), n, amount);
	}

	void insert(Tenant tenant, UUID userId, Payment payment) {
		OffsetDateTime at = OffsetDateTime.ofInstant(payment.createdAt(), ZoneOffset.UTC);
		jdbc.sql("INSERT INTO payment (tenant_id, id, order_id, user_id, amount, currency, status, source_json, failure_reason, "
				+ "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(tenant.id(), payment.id(), payment.orderId(), userId, payment.amount(), payment.currency(),
					payment.status().name(), json.writeValueAsString(payment.source()), payment.failureReason(), at, at)
			.update();
		counted(tenant, payment.createdAt(), payment.currency(), payment.status(), 1, payment.amount());
	}

	Optional<Payment> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT id, order_id, amount, currency, status, source_json, failure_reason, created_at FROM payment "
				+ "WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(this::map)
			.optional();
	}

	/**
	 * Per currency: the sum and number of payments in [from, to) (whole UTC days) now in each status,
	 * for the dashboard; from the tally.
	 */
	java.util.List<Revenue> revenue(Tenant tenant, Instant from, Instant to) {
		java.util.Map<String, Revenue> byCurrency = new java.util.TreeMap<>();
		jdbc.sql("SELECT currency, status, SUM(n) AS n, SUM(amount) AS total FROM payment_daily "
				+ "WHERE tenant_id = ? AND utc_day >= ? AND utc_day < ? AND status IN ('SUCCEEDED', 'REFUNDED') "
				+ "GROUP BY currency, status HAVING SUM(n) <> 0")
			.params(tenant.id(), java.time.LocalDate.ofInstant(from, ZoneOffset.UTC), java.time.LocalDate.ofInstant(to, ZoneOffset.UTC))
			.query((rs, row) -> {
				String currency = rs.getString("currency").trim();
				Revenue sum = byCurrency.getOrDefault(currency, Revenue.none(currency));
				BigDecimal total = rs.getBigDecimal("total").setScale(2);
				byCurrency.put(currency, "SUCCEEDED".equals(rs.getString("status")) ? sum.withPaid(total, rs.getLong("n"))
						: sum.withRefunded(total, rs.getLong("n")));
				return currency;
			})
			.list();
		return java.util.List.copyOf(byCurrency.values());
	}

	java.util.List<Payment> findSucceeded(Tenant tenant, UUID orderId) {
		return jdbc.sql("SELECT id, order_id, amount, currency, status, source_json, failure_reason, created_at FROM payment "
				+ "WHERE tenant_id = ? AND order_id = ? AND status = 'SUCCEEDED' FOR UPDATE")
			.params(tenant.id(), orderId)
			.query(this::map)
			.list();
	}

	int refundSucceeded(Tenant tenant, UUID orderId) {
		record Paid(Instant createdAt, String currency, BigDecimal amount) {
		}
		java.util.List<Paid> paid = jdbc.sql("SELECT created_at, currency, amount FROM payment "
				+ "WHERE tenant_id = ? AND order_id = ? AND status = 'SUCCEEDED' FOR UPDATE")
			.params(tenant.id(), orderId)
			.query((rs, row) -> new Paid(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getBigDecimal(3)))
			.list();
		for (Paid p : paid) {
			counted(tenant, p.createdAt(), p.currency(), PaymentStatus.SUCCEEDED, -1, p.amount().negate());
			counted(tenant, p.createdAt(), p.currency(), PaymentStatus.REFUNDED, 1, p.amount());
		}
		return jdbc.sql("UPDATE payment SET status = 'REFUNDED', updated_at = ? WHERE tenant_id = ? AND order_id = ? AND status = 'SUCCEEDED'")
			.params(OffsetDateTime.now(ZoneOffset.UTC), tenant.id(), orderId)
			.update();
	}

	void insertIdempotencyKey(Tenant tenant, UUID userId, String key, String requestHash, UUID orderId, UUID paymentId) {
		jdbc.sql("INSERT INTO payment_idempotency (tenant_id, user_id, idem_key, request_hash, order_id, payment_id, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(tenant.id(), userId, key, requestHash, orderId, paymentId, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
	}

	Optional<IdempotencyRecord> findIdempotencyKey(Tenant tenant, UUID userId, String key) {
		return jdbc.sql("SELECT request_hash, order_id, payment_id FROM payment_idempotency WHERE tenant_id = ? AND user_id = ? AND idem_key = ?")
			.params(tenant.id(), userId, key)
			.query((rs, row) -> new IdempotencyRecord(rs.getString("request_hash"), rs.getObject("order_id", UUID.class),
					rs.getObject("payment_id", UUID.class)))
			.optional();
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM payment_idempotency WHERE tenant_id = ?").param(tenant.id()).update();
		jdbc.sql("DELETE FROM payment WHERE tenant_id = ?").param(tenant.id()).update();
		tallies.rebuild(BY_DAY, tenant.id(), "INSERT INTO payment_daily (tenant_id, utc_day, currency, status, slot, n, amount) "
				+ "SELECT tenant_id, " + DAY + ", currency, status, 0, COUNT(*), SUM(amount) FROM payment WHERE tenant_id = ? "
				+ "GROUP BY tenant_id, " + DAY + ", currency, status");
	}

	private Payment map(ResultSet rs, int row) throws SQLException {
		return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
				rs.getBigDecimal("amount").setScale(2), rs.getString("currency").trim(),
				json.readTree(rs.getString("source_json")), PaymentStatus.valueOf(rs.getString("status")),
				rs.getString("failure_reason"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}


	/** Every payment of these orders (one query), oldest first; {@code userId} null: whoever paid. */
	java.util.List<Payment> findByOrders(Tenant tenant, UUID userId, java.util.Collection<UUID> orderIds) {
		if (orderIds.isEmpty()) {
			return java.util.List.of();
		}
		return jdbc.sql("SELECT id, order_id, amount, currency, status, source_json, failure_reason, created_at FROM payment "
				+ "WHERE tenant_id = :tenant AND order_id IN (:orders)" + (userId == null ? "" : " AND user_id = :user")
				+ " ORDER BY created_at, id")
			.param("tenant", tenant.id())
			.param("orders", java.util.List.copyOf(orderIds))
			.params(userId == null ? java.util.Map.of() : java.util.Map.of("user", userId))
			.query(this::map)
			.list();
	}

}
