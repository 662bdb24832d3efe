package io.petstore.auth;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.secrets.Resealable;
import io.petstore.secrets.SecretSeal;

/**
 * The RSA keys tokens are signed with, kept in {@code auth_signing_key} with the private half sealed
 * ({@link SecretSeal}: AES-GCM under the key-encryption key, which is not in the database).
 *
 * <p>Rotation: the newest key that is not retired signs. A key older than
 * {@code petstore.auth.signing-key.max-age} (default 30 days; 0 = never) is retired and a new one
 * made, on the first signature after that age, by one instance (the retiring UPDATE is conditional,
 * so concurrent instances do not both rotate); {@link #rotate()} does it at once (the actuator
 * endpoint {@code signingkeys}). A retired key still verifies, and stays in the JWK Set, until every
 * token it signed has expired: {@code petstore.auth.signing-key.retention}, by default the longest
 * access-token lifetime plus the clock skew; then it is deleted. Every instance re-reads the table
 * once a minute and whenever a token names a key it has not seen (at most once a second).
 */
@Component
class SigningKeys implements Resealable {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private static final Duration RELOAD_EVERY = Duration.ofMinutes(1);

	private static final Duration UNKNOWN_KID_RELOAD_GAP = Duration.ofSeconds(1);

	/** What one read of the table found: every live key (private parts included) and the one that signs. */
	record Loaded(JWKSet keys, RSAKey signing, Instant signingCreated, Instant loadedAt) {
	}

	/** A key as the actuator endpoint lists it (no key material). */
	record KeyInfo(String kid, Instant createdAt, Instant retiredAt, boolean signing) {
	}

	private final JdbcClient jdbc;

	private final SecretSeal seal;

	private final TransactionTemplate transactions;

	private final Duration maxAge;

	private final Duration retention;

	private final Clock clock;

	private volatile Loaded loaded;

	SigningKeys(JdbcClient jdbc, SecretSeal seal, PlatformTransactionManager transactionManager,
			@Value("${petstore.auth.signing-key.max-age:30d}") Duration maxAge,
			@Value("${petstore.auth.signing-key.retention:}") Duration retention,
			@Value("${petstore.auth.token-lifetime:24h}") Duration tokenLifetime,
			@Value("${petstore.oauth2.access-token-lifetime:1h}") Duration oauthLifetime,
			@Value("${petstore.auth.clock-skew:60s}") Duration clockSkew) {
		this.jdbc = jdbc;
		this.seal = seal;
		this.transactions = new TransactionTemplate(transactionManager);
		this.maxAge = maxAge;
		this.retention = retention != null ? retention
				: (tokenLifetime.compareTo(oauthLifetime) >= 0 ? tokenLifetime : oauthLifetime).plus(clockSkew);
		this.clock = Clock.systemUTC();
		prune();
		this.loaded = load();
		if (loaded.signing() == null) {
			generate();
			this.loaded = load();
		}
	}

	/** The key new tokens are signed with (private part included). */
	RSAKey signingKey() {
		Loaded current = current();
		if (!maxAge.isZero() && !maxAge.isNegative() && current.signingCreated().plus(maxAge).isBefore(clock.instant())) {
			rotate(current.signing().getKeyID());
			current = current();
		}
		return current.signing();
	}

	/** Every live key, private parts included (the JWK Set endpoint publishes only the public halves). */
	JWKSet allKeys() {
		return current().keys();
	}

	/** All verification keys; re-read from the database if {@code kid} is unknown. */
	JWKSet verificationKeys(String kid) {
		Loaded current = current();
		if (kid != null && current.keys().getKeyByKeyId(kid) == null
				&& current.loadedAt().plus(UNKNOWN_KID_RELOAD_GAP).isBefore(clock.instant())) {
			current = reload();
		}
		return current.keys().toPublicJWKSet();
	}

	/** Retires the signing key now and signs with a new one; the old one verifies until its tokens expired. */
	String rotate() {
		return rotate(reload().signing().getKeyID());
	}

	List<KeyInfo> describe() {
		String signing = reload().signing().getKeyID();
		return jdbc.sql("SELECT kid, created_at, retired_at FROM auth_signing_key ORDER BY created_at DESC, kid DESC")
			.query((rs, row) -> new KeyInfo(rs.getString("kid"), instant(rs, "created_at"), instant(rs, "retired_at"),
					rs.getString("kid").equals(signing)))
			.list();
	}

