package io.petstore.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.persistence.Conditions;
import io.petstore.tenancy.Tenant;

import static io.petstore.webhook.WebhookRepository.instant;
import static io.petstore.webhook.WebhookRepository.time;

/** SQL for the outbox ({@code webhook_delivery}) and its attempts ({@code webhook_attempt}). */
@Repository
class DeliveryRepository {

	private static final String COLUMNS = "id, tenant_id, user_id, subscription_id, event_id, event_type, url, payload, status, "
			+ "attempts, round_attempts, next_attempt_at, last_status_code, created_at, updated_at";

	/** A delivery a worker has leased: what it needs to send it and to record the outcome. */
	record Claimed(UUID id, UUID tenantId, UUID subscriptionId, UUID eventId, String eventType, String url, String payload,
			int attempts, int roundAttempts, UUID lease) {
	}

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Tenant tenant, UUID userId, UUID subscriptionId, UUID id, UUID eventId, String eventType, String url, String payload,
			Instant now) {
		jdbc.sql("INSERT INTO webhook_delivery (id, tenant_id, user_id, subscription_id, event_id, event_type, url, payload, status, "
				+ "attempts, round_attempts, next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, ?, ?, ?)")
			.params(id, tenant.id(), userId, subscriptionId, eventId, eventType, url, payload, time(now), time(now), time(now))
			.update();
	}

	/**
	 * Leases up to {@code limit} due deliveries: locks them with {@code FOR UPDATE SKIP LOCKED} (rows
	 * another worker is claiming are passed over, not waited for), then moves their next attempt past
	 * the lease, so no other worker takes them until this one has recorded the outcome or the lease
	 * ran out (the worker died). Runs in the caller's transaction.
	 */
	List<Claimed> claim(Instant now, int limit, Instant leaseUntil) {
		List<Claimed> claimed = jdbc.sql("SELECT id, tenant_id, subscription_id, event_id, event_type, url, payload, attempts, "
				+ "round_attempts FROM webhook_delivery WHERE status = 'PENDING' AND next_attempt_at <= ? "
				+ "ORDER BY next_attempt_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED")
			.params(time(now), limit)
			.query((rs, row) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
					rs.getObject("subscription_id", UUID.class), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
					rs.getString("url"), rs.getString("payload"), rs.getInt("attempts"), rs.getInt("round_attempts"), UUID.randomUUID()))
			.list();
		for (Claimed row : claimed) {
			jdbc.sql("UPDATE webhook_delivery SET lease = ?, next_attempt_at = ? WHERE id = ?")
				.params(row.lease(), time(leaseUntil), row.id())
				.update();
		}
		return claimed;
	}

	/**
	 * Records an attempt's outcome if the worker still holds the lease (else another worker has taken
	 * the delivery over: the attempt is recorded, the state is its to set).
	 * @param next when to try again (status PENDING), or null (status is final)
	 */
	boolean finish(Claimed claimed, Delivery.Status status, Instant next, Instant at, Sender.Result result) {
		jdbc.sql("INSERT INTO webhook_attempt (delivery_id, number, attempted_at, status_code, latency_ms, error, response_body) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(claimed.id(), claimed.attempts() + 1, time(at), result.statusCode(), result.latencyMs(), result.error(),
					result.body())
			.update();
		return jdbc.sql("UPDATE webhook_delivery SET status = ?, attempts = ?, round_attempts = ?, next_attempt_at = ?, lease = NULL, "
				+ "last_status_code = ?, updated_at = ? WHERE id = ? AND lease = ?")
			.params(status.name(), claimed.attempts() + 1, claimed.roundAttempts() + 1, time(next), result.statusCode(), time(at),
					claimed.id(), claimed.lease())
			.update() == 1;
	}

	/** Ends a delivery without an attempt (its webhook was disabled). */
	void abandon(Claimed claimed, Instant at) {
		jdbc.sql("UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, lease = NULL, updated_at = ? "
				+ "WHERE id = ? AND lease = ?")
			.params(time(at), claimed.id(), claimed.lease())
			.update();
	}

	/** Queues a delivery again for a new round of attempts, unless it is pending already. */
	boolean requeue(Tenant tenant, UUID id, Instant now) {
		return jdbc.sql("UPDATE webhook_delivery SET status = 'PENDING', round_attempts = 0, next_attempt_at = ?, lease = NULL, "
				+ "updated_at = ? WHERE tenant_id = ? AND id = ? AND status <> 'PENDING'")
			.params(time(now), time(now), tenant.id(), id)
			.update() == 1;
	}

	Optional<Owned> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(DeliveryRepository::map)
			.optional();
	}

	/** A delivery and the user it belongs to. */
	record Owned(UUID userId, Delivery delivery) {
	}

	List<Delivery.Attempt> attempts(UUID deliveryId) {
		return jdbc.sql("SELECT number, attempted_at, status_code, latency_ms, error, response_body FROM webhook_attempt "
				+ "WHERE delivery_id = ? ORDER BY number")
			.param(deliveryId)
			.query((rs, row) -> new Delivery.Attempt(rs.getInt("number"), instant(rs, "attempted_at"),
					rs.getObject("status_code", Integer.class), rs.getInt("latency_ms"), rs.getString("error"),
					rs.getString("response_body")))
			.list();
	}

	long count(Tenant tenant, UUID userId, DeliveryFilter filter) {
		Conditions where = where(tenant, userId, filter);
		return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE " + where.sql()).params(where.params()).query(Long.class).single();
	}

	/** Newest first. */
	List<Delivery> find(Tenant tenant, UUID userId, DeliveryFilter filter, int offset, int limit) {
		Conditions where = where(tenant, userId, filter);
		List<Object> params = where.params();
		params.add(offset);
		params.add(limit);
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE " + where.sql()
				+ " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(params)
			.query(DeliveryRepository::map)
			.list()
			.stream()
			.map(owned -> owned.delivery().summary())
			.toList();
	}

	private static Conditions where(Tenant tenant, UUID userId, DeliveryFilter filter) {
		return new Conditions("tenant_id = ?", tenant.id()).and("user_id = ?", userId)
			.and("subscription_id = ?", filter.webhookId())
			.and("status = ?", filter.status())
			.and("event_type = ?", filter.eventType());
	}

	void deleteBySubscription(UUID subscriptionId) {
		jdbc.sql("DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery WHERE subscription_id = ?)")
			.param(subscriptionId).update();
		jdbc.sql("DELETE FROM webhook_delivery WHERE subscription_id = ?").param(subscriptionId).update();
	}

	void deleteByUser(Tenant tenant, UUID userId) {
		jdbc.sql("DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery WHERE tenant_id = ? AND user_id = ?)")
			.params(tenant.id(), userId).update();
		jdbc.sql("DELETE FROM webhook_delivery WHERE tenant_id = ? AND user_id = ?").params(tenant.id(), userId).update();
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM webhook_attempt WHERE delivery_id IN (SELECT id FROM webhook_delivery WHERE tenant_id = ?)")
			.param(tenant.id()).update();
		jdbc.sql("DELETE FROM webhook_delivery WHERE tenant_id = ?").param(tenant.id()).update();
	}

	private static Owned map(ResultSet rs, int row) throws SQLException {
		UUID subscription = rs.getObject("subscription_id", UUID.class);
		Delivery.Status status = Delivery.Status.valueOf(rs.getString("status"));
		Delivery delivery = new Delivery(rs.getObject("id", UUID.class), subscription,
				subscription == null ? Delivery.Kind.CALLBACK : Delivery.Kind.WEBHOOK, rs.getObject("event_id", UUID.class),
				rs.getString("event_type"), rs.getString("url"), status, rs.getInt("attempts"),
				rs.getObject("last_status_code", Integer.class), status == Delivery.Status.PENDING ? instant(rs, "next_attempt_at") : null,
				rs.getString("payload"), null, WebhookRepository.tenantId(rs), instant(rs, "created_at"), instant(rs, "updated_at"));
		return new Owned(rs.getObject("user_id", UUID.class), delivery);
	}

}
