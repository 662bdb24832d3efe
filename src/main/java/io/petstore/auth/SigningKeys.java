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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA keys tokens are signed with, kept in {@code auth_signing_key}. The first instance to
 * start on a new database generates one; every instance signs with the oldest and verifies with all
 * of them, re-reading the table when a token names a key it has not seen.
 */
@Component
class SigningKeys {

	private final JdbcClient jdbc;

	private volatile JWKSet keys;

	SigningKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.keys = load();
		if (keys.getKeys().isEmpty()) {
			generate();
			this.keys = load();
		}
	}

	/** The key new tokens are signed with (private part included). */
	RSAKey signingKey() {
		return (RSAKey) keys.getKeys().get(0);
	}

	/** Every key, private parts included (the JWK Set endpoint publishes only the public halves). */
	JWKSet allKeys() {
		return keys;
	}

	/** All verification keys; re-read from the database if {@code kid} is unknown. */
	JWKSet verificationKeys(String kid) {
		if (kid != null && keys.getKeyByKeyId(kid) == null) {
			keys = load();
		}
		return keys.toPublicJWKSet();
	}

	private void generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Base64.Encoder b64 = Base64.getEncoder();
			jdbc.sql("INSERT INTO auth_signing_key (kid, algorithm, private_key, public_key, created_at) VALUES (?, 'RS256', ?, ?, ?)")
				.params(UUID.randomUUID().toString(), b64.encodeToString(pair.getPrivate().getEncoded()),
						b64.encodeToString(pair.getPublic().getEncoded()), OffsetDateTime.now(ZoneOffset.UTC))
				.update();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (DuplicateKeyException raced) {
			// another instance generated one at the same moment; load() picks up whichever is oldest
		}
	}

	private JWKSet load() {
		List<JWK> loaded = jdbc.sql("SELECT kid, private_key, public_key FROM auth_signing_key ORDER BY created_at, kid")
			.query((rs, row) -> toJwk(rs.getString("kid"), rs.getString("private_key"), rs.getString("public_key")))
			.list();
		return new JWKSet(loaded);
	}

	private static JWK toJwk(String kid, String privateKey, String publicKey) {
		try {
			KeyFactory factory = KeyFactory.getInstance("RSA");
			Base64.Decoder b64 = Base64.getDecoder();
			RSAPublicKey pub = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(b64.decode(publicKey)));
			RSAPrivateKey priv = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(privateKey)));
			return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).keyUse(KeyUse.SIGNATURE)
				.algorithm(com.nimbusds.jose.JWSAlgorithm.RS256).build();
		}
		catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
			throw new IllegalStateException("unreadable signing key " + kid, ex);
		}
	}

}
