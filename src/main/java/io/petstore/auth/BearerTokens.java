package io.petstore.auth;

import java.util.Optional;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * Checks a bearer token outside the {@code /v1} filter chain (the classic API's strict mode, other
 * protocols): the same decoder and validators as the resource server (signature, expiry, issuer,
 * live account, revocation).
 */
@Component
public class BearerTokens {

	private final JwtDecoder decoder;

	BearerTokens(JwtDecoder decoder) {
		this.decoder = decoder;
	}

	/** The verified token of an {@code Authorization: Bearer ...} header, or empty if absent. */
	public Optional<Jwt> fromHeader(String authorization) throws JwtException {
		if (authorization == null || authorization.isBlank()) {
			return Optional.empty();
		}
		String[] parts = authorization.strip().split("\\s+", 2);
		if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
			throw new org.springframework.security.oauth2.jwt.BadJwtException("The Authorization header is not 'Bearer <token>'.");
		}
		return Optional.of(decoder.decode(parts[1]));
	}

	/** The scopes a verified token carries. */
	public static java.util.Set<String> scopes(Jwt jwt) {
		return CallerArgumentResolver.scopes(jwt);
	}

}