	private String rotate(String retiring) {
		String created = transactions.execute(status -> {
			int retired = jdbc.sql("UPDATE auth_signing_key SET retired_at = ? WHERE kid = ? AND retired_at IS NULL")
				.params(now(), retiring)
				.update();
			// another instance retired it first (and made the new key): use theirs
			return retired == 1 ? generate() : null;
		});
		if (created != null) {
			log.info("Signing key {} retired (verifies for {} more); new signing key {}", retiring, retention, created);
		}
		prune();
		return reload().signing().getKeyID();
	}

	private Loaded current() {
		Loaded current = loaded;
		return current.loadedAt().plus(RELOAD_EVERY).isBefore(clock.instant()) ? reload() : current;
	}

	private synchronized Loaded reload() {
		loaded = load();
		if (loaded.signing() == null) {
			generate();
			loaded = load();
		}
		return loaded;
	}

	private String generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Base64.Encoder b64 = Base64.getEncoder();
			String kid = UUID.randomUUID().toString();
			jdbc.sql("INSERT INTO auth_signing_key (kid, algorithm, private_key, public_key, created_at) VALUES (?, 'RS256', ?, ?, ?)")
				.params(kid, seal.seal(b64.encodeToString(pair.getPrivate().getEncoded()), purpose(kid)),
						b64.encodeToString(pair.getPublic().getEncoded()), now())
				.update();
			return kid;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String sealedValues() {
		return "signing keys";
	}

	/** Keys written before sealing (or under a previous key-encryption key) are sealed under the current one. */
	@Override
	public int reseal(SecretSeal current) {
		record Stored(String kid, String privateKey) {
		}
		List<Stored> stored = jdbc.sql("SELECT kid, private_key FROM auth_signing_key WHERE private_key NOT LIKE ?")
			.param(current.currentPrefix() + "%")
			.query((rs, row) -> new Stored(rs.getString("kid"), rs.getString("private_key")))
			.list();
		int sealed = 0;
		for (Stored key : stored) {
			String resealed = current.seal(current.open(key.privateKey(), purpose(key.kid())), purpose(key.kid()));
			sealed += jdbc.sql("UPDATE auth_signing_key SET private_key = ? WHERE kid = ? AND private_key = ?")
				.params(resealed, key.kid(), key.privateKey())
				.update();
		}
		return sealed;
	}

	private void prune() {
		int deleted = jdbc.sql("DELETE FROM auth_signing_key WHERE retired_at IS NOT NULL AND retired_at < ?")
			.param(OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC))
			.update();
		if (deleted > 0) {
			log.info("Deleted {} retired signing key(s): every token they signed has expired", deleted);
		}
	}

	private Loaded load() {
		List<JWK> keys = new ArrayList<>();
		RSAKey[] signing = { null };
		Instant[] signingCreated = { null };
		jdbc.sql("SELECT kid, private_key, public_key, created_at, retired_at FROM auth_signing_key "
				+ "WHERE retired_at IS NULL OR retired_at >= ? ORDER BY created_at DESC, kid DESC")
			.param(OffsetDateTime.ofInstant(clock.instant().minus(retention), ZoneOffset.UTC))
			.query(rs -> {
				String kid = rs.getString("kid");
				RSAKey key = toJwk(kid, seal.open(rs.getString("private_key"), purpose(kid)), rs.getString("public_key"));
				keys.add(key);
				if (signing[0] == null && rs.getObject("retired_at") == null) {
					signing[0] = key;
					signingCreated[0] = instant(rs, "created_at");
				}
			});
		return new Loaded(new JWKSet(Collections.unmodifiableList(keys)), signing[0], signingCreated[0], clock.instant());
	}

	private static String purpose(String kid) {
		return "auth_signing_key:" + kid;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	private static RSAKey toJwk(String kid, String privateKey, String publicKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			Base64.Decoder b64 = Base64.getDecoder();
			RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(b64.decode(publicKey)));
			RSAPrivateKey priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(privateKey)));
			return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("unreadable signing key " + kid, ex);
		}
	}

}
