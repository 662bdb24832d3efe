package io.petstore.auth;

import java.util.Optional;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import io.petstore.tenancy.Tenant;

/**
 * Checks bearer tokens: the same decoder and validators as the resource server (signature, expiry,
 * issuer, live account, revocation). {@link #decode(String, Tenant)} is the core every protocol of
 * the Modern API goes through (the {@code /v1} filter chain uses it): with lenient tokens on
 * ({@link LenientTokens}) a made-up value stands for a user of its own. {@link #fromHeader} is the
 * classic API's strict mode, which takes real tokens only.
 */
@Component
public class BearerTokens {

	private final JwtDecoder decoder;

	private final LenientTokens lenient;

	BearerTokens(JwtDecoder decoder, LenientTokens lenient) {
		this.decoder = decoder;
		this.lenient = lenient;
	}

	/**
	 * The verified token, or (lenient mode) the stand-in of a made-up value in the tenant.
	 * @param tenant the tenant the request names; null if its {@code X-Tenant-ID} is malformed (no stand-in then)
	 * @throws BadJwtException the token is invalid (a 401)
	 * @throws org.springframework.security.authentication.AuthenticationServiceException the token could
	 * not be checked now (the database is busy: a 503)
	 */
	public Jwt decode(String token, Tenant tenant) throws JwtException {
		try {
			return decoder.decode(token);
		}
		catch (BadJwtException invalid) {
			return lenient.standIn(token, tenant).orElseThrow(() -> invalid);
		}
	}

	/** The verified token of an {@code Authorization: Bearer ...} header, or empty if absent. */
	public Optional<Jwt> fromHeader(String authorization) throws JwtException {
		if (authorization == null || authorization.isBlank()) {
			return Optional.empty();
		}
		String[] parts = authorization.strip().split("\\s+", 2);
		if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
			throw new BadJwtException("The Authorization header is not 'Bearer <token>'.");
		}
		return Optional.of(decoder.decode(parts[1]));
	}

	/** The scopes a verified token carries. */
	public static java.util.Set<String> scopes(Jwt jwt) {
		return CallerArgumentResolver.scopes(jwt);
	}

}
