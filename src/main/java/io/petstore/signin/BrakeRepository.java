package io.petstore.signin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code signin_brake}, portable between H2 and PostgreSQL: a row is read with
 * {@code FOR UPDATE} inside the caller's transaction, then updated, or inserted when absent (a
 * concurrent insert of the same key is a duplicate key, and the caller retries).
 */
@Repository
class BrakeRepository {

	private static final String KEY = "tenant_id = ? AND kind = ? AND subject = ?";

	private final JdbcClient jdbc;

	BrakeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The key's row, locked until the transaction ends. */
	Optional<Counter> lock(SignInKey key) {
		return jdbc.sql("SELECT failures, window_start, locks, locked_until, forget_at FROM signin_brake WHERE " + KEY + " FOR UPDATE")
			.params(key.tenant().id(), key.kind().name(), key.subject())
			.query((rs, row) -> new Counter(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)), rs.getInt(3),
					instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class))))
			.optional();
	}

	void insert(SignInKey key, Counter counter) {
		jdbc.sql("INSERT INTO signin_brake (tenant_id, kind, subject, failures, window_start, locks, locked_until, forget_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(key.tenant().id(), key.kind().name(), key.subject(), counter.failures(), time(counter.windowStart()),
					counter.locks(), time(counter.lockedUntil()), time(counter.forgetAt()))
			.update();
	}

	void update(SignInKey key, Counter counter) {
		jdbc.sql("UPDATE signin_brake SET failures = ?, window_start = ?, locks = ?, locked_until = ?, forget_at = ? WHERE " + KEY)
			.params(counter.failures(), time(counter.windowStart()), counter.locks(), time(counter.lockedUntil()),
					time(counter.forgetAt()), key.tenant().id(), key.kind().name(), key.subject())
			.update();
	}

	void delete(SignInKey key) {
		jdbc.sql("DELETE FROM signin_brake WHERE " + KEY).params(key.tenant().id(), key.kind().name(), key.subject()).update();
	}

	/** Deletes the rows that no longer hold anything; returns how many. */
	int forget(Instant now) {
		return jdbc.sql("DELETE FROM signin_brake WHERE forget_at <= ?").param(time(now)).update();
	}

	private static OffsetDateTime time(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
