package io.petstore.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import io.petstore.tenancy.Tenant;

/**
 * Lenient bearer tokens ({@code petstore.auth.lenient-tokens=true}, off by default): suites written
 * against api.petstoreapi.com send made-up bearer values, which that service accepts. In lenient
 * mode a bearer value that is not a token of ours stands for a user of its own in the request's
 * tenant, created on first use (see {@link LenientUsers}): the same value always acts as the same
 * user, with the scopes a registered user's login grants ({@link Scopes#ALL}) and the role USER.
 *
 * <p>"Not a token of ours": not a JWT at all, or a JWT that does not claim to be ours. A JWT
 * claims to be ours when its {@code kid} names one of our signing keys, it carries our tenant claim
 * ({@code tid}) or its {@code iss} is our issuer. Such a token that fails verification (bad
 * signature, expired, revoked, its account suspended or deleted) is still refused: a forged token
 * must not quietly become a user, and a user's stale real token must not quietly act as a fresh,
 * empty user (the caller would see their pets and orders vanish instead of a 401 telling them to
 * sign in again).
 *
 * <p>Only the SHA-256 of the value is kept, never the value itself. The stand-in {@link Jwt} exists
 * in memory only: it is not signed, and its token value is the hash, not the value sent.
 */
@Component
public class LenientTokens {

	/** A claim on the in-memory stand-in token: it stands for a made-up bearer value. */
	public static final String LENIENT_CLAIM = "lenient";

	private final boolean enabled;

	private final SigningKeys keys;

	private final Issuer issuer;

	private final ObjectProvider<LenientUsers> users;

	LenientTokens(@Value("${petstore.auth.lenient-tokens:false}") boolean enabled, SigningKeys keys, Issuer issuer,
			ObjectProvider<LenientUsers> users) {
		this.enabled = enabled;
		this.keys = keys;
		this.issuer = issuer;
		this.users = users;
	}

	public boolean enabled() {
		return enabled;
	}

	/**
	 * The stand-in for a bearer value that failed verification: empty when lenient mode is off, the
	 * tenant is unknown (a malformed {@code X-Tenant-ID}) or the value claims to be one of our tokens.
	 * @throws BadJwtException when the value's user exists but is not active (suspended by an administrator)
	 */
	Optional<Jwt> standIn(String token, Tenant tenant) {
		if (!enabled || tenant == null || token == null || token.isBlank() || claimsToBeOurs(token)) {
			return Optional.empty();
		}
		String hash = sha256(token);
		LenientUsers.StandIn user = users.getObject().userFor(tenant, hash);
		if (!user.active()) {
			throw new BadJwtException("The account this token stands for is " + user.status().toLowerCase() + ".");
		}
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return Optional.of(Jwt.withTokenValue("lenient:" + hash)
			.headers(headers -> headers.putAll(Map.of("alg", "none")))
			.subject(user.id().toString())
			.issuedAt(now)
			.claim(TokenService.USERNAME_CLAIM, user.username())
			.claim(TokenService.TENANT_CLAIM, tenant.id().toString())
			.claim("scope", String.join(" ", Scopes.ALL))
			.claim(LENIENT_CLAIM, true)
			.build());
	}

	/** Whether a value is a JWT naming one of our keys, our tenant claim or our issuer. */
	boolean claimsToBeOurs(String token) {
		JWT jwt;
		try {
			jwt = JWTParser.parse(token);
		}
		catch (ParseException notAJwt) {
			return false;
		}
		if (jwt.getHeader() instanceof JWSHeader header && header.getKeyID() != null
				&& keys.verificationKeys(header.getKeyID()).getKeyByKeyId(header.getKeyID()) != null) {
			return true;
		}
		JWTClaimsSet claims;
		try {
			claims = jwt.getJWTClaimsSet();
		}
		catch (ParseException unreadable) {
			return false;
		}
		if (claims == null) {
			// encrypted: we never issue those
			return false;
		}
		return claims.getClaim(TokenService.TENANT_CLAIM) != null
				|| (claims.getIssuer() != null && claims.getIssuer().equals(issuer.current()));
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
