package io.petstore.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * On H2, every commit is written to the database file before the transaction returns, so a write the
 * server acknowledged survives the process being killed ({@code kill -9}). H2's default
 * ({@code WRITE_DELAY} 500 ms) lets its MVStore write committed changes in the background up to a
 * second later: a crash lost the last ~0.8 s of acknowledged writes. {@code SET WRITE_DELAY 0} makes
 * each commit store its changes synchronously (concurrent commits share one store). H2 does not
 * fsync a commit: what the operating system had not written when the power fails may be lost (see
 * docs/durability.md). Applied to whatever H2 URL is configured, before the server takes requests
 * (this bean is created before the web server starts), unless the URL sets {@code WRITE_DELAY}
 * itself: that is the operator's deliberate choice (faster commits, not crash-safe), left as it is.
 */
@Component
class H2Durability {

	private static final Logger log = LoggerFactory.getLogger(H2Durability.class);

	H2Durability(DataSource dataSource, @Value("${spring.datasource.url:}") String url) throws SQLException {
		// the configured URL: the driver's metadata names the database without its settings
		if (url.toUpperCase(Locale.ROOT).contains(";WRITE_DELAY=")) {
			log.warn("H2: WRITE_DELAY set in spring.datasource.url; acknowledged writes may be lost if the process is killed");
			return;
		}
		try (Connection connection = dataSource.getConnection()) {
			if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
				return;
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET WRITE_DELAY 0");
			}
			log.debug("H2: commits are written synchronously (WRITE_DELAY 0)");
		}
	}

}
