package io.petstore.oauth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.petstore.account.Accounts;
import io.petstore.account.TokenSubject;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * The login page's check: the Modern API's users, with the same rules as
 * {@code POST /v1/auth/tokens} (a suspended account cannot sign in; the sign-in brake's lock is a
 * {@link LoginLocked}, which {@link LoginFailures} answers with a 429 page). The optional {@code tenant}
 * field picks the tenant (blank: the shared pool). The signed-in principal is named by
 * {@link UserPrincipal} and remembers the account's token epoch, so a suspension since sign-in
 * stops its refresh tokens too.
 */
@Component
class UserLogin implements AuthenticationProvider {

	static final String TENANT_PARAMETER = "tenant";

	static final String EPOCH_AUTHORITY = "tev:";

	private final Accounts accounts;

	UserLogin(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Tenant tenant = tenant();
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		TokenSubject user;
		try {
			user = accounts.signIn(tenant, authentication.getName(), password);
		}
		catch (DomainException refused) {
			if (refused.kind() == DomainException.Kind.FORBIDDEN) {
				throw new DisabledException(refused.getMessage());
			}
			if (refused.kind() == DomainException.Kind.TOO_MANY_REQUESTS) {
				throw new LoginLocked(refused.getMessage(), String.valueOf(refused.retryAfterSeconds()));
			}
			throw new BadCredentialsException("Invalid username or password.");
		}
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
				new UserPrincipal(tenant, user.userId()).name(), null,
				// the password factor, with when it was given: an ID token's auth_time (scope openid) is read from it
				List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority(EPOCH_AUTHORITY + user.tokenEpoch()),
						FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)));
		result.setDetails(authentication.getDetails());
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static Tenant tenant() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return Tenant.SHARED;
		}
		HttpServletRequest request = attributes.getRequest();
		String value = request.getParameter(TENANT_PARAMETER);
		try {
			return Tenant.fromHeader(value == null || value.isBlank() ? null : value.strip());
		}
		catch (RuntimeException notAUuid) {
			throw new BadCredentialsException("The tenant must be a UUID (or left empty for the shared pool).");
		}
	}

	/** The token epoch the principal signed in with, or -1 when it does not say. */
	static int epochOf(Authentication principal) {
		return principal.getAuthorities()
			.stream()
			.map(Object::toString)
			.filter(a -> a.startsWith(EPOCH_AUTHORITY))
			.mapToInt(a -> Integer.parseInt(a.substring(EPOCH_AUTHORITY.length())))
			.findFirst()
			.orElse(-1);
	}

}
