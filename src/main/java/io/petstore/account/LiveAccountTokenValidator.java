package io.petstore.account;

import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import io.petstore.auth.TokenService;
import io.petstore.tenancy.Tenant;

/**
 * A signed, unexpired token is only good while its user still exists, is ACTIVE and has not been
 * suspended since the token was issued (the token's epoch is the user's). Checked on every request
 * (one primary-key read), so a suspension takes effect at once on every instance. The resource
 * server answers a failure with 401 {@code invalid_token}.
 */
@Component
class LiveAccountTokenValidator implements OAuth2TokenValidator<Jwt> {

	private final UserRepository users;

	LiveAccountTokenValidator(UserRepository users) {
		this.users = users;
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt token) {
		if (TokenService.isClientToken(token)) {
			// a client-credentials token names no user (the oauth module checks the client)
			return OAuth2TokenValidatorResult.success();
		}
		UUID userId;
		Tenant tenant;
		try {
			userId = UUID.fromString(token.getSubject());
			tenant = new Tenant(UUID.fromString(token.getClaimAsString(TokenService.TENANT_CLAIM)));
		}
		catch (RuntimeException notAUserToken) {
			return failure("The token does not name a user and tenant.");
		}
		UserRepository.TokenState state;
		try {
			state = users.tokenState(tenant, userId).orElse(null);
		}
		catch (org.springframework.dao.DataAccessException busy) {
			// not the token's fault: the entry point answers 503, not 401
			throw new org.springframework.security.authentication.AuthenticationServiceException(
					"The account could not be checked now; try again", busy);
		}
		if (state == null) {
			return failure("The account no longer exists.");
		}
		if (state.status() != UserStatus.ACTIVE) {
			return failure("The account is " + state.status().name().toLowerCase() + ".");
		}
		Object epoch = token.getClaims().get(TokenService.EPOCH_CLAIM);
		int issuedIn = epoch instanceof Number number ? number.intValue() : 0;
		if (issuedIn != state.tokenEpoch()) {
			return failure("The token was revoked (the account was suspended after it was issued); sign in again.");
		}
		return OAuth2TokenValidatorResult.success();
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
	}

}
