/**
 * Rate limits on {@code /v1}: a token bucket per bearer token (or per client address without one),
 * Bucket4j, in memory on H2 (one instance) and in PostgreSQL ({@code rate_limit_bucket}) so that
 * several instances share the same buckets. Every /v1 response carries {@code RateLimit-Limit},
 * {@code RateLimit-Remaining} and {@code RateLimit-Reset}; past the limit, 429 with
 * {@code Retry-After}. Owns {@code rate_limit_bucket} and {@code rate_limit_settings} (the settings'
 * generations: changed settings apply to the stored buckets at their next use).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rate limits")
package io.petstore.ratelimit;
