package io.petstore.graphql;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.petstore.support.IntegrationTest;

/**
 * Base of the GraphQL tests: the server of {@link IntegrationTest} (random port, the test's own
 * tenant), spoken to with Spring's {@link HttpGraphQlTester} over real HTTP, and a count of the SQL
 * statements the server prepares (to show batch loading).
 */
@Import(GraphqlStatementCounter.class)
abstract class GraphqlTestSupport extends IntegrationTest {

	/** Every statement the application's DataSource prepares, counted. */
	static final AtomicLong STATEMENTS = GraphqlStatementCounter.STATEMENTS;

	/** GraphQL over HTTP on the test's tenant, without a token. */
	protected HttpGraphQlTester graphql() {
		WebTestClient client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl(base() + "/v1/graphql")
			.defaultHeader("X-Tenant-ID", tenant.toString())
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		return HttpGraphQlTester.create(client);
	}

	/** GraphQL over HTTP on the test's tenant with a bearer token. */
	protected HttpGraphQlTester graphql(String token) {
		return graphql().mutate().header("Authorization", "Bearer " + token).build();
	}

	/** A new user of the test's tenant, registered over GraphQL; answers its token. */
	protected String registerUser(String username) {
		return graphql().document("""
				mutation($input: RegistrationInput!) { register(input: $input) { token expiresAt } }""")
			.variable("input", java.util.Map.of("username", username, "email", username + "@example.com", "firstName", "Test",
					"lastName", "User", "password", "SecurePass123!"))
			.execute()
			.path("register.token")
			.entity(String.class)
			.get();
	}

	protected static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** An AVAILABLE pet of the test's tenant (the seed's first). */
	protected String availablePet() {
		return graphql().document("{ pets(limit: 1) { data { id } } }").execute().path("pets.data[0].id").entity(String.class).get();
	}

	/** The request's errors (the response must have some); the first must have this classification. */
	protected static org.springframework.graphql.ResponseError expectError(org.springframework.graphql.test.tester.GraphQlTester.Request<?> request,
			String classification) {
		java.util.concurrent.atomic.AtomicReference<java.util.List<org.springframework.graphql.ResponseError>> seen = new java.util.concurrent.atomic.AtomicReference<>();
		request.execute().errors().satisfy(seen::set);
		org.assertj.core.api.Assertions.assertThat(seen.get()).as("errors").isNotEmpty();
		org.springframework.graphql.ResponseError first = seen.get().get(0);
		org.assertj.core.api.Assertions.assertThat(first.getExtensions().get("classification")).as(first.toString()).isEqualTo(classification);
		return first;
	}

	/** A token of the test's tenant for this user, narrowed to these scopes. */
	protected String signIn(String username, String... scopes) {
		return graphql().document("mutation($u: String!, $p: String!, $s: [String!]) { createToken(username: $u, password: $p, scopes: $s) { token } }")
			.variable("u", username)
			.variable("p", username.equals("admin") ? ADMIN_PASSWORD : "SecurePass123!")
			.variable("s", java.util.List.of(scopes))
			.execute()
			.path("createToken.token").entity(String.class).get();
	}

	/** A pet created (as the administrator) in the test's tenant. */
	protected String createPet(String adminToken, String name, String species, int ageMonths, String price) {
		return graphql(adminToken).document("mutation($in: PetInput!) { createPet(input: $in) { id } }")
			.variable("in", java.util.Map.of("name", name, "species", species, "ageMonths", ageMonths, "price", price))
			.execute()
			.path("createPet.id").entity(String.class).get();
	}

}
