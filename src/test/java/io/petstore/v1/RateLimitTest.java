package io.petstore.v1;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;
import io.petstore.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** A server with a limit of 5 requests a minute per client (PostgreSQL-backed buckets on PostgreSQL). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "petstore.rate-limit.requests=5", "petstore.rate-limit.window=1m" })
class RateLimitTest {

	private static final String DATABASE_URL = TestDatabase.newDatabaseUrl("ratelimit");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE_URL);
		registry.add("spring.datasource.username", TestDatabase::username);
		registry.add("spring.datasource.password", () -> "");
	}

	@Test
	void countsRequestsPerClientAndAnswers429PastTheLimit() {
		ApiClient anonymous = new ApiClient("http://localhost:" + port, null, UUID.randomUUID());
		long before = System.currentTimeMillis() / 1000;
		// the window starts when the first request is counted, somewhere before its answer arrives
		// (seconds after "before" on a busy machine, when the first use of the store is slow)
		long firstAnswered = 0;
		for (int i = 4; i >= 0; i--) {
			Reply reply = anonymous.get("/v1/pets?limit=1");
			if (firstAnswered == 0) {
				firstAnswered = System.currentTimeMillis() / 1000;
			}
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.header("RateLimit-Limit")).isEqualTo("5");
			assertThat(reply.header("RateLimit-Remaining")).isEqualTo(Integer.toString(i));
			assertThat(Long.parseLong(reply.header("RateLimit-Reset"))).isBetween(before + 59, firstAnswered + 61);
		}
		Reply limited = anonymous.get("/v1/pets?limit=1");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).isEqualTo("application/problem+json");
		assertThat(limited.json().get("type").asString()).isEqualTo("https://petstoreapi.com/errors/rate-limit-exceeded");
		assertThat(limited.header("RateLimit-Remaining")).isEqualTo("0");
		assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
		// also for writes and errors, and the classic API is not limited
		assertThat(anonymous.postJson("/v1/users", "{}").status()).isEqualTo(429);
		assertThat(anonymous.get("/v2/pet/1").status()).isEqualTo(200);

		// a bearer token is a client of its own
		Reply withToken = anonymous.get("/v1/pets?limit=1", "Authorization",
				"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLW9mLWEtdG9rZW4tdGhhdC1pcy1sb25nLWVub3VnaA");
		assertThat(withToken.header("RateLimit-Remaining")).isEqualTo("4");
		assertThat(withToken.status()).isEqualTo(401);
	}

	@org.springframework.beans.factory.annotation.Autowired
	io.petstore.auth.CallContexts contexts;

	/** Calls that are not HTTP requests (a gRPC call, a WebSocket operation) count against the same buckets. */
	@Test
	void callsOfEveryProtocolCountAgainstTheClientsBucket() {
		io.petstore.auth.Credentials grpc = new io.petstore.auth.Credentials(null, UUID.randomUUID().toString(),
				new io.petstore.auth.Origin("GRPC", "10.9.9.9", "grpc-java", "ListPets"));
		io.petstore.auth.CallContext call = null;
		for (int i = 0; i < 4; i++) {
			call = contexts.open(grpc);
		}
		contexts.count(call, null); // the fifth: one more operation on an open connection
		io.petstore.v1.DomainException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
				io.petstore.v1.DomainException.class, () -> contexts.open(grpc));
		assertThat(refused.kind()).isEqualTo(io.petstore.v1.DomainException.Kind.TOO_MANY_REQUESTS);
		assertThat(refused.type()).isEqualTo("rate-limit-exceeded");
		assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
		// another client is not affected
		contexts.open(new io.petstore.auth.Credentials(null, null, new io.petstore.auth.Origin("GRPC", "10.9.9.10", null, "ListPets")));
	}

}
