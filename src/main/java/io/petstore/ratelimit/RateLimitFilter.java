package io.petstore.ratelimit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.petstore.v1.DomainException;
import io.petstore.v1.Problem;

/**
 * Counts every {@code /v1} request against its client's bucket, before authentication (so failed
 * logins count too). The client is the bearer token if there is one (its signature part names it),
 * else the remote address.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimits limits;

	private final RateLimitProperties properties;

	RateLimitFilter(RateLimits limits, RateLimitProperties properties) {
		this.limits = limits;
		this.properties = properties;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return !properties.enabled() || !(path.equals("/v1") || path.startsWith("/v1/"))
				|| path.equals("/v1/openapi.json") || path.equals("/v1/openapi.yaml") || path.startsWith("/v1/asyncapi.")
				// GraphQL, SOAP and the WebSocket chat count each call through the caller context (auth.CallContexts#open),
				// so that a refusal comes in their own error form
				|| path.equals("/v1/graphql") || path.startsWith("/v1/soap") || path.equals("/v1/ws/chat");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RateLimits.Allowance allowance = limits.consume(clientKey(request));
		response.setHeader("RateLimit-Limit", Long.toString(allowance.limit()));
		response.setHeader("RateLimit-Remaining", Long.toString(allowance.remaining()));
		response.setHeader("RateLimit-Reset", Long.toString(allowance.resetEpochSeconds()));
		if (allowance.allowed()) {
			chain.doFilter(request, response);
			return;
		}
		long retryAfter = allowance.retryAfterSeconds();
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader("Retry-After", Long.toString(retryAfter));
		response.setContentType("application/problem+json");
		String body = "{\"type\":\"" + Problem.TYPE_BASE + "rate-limit-exceeded\",\"title\":\"Too Many Requests\",\"status\":429,"
				+ "\"detail\":\"" + DomainException.rateLimited(retryAfter).getMessage() + "\","
				+ "\"instance\":\"" + request.getRequestURI().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
		response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
	}

	static String clientKey(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7)
				: null;
		return RateLimits.keyFor(token, request.getRemoteAddr());
	}

}
