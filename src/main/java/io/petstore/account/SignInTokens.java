package io.petstore.account;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.petstore.auth.IssuedToken;
import io.petstore.auth.Scopes;
import io.petstore.auth.TokenService;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.DomainException;

/**
 * createToken for every protocol: username and password for a signed bearer token, through the
 * sign-in brake and the audit log ({@link Accounts#authenticate}). The scopes asked for narrow the
 * token (an unknown one is INVALID); none asked for (null or empty) means every scope.
 */
@Component
public class SignInTokens {

	private final Accounts accounts;

	private final TokenService tokens;

	SignInTokens(Accounts accounts, TokenService tokens) {
		this.accounts = accounts;
		this.tokens = tokens;
	}

	public IssuedToken signIn(Tenant tenant, String username, String password, Collection<String> requested) {
		Set<String> scopes = new LinkedHashSet<>(requested == null || requested.isEmpty() ? Scopes.ALL : requested);
		for (String scope : scopes) {
			if (!Scopes.ALL.contains(scope)) {
				throw DomainException.invalid("scopes", "unknown scope '" + scope + "': use any of " + Scopes.ALL, "invalid_enum");
			}
		}
		UserRepository.Account account = accounts.authenticate(tenant, username, password);
		return tokens.issue(account.user().id(), account.user().username(), tenant, scopes, account.tokenEpoch());
	}

	/** The token a newly registered user gets (every scope), as createUser answers it. */
	public IssuedToken forNewUser(Tenant tenant, User user) {
		return tokens.issue(user.id(), user.username(), tenant, Scopes.ALL, 0);
	}

}
