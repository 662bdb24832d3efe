package io.petstore.oauth;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import io.petstore.account.Accounts;
import io.petstore.account.TokenSubject;
import io.petstore.auth.TokenService;

/**
 * Makes the authorization server's access tokens the same JWTs as {@code POST /v1/auth/tokens}:
 * {@code sub} the user's id, {@code tid}, {@code username}, {@code tev} (the token epoch) and a
 * space-separated {@code scope}, plus {@code client_id}. A client-credentials token names the client
 * ({@code sub} = {@code client_id}) and the tenant that registered it. Issuing or refreshing for a
 * user needs the account to exist, be ACTIVE and not have been suspended since the user signed in
 * ({@code invalid_grant} otherwise).
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	private final Accounts accounts;

	private final OAuthClients clients;

	TokenClaims(Accounts accounts, OAuthClients clients) {
		this.accounts = accounts;
		this.clients = clients;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		boolean access = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
		boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
		if (!access && !idToken) {
			return;
		}
		String clientId = context.getRegisteredClient().getClientId();
		if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
			context.getClaims()
				.subject(clientId)
				.claim(TokenService.CLIENT_ID_CLAIM, clientId)
				.claim(TokenService.TENANT_CLAIM, clients.tenantOf(context.getRegisteredClient()).id().toString())
				.claim("scope", String.join(" ", context.getAuthorizedScopes()));
			return;
		}
		Authentication principal = context.getPrincipal();
		UserPrincipal user = UserPrincipal.parse(principal.getName()).orElseThrow(() -> invalidGrant("The grant names no user."));
		TokenSubject subject = accounts.activeSubject(user.tenant(), user.userId())
			.orElseThrow(() -> invalidGrant("The account no longer exists or is not active."));
		int signedInWith = UserLogin.epochOf(principal);
		if (signedInWith >= 0 && signedInWith != subject.tokenEpoch()) {
			throw invalidGrant("The account was suspended after this grant was made; sign in again.");
		}
		context.getClaims()
			.subject(user.userId().toString())
			.claim(TokenService.TENANT_CLAIM, user.tenant().id().toString())
			.claim(TokenService.USERNAME_CLAIM, subject.username());
		if (idToken) {
			context.getClaims().claim("preferred_username", subject.username());
			return;
		}
		context.getClaims()
			.claim(TokenService.CLIENT_ID_CLAIM, clientId)
			.claim(TokenService.EPOCH_CLAIM, subject.tokenEpoch())
			.claim("scope", String.join(" ", context.getAuthorizedScopes()));
	}

	private static OAuth2AuthenticationException invalidGrant(String description) {
		return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, description, null));
	}

}
