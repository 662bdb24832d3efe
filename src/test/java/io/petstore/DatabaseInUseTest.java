package io.petstore;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.petstore.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the two test runs: the PostgreSQL run really talks to PostgreSQL, the default one to H2. */
class DatabaseInUseTest extends io.petstore.support.IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void theSuiteRunsOnTheDatabaseItClaims() throws Exception {
		try (var connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo(TestDatabase.name());
		}
	}

}
