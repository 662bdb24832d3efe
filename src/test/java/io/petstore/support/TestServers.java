package io.petstore.support;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.petstore.PetstoreApplication;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole servers in the test JVM on a database URL of the test's choosing (several may share one). */
public final class TestServers {

	private TestServers() {
	}

	/**
	 * Starts the server on a random port and {@code url} (null: the embedded default under
	 * {@code petstore.data-dir}, which the arguments should then name). Arguments are command-line
	 * arguments: they override application.properties (builder properties would not).
	 */
	public static ConfigurableApplicationContext start(String url, String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--server.port=0"));
		if (url != null) {
			args.addAll(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabase.username(),
					"--spring.datasource.password="));
		}
		args.addAll(List.of(extraArgs));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PetstoreApplication.class)
			.run(args.toArray(String[]::new));
		if (url != null) {
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(url);
			try (var connection = context.getBean(javax.sql.DataSource.class).getConnection()) {
				assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(TestDatabase.name());
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return context;
	}

	/** The server's address by IP, so the client address it sees is 127.0.0.1 (the sign-in brake counts per address). */
	public static String base(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
	}

}
