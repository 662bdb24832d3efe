package io.petstore.ratelimit;

import java.sql.Timestamp;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The generations of the rate-limit settings ({@code rate_limit_settings}): a number that grows
 * each time the server starts with settings other than the latest generation's, and stays the same
 * across restarts with the same settings. It versions the stored buckets' configuration: Bucket4j
 * replaces a stored configuration only when its version is lower than the one asked for, so a hash
 * of the settings (which may be lower after a change) would not do. The newest settings started
 * win, also while instances with different settings run side by side.
 */
@Component
@DependsOnDatabaseInitialization
class SettingsGenerations {

	private static final Logger log = LoggerFactory.getLogger(SettingsGenerations.class);

	private final JdbcClient jdbc;

	SettingsGenerations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The generation of these settings: the latest one if it has them, else a new one. */
	long current(String settings) {
		for (int attempt = 0;; attempt++) {
			var latest = jdbc.sql("SELECT version, settings FROM rate_limit_settings ORDER BY version DESC FETCH FIRST 1 ROWS ONLY")
				.query((rs, row) -> new Object[] { rs.getLong(1), rs.getString(2) })
				.optional();
			if (latest.isPresent() && latest.get()[1].equals(settings)) {
				return (Long) latest.get()[0];
			}
			long next = latest.map(row -> (Long) row[0] + 1).orElse(1L);
			try {
				jdbc.sql("INSERT INTO rate_limit_settings (version, settings, created_at) VALUES (?, ?, ?)")
					.params(next, settings, Timestamp.from(Instant.now()))
					.update();
				log.info("rate limit: settings generation {} ({}); stored buckets take it at their next use", next, settings);
				return next;
			}
			catch (DuplicateKeyException startedTogether) {
				// another instance added a generation at the same moment: look again
				if (attempt >= 10) {
					throw startedTogether;
				}
			}
		}
	}

}
