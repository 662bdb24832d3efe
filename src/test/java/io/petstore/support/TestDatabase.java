package io.petstore.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database the integration tests run on: H2 in file mode by default, a real PostgreSQL
 * (embedded binaries from Maven Central, started once per test JVM) when the system property
 * {@code petstore.test.db=postgres} is set. The Maven build runs the suite once for each.
 */
public final class TestDatabase {

	private static EmbeddedPostgres postgres;

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgres".equals(System.getProperty("petstore.test.db"));
	}

	public static String name() {
		return isPostgres() ? "PostgreSQL" : "H2";
	}

	/** A JDBC URL for a database of its own: a new H2 file, or a new PostgreSQL database. */
	public static synchronized String newDatabaseUrl(String name) {
		if (isPostgres()) {
			try {
				if (postgres == null) {
					postgres = EmbeddedPostgres.builder().start();
					Runtime.getRuntime().addShutdownHook(new Thread(() -> {
						try {
							postgres.close();
						}
						catch (IOException ignored) {
						}
					}));
				}
				String db = (name + "_" + System.nanoTime()).toLowerCase().replaceAll("[^a-z0-9_]", "_");
				try (var connection = postgres.getPostgresDatabase().getConnection();
						var statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE " + db);
				}
				return postgres.getJdbcUrl("postgres", db);
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not start embedded PostgreSQL", ex);
			}
		}
		try {
			Path dir = Files.createDirectories(Path.of("target", "test-data"));
			return "jdbc:h2:file:" + dir.toAbsolutePath().resolve(name + "-" + System.nanoTime())
					+ ";LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String username() {
		return isPostgres() ? "postgres" : "sa";
	}

}
