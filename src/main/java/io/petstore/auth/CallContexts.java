package io.petstore.auth;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import io.petstore.ratelimit.RateLimits;
import io.petstore.tenancy.InvalidTenantException;
import io.petstore.tenancy.Tenant;
import io.petstore.tenancy.TenantService;
import io.petstore.v1.DomainException;

/**
 * The one place where a call's credentials become a {@link CallContext}, for every protocol: the
 * tenant is parsed and seeded on first use, the bearer token verified (lenient stand-ins included),
 * the call counted against its client's rate limit. An adapter feeds it from its transport
 * ({@link #open}) and runs the operation {@link #within} the context, so the audit log records the
 * call's origin. REST's controllers get theirs from {@link #of(HttpServletRequest)}, where Spring
 * Security has verified the token and the rate-limit filter has counted the request.
 */
@Component
public class CallContexts {

	private static final String ATTRIBUTE = CallContext.class.getName();

	private static final ThreadLocal<CallContext> CURRENT = new ThreadLocal<>();

	private final BearerTokens tokens;

	private final TenantService tenants;

	private final RateLimits limits;

	CallContexts(BearerTokens tokens, TenantService tenants, RateLimits limits) {
		this.tokens = tokens;
		this.tenants = tenants;
		this.limits = limits;
	}

	/**
	 * Checks what a call presents and counts it against its client's rate limit.
	 * @throws DomainException BAD_REQUEST for a malformed tenant, UNAUTHORIZED for an invalid token,
	 * TOO_MANY_REQUESTS past the rate limit, UNAVAILABLE when the token cannot be checked now
	 */
	public CallContext open(Credentials credentials) {
		limits.require(RateLimits.keyFor(credentials.bearerToken(), credentials.origin().clientAddress()));
		return openWithoutCounting(credentials);
	}

	/** As {@link #open}, for a call its transport has counted already (an HTTP request, by the filter). */
	public CallContext openWithoutCounting(Credentials credentials) {
		Tenant tenant = tenant(credentials.tenant());
		Jwt token = null;
		if (credentials.bearerToken() != null) {
			try {
				token = tokens.decode(credentials.bearerToken(), tenant);
			}
			catch (BadJwtException invalid) {
				throw DomainException.unauthorized("The bearer token is invalid: " + invalid.getMessage());
			}
			catch (JwtException | AuthenticationServiceException unchecked) {
				throw DomainException.unavailable("The bearer token could not be checked now; try again.");
			}
		}
		tenants.ensureExists(tenant);
		return new CallContext(tenant, credentials.origin(), token);
	}

	/** Counts one more operation of a long-lived call (a WebSocket connection, say) against its client's limit. */
	public void count(CallContext context, String bearerToken) {
		limits.require(RateLimits.keyFor(bearerToken, context.origin().clientAddress()));
	}

	/**
	 * The context of an HTTP request, made once per request: the token Spring Security verified (if
	 * any), the tenant of {@code X-Tenant-ID} (seeded), the request's origin.
	 * @throws InvalidTenantException for a malformed {@code X-Tenant-ID} (each API family answers its own 400)
	 */
	public CallContext of(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof CallContext known) {
			return known;
		}
		Tenant tenant = Tenant.fromHeader(request.getHeader(Tenant.HEADER));
		Jwt token = SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt ? jwt.getToken()
				: null;
		tenants.ensureExists(tenant);
		CallContext context = new CallContext(tenant, Origin.http(request), token);
		request.setAttribute(ATTRIBUTE, context);
		return context;
	}

	/** Runs an operation as the call, so that what it changes is audited with the call's actor and origin. */
	public static <T> T within(CallContext context, Supplier<T> operation) {
		CallContext outer = CURRENT.get();
		CURRENT.set(context);
		try {
			return operation.get();
		}
		finally {
			if (outer == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(outer);
			}
		}
	}

	/** As {@link #within(CallContext, Supplier)}, for an operation without a result. */
	public static void within(CallContext context, Runnable operation) {
		within(context, () -> {
			operation.run();
			return null;
		});
	}

	/** The call being served on this thread: the one {@link #within} runs, else the current HTTP request's (once made). */
	public static java.util.Optional<CallContext> current() {
		CallContext bound = CURRENT.get();
		if (bound != null) {
			return java.util.Optional.of(bound);
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes != null && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof CallContext known
				? java.util.Optional.of(known) : java.util.Optional.empty();
	}

	private static Tenant tenant(String value) {
		try {
			return Tenant.fromHeader(value);
		}
		catch (InvalidTenantException malformed) {
			throw DomainException.badRequest(malformed.getMessage());
		}
	}

}
