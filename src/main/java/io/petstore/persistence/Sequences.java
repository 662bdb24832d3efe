package io.petstore.persistence;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Database sequences, the one piece of SQL whose syntax differs between H2 and PostgreSQL. Values
 * are unique across transactions and server instances. Sequence names are compile-time constants of
 * the calling modules, never client input.
 */
@Component
public class Sequences {

	private final JdbcClient jdbc;

	private final boolean postgres;

	Sequences(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
		this.jdbc = jdbc;
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		this.postgres = "PostgreSQL".equalsIgnoreCase(product);
	}

	public long next(String sequence) {
		String sql = postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** Moves the sequence so that its next value is above {@code value}; never moves it back. */
	public void skipPast(String sequence, long value) {
		if (value == Long.MAX_VALUE) {
			return;
		}
		if (postgres) {
			jdbc.sql("SELECT setval('" + sequence + "', GREATEST(?, (SELECT last_value FROM " + sequence + ")))")
				.param(value)
				.query(Long.class)
				.single();
			return;
		}
		long next = jdbc.sql("SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = ?")
			.param(sequence.toUpperCase(Locale.ROOT))
			.query(Long.class)
			.single();
		if (next <= value) {
			jdbc.sql("ALTER SEQUENCE " + sequence + " RESTART WITH " + (value + 1)).update();
		}
	}

}
