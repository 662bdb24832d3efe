package io.petstore.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code oauth2_device_poll}: the last token poll of each device code and its interval. */
@Repository
class DevicePollRepository {

	/** The last poll of a device code and the interval it must keep. */
	record LastPoll(Instant at, int intervalSeconds) {
	}

	private final JdbcClient jdbc;

	DevicePollRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<LastPoll> find(String authorizationId) {
		return jdbc.sql("SELECT last_poll_at, interval_seconds FROM oauth2_device_poll WHERE authorization_id = ?")
			.param(authorizationId)
			.query((rs, row) -> new LastPoll(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
			.optional();
	}

	/** The first poll; a {@link org.springframework.dao.DuplicateKeyException} if a concurrent poll was first. */
	void insert(String authorizationId, Instant at, int intervalSeconds) {
		jdbc.sql("INSERT INTO oauth2_device_poll (authorization_id, last_poll_at, interval_seconds) VALUES (?, ?, ?)")
			.params(authorizationId, Timestamp.from(at), intervalSeconds)
			.update();
	}

	void update(String authorizationId, Instant at, int intervalSeconds) {
		jdbc.sql("UPDATE oauth2_device_poll SET last_poll_at = ?, interval_seconds = ? WHERE authorization_id = ?")
			.params(Timestamp.from(at), intervalSeconds, authorizationId)
			.update();
	}

	void delete(String authorizationId) {
		jdbc.sql("DELETE FROM oauth2_device_poll WHERE authorization_id = ?").param(authorizationId).update();
	}

}
