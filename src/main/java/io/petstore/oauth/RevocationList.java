package io.petstore.oauth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	RevocationList(OAuth2AuthorizationService delegate, JdbcClient jdbc) {
		this.delegate = delegate;
		this.jdbc = jdbc;
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
		try {
			jdbc.sql("INSERT INTO oauth2_revoked_token (jti, expires_at) VALUES (?, ?)")
				.params(jti, Timestamp.from(expires))
				.update();
		}
		catch (DuplicateKeyException already) {
			return;
		}
		jdbc.sql("DELETE FROM oauth2_revoked_token WHERE expires_at < ?")
			.param(Timestamp.from(Instant.now().minusSeconds(3600)))
			.update();
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
			Map<String, Object> found;
			try {
				found = jdbc.sql("SELECT (SELECT COUNT(*) FROM oauth2_revoked_token WHERE jti = ?) AS revoked, "
						+ "(SELECT COUNT(*) FROM oauth2_registered_client WHERE client_id = ?) AS registered")
					.params(jwt.getId() == null ? "" : jwt.getId(), client)
					.query()
					.singleRow();
			}
			catch (DataAccessException busy) {
				throw new AuthenticationServiceException("The token could not be checked now; try again", busy);
			}
			if (count(found, "revoked") > 0) {
				return failure("The token was revoked.");
			}
			if (count(found, "registered") == 0) {
				return failure("The client this token was issued to is no longer registered.");
			}
			return OAuth2TokenValidatorResult.success();
		};
	}

	private static long count(Map<String, Object> row, String column) {
		Object value = row.get(column);
		if (value == null) {
			value = row.get(column.toUpperCase(java.util.Locale.ROOT));
		}
		return value instanceof Number n ? n.longValue() : 0;
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
