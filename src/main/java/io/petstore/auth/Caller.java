package io.petstore.auth;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * Who is calling: the user a verified token names, in the tenant the token was issued for (and the
 * call names: {@link CallContext#user()} checks it). Module APIs take it and check the scope each
 * operation needs ({@link #require}) and whose data it is ({@link #mustBe}), whatever the protocol.
 */
public record Caller(UUID userId, String username, Tenant tenant, Set<String> scopes) {

	/** The user of the call being served on this thread (see {@link CallContexts#current()}), if a user's token came with it. */
	public static Optional<Caller> current() {
		Optional<CallContext> call = CallContexts.current();
		if (call.isPresent()) {
			return call.get().caller();
		}
		// an HTTP request whose context was not needed yet: the token Spring Security verified
		if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
				&& !TokenService.isClientToken(token.getToken())) {
			return Optional.of(CallerArgumentResolver.from(token.getToken()));
		}
		return Optional.empty();
	}

	public boolean hasScope(String scope) {
		return scopes.contains(scope);
	}

	/** Refuses (403) unless the token grants the scope. */
	public Caller require(String scope) {
		if (!scopes.contains(scope)) {
			throw lacking(scope);
		}
		return this;
	}

	/** Refuses (403) unless the caller is the given user. */
	public void mustBe(UUID user, String what) {
		if (!userId.equals(user)) {
			throw DomainException.forbidden("This " + what + " belongs to another user.");
		}
	}

	static DomainException lacking(String scope) {
		return DomainException.forbidden("The token lacks the scope this operation requires (" + scope + ").");
	}

}
