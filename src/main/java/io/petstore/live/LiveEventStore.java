package io.petstore.live;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

import io.petstore.persistence.Timestamps;
import io.petstore.tenancy.Tenant;

/**
 * The {@code live_event} table: one row per published change, its payload as JSON with its class
 * name. Ids are taken from {@code live_event_counter} under its row lock, which the writing
 * transaction holds until it ends, so rows commit in id order. On PostgreSQL the insert also sends
 * {@code pg_notify('petstore_live', ...)} in the same transaction (delivered at commit, never on
 * rollback). Reading a payload back creates only classes of {@code io.petstore} packages.
 */
@Component
class LiveEventStore {

	static final String CHANNEL = "petstore_live";

	private static final Logger log = LoggerFactory.getLogger(LiveEventStore.class);

	private static final String COLUMNS = "id, topic, tenant_id, owner_id, payload_type, payload";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final boolean postgres;

	LiveEventStore(JdbcClient jdbc, JsonMapper json, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		this.json = json;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.postgres = "PostgreSQL".equalsIgnoreCase(product);
	}

	boolean postgres() {
		return postgres;
	}

	/** Writes the event in the current transaction (which must exist); answers it with its id. */
	LiveEvent insert(LiveEvent event) {
		Object payload = event.payload();
		String type = payload == null ? "" : payload.getClass().getName();
		String body = payload == null ? "null" : json.writeValueAsString(payload);
		jdbc.sql("UPDATE live_event_counter SET last_id = last_id + 1 WHERE id = 1").update();
		long id = jdbc.sql("SELECT last_id FROM live_event_counter WHERE id = 1").query(Long.class).single();
		jdbc.sql("INSERT INTO live_event (id, topic, tenant_id, owner_id, payload_type, payload, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, event.topic(), event.tenant().id(), event.owner(), type, body, Timestamps.nowUtc())
			.update();
		if (postgres) {
			// small, whatever the payload: listeners read the rows themselves
			String note = "{\"id\":" + id + ",\"tenant\":\"" + event.tenant().id() + "\",\"topic\":\"" + event.topic() + "\"}";
			jdbc.sql("SELECT pg_notify('" + CHANNEL + "', ?)").param(note).query((rs, n) -> null).list();
		}
		return event.withId(id);
	}

	/** The highest id issued (committed or about to be). */
	long lastIssued() {
		return jdbc.sql("SELECT last_id FROM live_event_counter WHERE id = 1").query(Long.class).single();
	}

	/** The highest id the retention has deleted (history up to it is gone). */
	long purgedThrough() {
		return jdbc.sql("SELECT purged_through FROM live_event_counter WHERE id = 1").query(Long.class).single();
	}

	/** Committed events after {@code afterId}, in id order, at most {@code limit}. */
	List<LiveEvent> after(long afterId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM live_event WHERE id > ? ORDER BY id FETCH FIRST " + limit + " ROWS ONLY")
			.param(afterId)
			.query(this::row)
			.list();
	}

	/** What a subscriber may see after {@code afterId}, in id order, at most {@code limit}. */
	List<LiveEvent> visibleAfter(long afterId, Tenant tenant, UUID user, Set<String> topics, int limit) {
		if (topics.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM live_event WHERE tenant_id = :tenant AND id > :after"
				+ " AND topic IN (:topics) AND ");
		sql.append(user == null ? "owner_id IS NULL" : "(owner_id IS NULL OR owner_id = :user)");
		sql.append(" ORDER BY id FETCH FIRST ").append(limit).append(" ROWS ONLY");
		var statement = jdbc.sql(sql.toString()).param("tenant", tenant.id()).param("after", afterId).param("topics", new ArrayList<>(topics));
		if (user != null) {
			statement = statement.param("user", user);
		}
		return statement.query(this::row).list();
	}

	/** Deletes the rows written before {@code cutoff}; answers how many. */
	int purge(Instant cutoff) {
		Long through = jdbc.sql("SELECT MAX(id) FROM live_event WHERE created_at < ?")
			.param(cutoff.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (through == null) {
			return 0;
		}
		// first say the history is gone, then delete it (a reader never replays a hole silently)
		jdbc.sql("UPDATE live_event_counter SET purged_through = ? WHERE id = 1 AND purged_through < ?").params(through, through).update();
		return jdbc.sql("DELETE FROM live_event WHERE id <= ?").param(through).update();
	}

	private LiveEvent row(ResultSet rs, int rowNum) throws SQLException {
		long id = rs.getLong("id");
		String type = rs.getString("payload_type");
		return new LiveEvent(id, rs.getString("topic"), new Tenant(rs.getObject("tenant_id", UUID.class)),
				rs.getObject("owner_id", UUID.class), payload(id, type, rs.getString("payload")));
	}

	private Object payload(long id, String type, String body) {
		if (type.isEmpty()) {
			return null;
		}
		if (!type.startsWith("io.petstore.")) {
			log.warn("live event {}: payload type {} is not of an io.petstore package; delivered without payload", id, type);
			return null;
		}
		try {
			Class<?> cls = Class.forName(type, false, LiveEventStore.class.getClassLoader());
			return json.readValue(body, cls);
		}
		catch (ClassNotFoundException | RuntimeException ex) {
			log.warn("live event {}: payload of type {} could not be read ({}); delivered without payload", id, type, ex.toString());
			return null;
		}
	}


}
