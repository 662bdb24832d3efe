package io.petstore.auth;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * Who is calling: the user a verified token names, in the tenant the token was issued for.
 * Controllers take it as a parameter; without a valid token the request never gets that far.
 */
public record Caller(UUID userId, String username, Tenant tenant, Set<String> scopes) {

	/**
	 * The user whose verified token authenticated the current request, if any (a client-credentials
	 * token names no user).
	 */
	public static Optional<Caller> current() {
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				&& !TokenService.isClientToken(token.getToken())) {
			return Optional.of(CallerArgumentResolver.from(token.getToken()));
		}
		return Optional.empty();
	}

	/**
	 * The user this request acts for, checked once per request: 401 without a valid token, 403 for a
	 * token that names no user (client credentials) or was issued for another tenant than
	 * {@code X-Tenant-ID} names. For checks that run before a controller's arguments are read (an
	 * interceptor); controllers take a {@code Caller} parameter instead.
	 */
	public static Caller of(jakarta.servlet.http.HttpServletRequest request) {
		return CallerArgumentResolver.require(request);
	}

	public boolean hasScope(String scope) {
		return scopes.contains(scope);
	}

	/** Refuses (403) unless the caller is the given user. */
	public void mustBe(UUID user, String what) {
		if (!userId.equals(user)) {
			throw DomainException.forbidden("This " + what + " belongs to another user.");
		}
	}

}
