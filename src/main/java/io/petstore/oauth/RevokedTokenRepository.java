package io.petstore.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code oauth2_revoked_token}: the {@code jti} of revoked access tokens until they would have
 * expired anyway; and, for the check on every request, whether a token's client is still registered.
 */
@Repository
class RevokedTokenRepository {

	/** What the check of one token found. */
	record TokenState(boolean revoked, boolean clientRegistered) {
	}

	private final JdbcClient jdbc;

	RevokedTokenRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a revocation; false if it was recorded already. */
	boolean insert(String jti, Instant expires) {
		try {
			jdbc.sql("INSERT INTO oauth2_revoked_token (jti, expires_at) VALUES (?, ?)")
				.params(jti, Timestamp.from(expires))
				.update();
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}

	void deleteExpiredBefore(Instant instant) {
		jdbc.sql("DELETE FROM oauth2_revoked_token WHERE expires_at < ?").param(Timestamp.from(instant)).update();
	}

	/** One read for both questions asked of every authorization-server token. */
	TokenState state(String jti, String clientId) {
		Map<String, Object> found = jdbc.sql("SELECT (SELECT COUNT(*) FROM oauth2_revoked_token WHERE jti = ?) AS revoked, "
				+ "(SELECT COUNT(*) FROM oauth2_registered_client WHERE client_id = ?) AS registered")
			.params(jti, clientId)
			.query()
			.singleRow();
		return new TokenState(count(found, "revoked") > 0, count(found, "registered") > 0);
	}

	private static long count(Map<String, Object> row, String column) {
		Object value = row.get(column);
		if (value == null) {
			value = row.get(column.toUpperCase(Locale.ROOT));
		}
		return value instanceof Number n ? n.longValue() : 0;
	}

}
