package io.petstore.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.petstore.secrets.Resealable;
import io.petstore.secrets.SecretSeal;
import io.petstore.tenancy.Tenant;

/**
 * SQL for {@code webhook_subscription}. The signing secret is stored sealed ({@link SecretSeal}, bound
 * to the subscription's id); subscriptions written before sealing existed (or under a previous key) are sealed at start ({@link Resealable}).
 */
@Repository
class WebhookRepository implements Resealable {

	private static final String COLUMNS = "tenant_id, id, user_id, url, events, description, secret, active, created_at, updated_at";

	/** A stored subscription: its owner and secret, and the API view (without the secret). */
	record Subscription(UUID userId, String secret, Webhook webhook) {
	}

	private final JdbcClient jdbc;

	private final SecretSeal seal;

	WebhookRepository(JdbcClient jdbc, SecretSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Override
	public String sealedValues() {
		return "webhook secrets";
	}

	/** Subscriptions written before sealing existed, or under a previous key, sealed under the current one. */
	@Override
	public int reseal(SecretSeal current) {
		record Stored(UUID tenantId, UUID id, String secret) {
		}
		int sealed = 0;
		for (Stored stored : jdbc.sql("SELECT tenant_id, id, secret FROM webhook_subscription WHERE secret NOT LIKE ?")
			.param(current.currentPrefix() + "%")
			.query((rs, row) -> new Stored(rs.getObject("tenant_id", UUID.class), rs.getObject("id", UUID.class),
					rs.getString("secret")))
			.list()) {
			String resealed = current.seal(current.open(stored.secret(), purpose(stored.id())), purpose(stored.id()));
			sealed += jdbc.sql("UPDATE webhook_subscription SET secret = ? WHERE tenant_id = ? AND id = ? AND secret = ?")
				.params(resealed, stored.tenantId(), stored.id(), stored.secret())
				.update();
		}
		return sealed;
	}

	private static String purpose(UUID id) {
		return "webhook_subscription:" + id;
	}

	void insert(Tenant tenant, UUID userId, Webhook webhook) {
		jdbc.sql("INSERT INTO webhook_subscription (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(tenant.id(), webhook.id(), userId, webhook.url(), String.join(",", webhook.events()), webhook.description(),
					seal.seal(webhook.secret(), purpose(webhook.id())), webhook.active(), time(webhook.createdAt()),
					time(webhook.updatedAt()))
			.update();
	}

	void update(Tenant tenant, Webhook webhook) {
		jdbc.sql("UPDATE webhook_subscription SET url = ?, events = ?, description = ?, active = ?, updated_at = ? "
				+ "WHERE tenant_id = ? AND id = ?")
			.params(webhook.url(), String.join(",", webhook.events()), webhook.description(), webhook.active(),
					time(webhook.updatedAt()), tenant.id(), webhook.id())
			.update();
	}

	Optional<Subscription> find(Tenant tenant, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE tenant_id = ? AND id = ?")
			.params(tenant.id(), id)
			.query(this::map)
			.optional();
	}

	/** By id alone: what the worker needs to sign and send (the delivery row names the tenant). */
	Optional<Subscription> find(UUID tenantId, UUID id) {
		return find(new Tenant(tenantId), id);
	}

	/** The user's subscriptions, oldest first. */
	List<Webhook> findByUser(Tenant tenant, UUID userId, int offset, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE tenant_id = ? AND user_id = ? "
				+ "ORDER BY id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
			.params(tenant.id(), userId, offset, limit)
			.query(this::map)
			.list()
			.stream()
			.map(Subscription::webhook)
			.toList();
	}

	long countByUser(Tenant tenant, UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_subscription WHERE tenant_id = ? AND user_id = ?")
			.params(tenant.id(), userId).query(Long.class).single();
	}

	/** The user's active subscriptions to this event type. */
	List<Subscription> findActive(Tenant tenant, UUID userId, String eventType) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE tenant_id = ? AND user_id = ? AND active = TRUE")
			.params(tenant.id(), userId)
			.query(this::map)
			.list()
			.stream()
			.filter(s -> s.webhook().events().contains(eventType))
			.toList();
	}

	void delete(Tenant tenant, UUID id) {
		jdbc.sql("DELETE FROM webhook_subscription WHERE tenant_id = ? AND id = ?").params(tenant.id(), id).update();
	}

	void deleteByUser(Tenant tenant, UUID userId) {
		jdbc.sql("DELETE FROM webhook_subscription WHERE tenant_id = ? AND user_id = ?").params(tenant.id(), userId).update();
	}

	void deleteAll(Tenant tenant) {
		jdbc.sql("DELETE FROM webhook_subscription WHERE tenant_id = ?").param(tenant.id()).update();
	}

	static OffsetDateTime time(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static UUID tenantId(ResultSet rs) throws SQLException {
		UUID tenantId = rs.getObject("tenant_id", UUID.class);
		return Tenant.SHARED.id().equals(tenantId) ? null : tenantId;
	}

	private Subscription map(ResultSet rs, int row) throws SQLException {
		Webhook webhook = new Webhook(rs.getObject("id", UUID.class), rs.getString("url"),
				Arrays.asList(rs.getString("events").split(",")), rs.getString("description"), rs.getBoolean("active"),
				null, tenantId(rs), instant(rs, "created_at"), instant(rs, "updated_at"));
		return new Subscription(rs.getObject("user_id", UUID.class), seal.open(rs.getString("secret"), purpose(webhook.id())),
				webhook);
	}

}
