package io.petstore.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts for dashboards, computed by the database. The table is the calling module's own (a
 * constant, never client input) and has {@code tenant_id} and {@code created_at} columns.
 */
public final class Counts {

	private Counts() {
	}

	/** Rows per value of the column (values without rows are absent). */
	public static Map<String, Long> byColumn(JdbcClient jdbc, String table, String column, UUID tenantId) {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql("SELECT " + column + " AS v, COUNT(*) AS n FROM " + table + " WHERE tenant_id = ? GROUP BY " + column)
			.param(tenantId)
			.query((rs, row) -> counts.put(rs.getString("v"), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * Rows created per UTC day in [from, to) (days without rows are absent). The day is computed as
	 * {@code CAST(created_at AT TIME ZONE 'UTC' AS DATE)}: the same on H2 and PostgreSQL whatever the
	 * session's time zone, and on H2 about four times faster than epoch arithmetic.
	 */
	public static Map<LocalDate, Long> perUtcDay(JdbcClient jdbc, String table, UUID tenantId, Instant from, Instant to) {
		Map<LocalDate, Long> counts = new TreeMap<>();
		jdbc.sql("SELECT CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS d, COUNT(*) AS n FROM " + table
				+ " WHERE tenant_id = ? AND created_at >= ? AND created_at < ? GROUP BY CAST(created_at AT TIME ZONE 'UTC' AS DATE)")
			.params(tenantId, OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
			.query((rs, row) -> counts.put(rs.getObject("d", LocalDate.class), rs.getLong("n")))
			.list();
		return counts;
	}

}
