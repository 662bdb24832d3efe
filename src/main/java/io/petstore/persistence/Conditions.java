package io.petstore.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A WHERE clause made of optional filters: each condition is added only when its value is given
 * (not null), with its value as the next parameter. The conditions are the calling module's own
 * SQL, never client input.
 */
public final class Conditions {

	private final StringBuilder sql;

	private final List<Object> params = new ArrayList<>();

	/** Starts with a condition that always applies ({@code tenant_id = ?}, say). */
	public Conditions(String condition, Object value) {
		this.sql = new StringBuilder(condition);
		this.params.add(value);
	}

	/**
	 * Adds {@code AND condition} when the value is not null, binding the value to each {@code ?} of
	 * the condition; an Instant is bound as UTC, an enum as its name.
	 */
	public Conditions and(String condition, Object value) {
		if (value != null) {
			sql.append(" AND ").append(condition);
			Object bound = value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
					: value instanceof Enum<?> constant ? constant.name() : value;
			for (int i = condition.indexOf('?'); i >= 0; i = condition.indexOf('?', i + 1)) {
				params.add(bound);
			}
		}
		return this;
	}

	/**
	 * Adds {@code AND condition} when the first value is not null, binding the values to the
	 * condition's {@code ?} in order (a subquery with several parameters, say).
	 */
	public Conditions andEach(String condition, Object... values) {
		if (values.length > 0 && values[0] != null) {
			sql.append(" AND ").append(condition);
			params.addAll(java.util.Arrays.asList(values));
		}
		return this;
	}

	/** The conditions, to follow {@code WHERE}. */
	public String sql() {
		return sql.toString();
	}

	/** The parameters, in order; a copy the caller may append to (paging, say). */
	public List<Object> params() {
		return new ArrayList<>(params);
	}

}
