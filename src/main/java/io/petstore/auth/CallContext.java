package io.petstore.auth;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jwt.Jwt;

import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * One call, whatever its protocol: the tenant it works on (seeded by the time anyone sees it), the
 * verified token if it carried one, and where it comes from. Made by {@link CallContexts} only.
 * Operations ask it what they need: {@link #user()} for a user's own data, {@link #require} for a
 * scope; each refuses with the same domain error on every protocol.
 */
public final class CallContext {

	private final Tenant tenant;

	private final Origin origin;

	private final Jwt token;

	private final Caller caller;

	CallContext(Tenant tenant, Origin origin, Jwt token) {
		this.tenant = tenant;
		this.origin = origin;
		this.token = token;
		this.caller = token == null || TokenService.isClientToken(token) ? null : CallerArgumentResolver.from(token);
	}

	/** The tenant the call names ({@code X-Tenant-ID}; the shared pool without one). */
	public Tenant tenant() {
		return tenant;
	}

	public Origin origin() {
		return origin;
	}

	/** The call carried a verified token (a user's or a client's). */
	public boolean authenticated() {
		return token != null;
	}

	/** The user a verified token names, if it names one, whichever tenant it was issued for. */
	public Optional<Caller> caller() {
		return Optional.ofNullable(caller);
	}

	/**
	 * The user this call acts for: UNAUTHORIZED without a token, FORBIDDEN for a token that names
	 * no user (client credentials) or was issued for another tenant than the call names.
	 */
	public Caller user() {
		if (token == null) {
			throw DomainException.unauthorized("This operation requires a bearer token (Authorization: Bearer <token>).");
		}
		if (caller == null) {
			throw DomainException.forbidden(
					"This operation acts for a user; a client-credentials token names no user. Use a user's token.");
		}
		sameTenant();
		return caller;
	}

	/**
	 * Refuses unless a token of this tenant grants the scope: UNAUTHORIZED without a token,
	 * FORBIDDEN for another tenant's token or one without the scope. Client tokens qualify.
	 */
	public CallContext require(String scope) {
		if (token == null) {
			throw DomainException.unauthorized("This operation requires a bearer token (Authorization: Bearer <token>).");
		}
		sameTenant();
		if (!CallerArgumentResolver.scopes(token).contains(scope)) {
			throw Caller.lacking(scope);
		}
		return this;
	}

	/** Who acts, as the audit log names it: {@code user:<name>}, {@code client:<id>} or {@code anonymous}. */
	public String actor() {
		if (caller != null) {
			return "user:" + caller.username();
		}
		return token == null ? "anonymous" : "client:" + token.getSubject();
	}

	/** The acting user's id, if a user acts. */
	public UUID userId() {
		return caller == null ? null : caller.userId();
	}

	/** This call asking something else (the next operation on one connection). */
	public CallContext asking(String what) {
		return new CallContext(tenant, origin.asking(what), token);
	}

	private void sameTenant() {
		String issuedFor = token.getClaimAsString(TokenService.TENANT_CLAIM);
		if (issuedFor != null && !issuedFor.equals(tenant.id().toString())) {
			throw DomainException.forbidden("The token was issued for another tenant than X-Tenant-ID names.");
		}
	}

	/** The scopes the token grants (none without a token). */
	public Set<String> scopes() {
		return token == null ? Set.of() : CallerArgumentResolver.scopes(token);
	}

}
