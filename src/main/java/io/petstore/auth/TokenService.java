package io.petstore.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import io.petstore.tenancy.Tenant;

/** Issues the signed bearer tokens of the Modern API (24 hours by default, as documented). */
@Service
public class TokenService {

	static final String ISSUER = "petstore";

	static final String TENANT_CLAIM = "tid";

	static final String USERNAME_CLAIM = "username";

	private final JwtEncoder encoder;

	private final Duration lifetime;

	TokenService(JwtEncoder encoder, @Value("${petstore.auth.token-lifetime:24h}") Duration lifetime) {
		this.encoder = encoder;
		this.lifetime = lifetime;
	}

	public IssuedToken issue(UUID userId, String username, Tenant tenant, Collection<String> scopes) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(lifetime);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(userId.toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim(USERNAME_CLAIM, username)
			.claim(TENANT_CLAIM, tenant.id().toString())
			.claim("scope", String.join(" ", scopes))
			.build();
		String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
		return new IssuedToken(token, expiresAt);
	}

}
