package io.petstore.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code petstore.webhooks.*}: the retry schedule, timeouts and the target allow-list.
 * @param retryDelays the waits before the second, third, ... attempt (the first is immediate);
 * after the last the delivery fails
 * @param connectTimeout connecting to the target
 * @param readTimeout waiting for the answer (between bytes)
 * @param deadline the whole attempt, redirects included
 * @param allowedNetworks CIDR ranges (or single addresses) that are allowed although they are
 * loopback, private, link-local or otherwise internal
 * @param worker whether this instance sends deliveries (every instance may)
 * @param pollInterval how often the worker looks for due deliveries written by other instances
 * @param concurrency deliveries in flight per instance
 * @param lease how long a claimed delivery is reserved for its worker (longer than the deadline)
 * @param maxPerUser subscriptions a user may have
 */
@ConfigurationProperties("petstore.webhooks")
record WebhookProperties(List<Duration> retryDelays, Duration connectTimeout, Duration readTimeout, Duration deadline,
		List<String> allowedNetworks, boolean worker, Duration pollInterval, int concurrency, Duration lease, int maxRedirects,
		int maxPerUser) {

	WebhookProperties {
		retryDelays = retryDelays == null ? List.of() : List.copyOf(retryDelays);
		allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
		if (lease.compareTo(deadline.plusSeconds(5)) < 0) {
			throw new IllegalArgumentException("petstore.webhooks.lease must be longer than the deadline by 5 s or more");
		}
	}

	/** Attempts per round: the immediate one and one per delay. */
	int attempts() {
		return 1 + retryDelays.size();
	}

}
