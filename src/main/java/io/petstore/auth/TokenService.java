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

	public static final String TENANT_CLAIM = "tid";

	public static final String USERNAME_CLAIM = "username";

	/** The user's token epoch when the token was issued (see {@code account}: suspension moves it on). */
	public static final String EPOCH_CLAIM = "tev";

	/** The OAuth2 client a token was issued to (RFC 9068); absent on {@code POST /v1/auth/tokens} tokens. */
	public static final String CLIENT_ID_CLAIM = "client_id";

	/**
	 * Whether the token names a client rather than a user (the client-credentials grant): its
	 * subject is the client's id.
	 */
	public static boolean isClientToken(org.springframework.security.oauth2.jwt.Jwt jwt) {
		String client = jwt.getClaimAsString(CLIENT_ID_CLAIM);
		return client != null && client.equals(jwt.getSubject());
	}

	private final JwtEncoder encoder;

	private final Duration lifetime;

	private final Issuer issuer;

	TokenService(JwtEncoder encoder, Issuer issuer, @Value("${petstore.auth.token-lifetime:24h}") Duration lifetime) {
		this.encoder = encoder;
		this.issuer = issuer;
		this.lifetime = lifetime;
	}

	/**
	 * A token for the user.
	 * @param epoch the user's current token epoch: the token stops working once the epoch moves on
	 */
	public IssuedToken issue(UUID userId, String username, Tenant tenant, Collection<String> scopes, int epoch) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant expiresAt = now.plus(lifetime);
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(issuer.current())
			.subject(userId.toString())
			.id(UUID.randomUUID().toString())
			.issuedAt(now)
			.expiresAt(expiresAt)
			.claim(USERNAME_CLAIM, username)
			.claim(TENANT_CLAIM, tenant.id().toString())
			.claim("scope", String.join(" ", scopes))
			.claim(EPOCH_CLAIM, epoch)
			.build();
		String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
			.getTokenValue();
		return new IssuedToken(token, expiresAt);
	}

}
