package io.petstore.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code petstore.rate-limit.*}: how many requests a client may make per window, and where the
 * buckets live ({@code auto}: PostgreSQL when the database is PostgreSQL, else memory).
 */
@ConfigurationProperties("petstore.rate-limit")
record RateLimitProperties(Boolean enabled, Long requests, Duration window, String store) {

	RateLimitProperties {
		enabled = enabled == null ? Boolean.TRUE : enabled;
		requests = requests == null ? 1000L : requests;
		window = window == null ? Duration.ofMinutes(1) : window;
		store = store == null ? "auto" : store;
	}

}
