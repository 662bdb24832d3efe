package io.petstore.oauth;

import java.time.Instant;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import io.petstore.auth.TokenService;

/**
 * Makes revocation reach the resource server. Access tokens are self-contained JWTs, so revoking
 * one at {@code /oauth2/revoke} (or revoking its refresh token) only marks it in the authorization;
 * this decorator of the authorization service also writes the token's {@code jti} to
 * {@code oauth2_revoked_token}, and {@link #validator()} refuses such tokens on every request, as
 * it refuses tokens of a client that has been deleted. One primary-key read per request that
 * carries an authorization server token.
 */
final class RevocationList implements OAuth2AuthorizationService {

	private final OAuth2AuthorizationService delegate;

	private final RevokedTokenRepository revoked;

	RevocationList(OAuth2AuthorizationService delegate, RevokedTokenRepository revoked) {
		this.delegate = delegate;
		this.revoked = revoked;
	}

	@Override
	public void save(OAuth2Authorization authorization) {
		delegate.save(authorization);
		OAuth2Authorization.Token<OAuth2AccessToken> access = authorization.getAccessToken();
		if (access != null && access.isInvalidated() && access.getClaims() != null) {
			Object jti = access.getClaims().get("jti");
			Instant expires = access.getToken().getExpiresAt();
			if (jti != null && expires != null) {
				revoke(jti.toString(), expires);
			}
		}
	}

	private void revoke(String jti, Instant expires) {
		if (revoked.insert(jti, expires)) {
			revoked.deleteExpiredBefore(Instant.now().minusSeconds(3600));
		}
	}

	@Override
	public void remove(OAuth2Authorization authorization) {
		delegate.remove(authorization);
	}

	@Override
	public OAuth2Authorization findById(String id) {
		return delegate.findById(id);
	}

	@Override
	public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
		return delegate.findByToken(token, tokenType);
	}

	/** Refuses revoked authorization-server tokens and tokens of deleted clients (401 invalid_token). */
	OAuth2TokenValidator<Jwt> validator() {
		return jwt -> {
			String client = jwt.getClaimAsString(TokenService.CLIENT_ID_CLAIM);
			if (client == null) {
				return OAuth2TokenValidatorResult.success();
			}
			RevokedTokenRepository.TokenState state;
			try {
				state = revoked.state(jwt.getId() == null ? "" : jwt.getId(), client);
			}
			catch (DataAccessException busy) {
				throw new AuthenticationServiceException("The token could not be checked now; try again", busy);
			}
			if (state.revoked()) {
				return failure("The token was revoked.");
			}
			if (!state.clientRegistered()) {
				return failure("The client this token was issued to is no longer registered.");
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
