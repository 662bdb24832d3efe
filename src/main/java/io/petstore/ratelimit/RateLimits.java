package io.petstore.ratelimit;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Service;

import io.petstore.v1.DomainException;

/**
 * The rate limit every protocol applies: one bucket per client ({@link #keyFor}), one call counted
 * per request or operation. HTTP counts at its edge ({@link RateLimitFilter}, before authentication,
 * so failed logins count too); the other protocols count through the caller context
 * ({@code auth.CallContexts}).
 */
@Service
public class RateLimits {

	/** What one counted call left: the figures of the {@code RateLimit-*} headers. */
	public record Allowance(boolean allowed, long limit, long remaining, long resetEpochSeconds, long retryAfterSeconds) {
	}

	private final Buckets buckets;

	private final RateLimitProperties properties;

	RateLimits(Buckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	public boolean enabled() {
		return properties.enabled();
	}

	/** Counts one call of the client; an allowance with {@code allowed=false} when over the limit. */
	public Allowance consume(String clientKey) {
		ConsumptionProbe probe = buckets.tryConsume(clientKey);
		long resetSeconds = (long) Math.ceil(probe.getNanosToWaitForReset() / 1e9);
		long retryAfter = probe.isConsumed() ? 0
				: Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		return new Allowance(probe.isConsumed(), buckets.limit(), probe.getRemainingTokens(),
				Instant.now().getEpochSecond() + resetSeconds, retryAfter);
	}

	/** Counts one call of the client, refusing it (TOO_MANY_REQUESTS) when over the limit; nothing when limits are off. */
	public void require(String clientKey) {
		if (!properties.enabled()) {
			return;
		}
		Allowance allowance = consume(clientKey);
		if (!allowance.allowed()) {
			throw DomainException.rateLimited(allowance.retryAfterSeconds());
		}
	}

	/**
	 * Whose bucket a call counts against: the bearer token if there is one (its signature part names
	 * it), else the client's address.
	 */
	public static String keyFor(String bearerToken, String clientAddress) {
		if (bearerToken != null) {
			String token = bearerToken.trim();
			int lastDot = token.lastIndexOf('.');
			if (lastDot > 0 && lastDot < token.length() - 16 && token.length() < 8192) {
				String signature = token.substring(lastDot + 1);
				return "token:" + signature.substring(0, Math.min(86, signature.length()));
			}
		}
		return "ip:" + clientAddress;
	}

}
