package io.petstore.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.petstore.v1.Problem;

/**
 * Counts every {@code /v1} request against its client's bucket, before authentication (so failed
 * logins count too). The client is the bearer token if there is one (its signature part names it),
 * else the remote address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RateLimitFilter extends OncePerRequestFilter {

	private final Buckets buckets;

	private final RateLimitProperties properties;

	RateLimitFilter(Buckets buckets, RateLimitProperties properties) {
		this.buckets = buckets;
		this.properties = properties;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !properties.enabled() || !(path.equals("/v1") || path.startsWith("/v1/"))
				|| path.equals("/v1/openapi.json") || path.equals("/v1/openapi.yaml");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ConsumptionProbe probe = buckets.tryConsume(clientKey(request));
		long nowSeconds = Instant.now().getEpochSecond();
		long resetSeconds = (long) Math.ceil(probe.getNanosToWaitForReset() / 1e9);
		response.setHeader("RateLimit-Limit", Long.toString(buckets.limit()));
		response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		response.setHeader("RateLimit-Reset", Long.toString(nowSeconds + resetSeconds));
		if (probe.isConsumed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(retryAfter));
		response.setContentType("application/problem+json");
		String body = "{\"type\":\"" + Problem.TYPE_BASE + "rate-limit-exceeded\",\"title\":\"Too Many Requests\",\"status\":429,"
				+ "\"detail\":\"Rate limit exceeded. Please wait " + retryAfter + " seconds before making another request.\","
				+ "\"instance\":\"" + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	static String clientKey(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = authorization.substring(7).trim();
			int lastDot = token.lastIndexOf('.');
			if (lastDot > 0 && lastDot < token.length() - 16 && token.length() < 8192) {
				String signature = token.substring(lastDot + 1);
				return "token:" + signature.substring(0, Math.min(86, signature.length()));
			}
		}
		return "ip:" + request.getRemoteAddr();
	}

}
