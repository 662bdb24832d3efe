package io.petstore.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.petstore.persistence.DataDirectory;

/**
 * Seals and opens secrets kept in the database with authenticated encryption (the JCA's
 * AES-256-GCM: a random 96-bit nonce per value, a 128-bit tag) under the key-encryption key (KEK).
 * A sealed value reads {@code sealed:v1:<key id>:<base64url(nonce || ciphertext+tag)>}; the key id
 * is a fingerprint of the KEK, so a database opened with the wrong key fails with a clear message
 * instead of garbage. The {@code purpose} (e.g. {@code auth_signing_key:<kid>}) is bound as
 * associated data: a sealed value copied into another row does not open.
 *
 * <p>The KEK: {@code petstore.secrets.key} (base64 of 32 bytes, e.g. {@code openssl rand -base64
 * 32}); without it, {@code secrets.key} in the data folder, generated at the first start (0600).
 * Instances sharing a PostgreSQL database must share the key: configure it. To change the key, put
 * the old one in {@code petstore.secrets.previous-keys}: values sealed under it still open, and
 * their owners seal them again under the new key at start ({@link Resealable}, {@link Resealing}).
 */
@Component
public class SecretSeal {

	private static final Logger log = LoggerFactory.getLogger(SecretSeal.class);

	static final String PREFIX = "sealed:v1:";

	static final String KEY_FILE = "secrets.key";

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final String currentId;

	/** Key id to key: the current one first, then the previous ones. */
	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	SecretSeal(@Value("${petstore.secrets.key:}") String configured,
			@Value("${petstore.secrets.previous-keys:}") List<String> previous, DataDirectory dataDirectory) {
		byte[] current = configured == null || configured.isBlank() ? fromFile(dataDirectory)
				: decode(configured, "petstore.secrets.key");
		this.currentId = add(current);
		for (String old : previous) {
			if (!old.isBlank()) {
				add(decode(old, "petstore.secrets.previous-keys"));
			}
		}
	}

	/** Seals {@code plaintext} under the current key, bound to {@code purpose}. */
	public String seal(String plaintext, String purpose) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return PREFIX + currentId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The plaintext of a value {@link #seal} made for the same {@code purpose}. A value that is not
	 * sealed (written before sealing existed) is returned as it is; its owner seals it at start.
	 *
	 * @throws IllegalStateException when the value was sealed under a key this server does not
	 * have, or was altered
	 */
	public String open(String stored, String purpose) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		int colon = stored.indexOf(':', PREFIX.length());
		String keyId = colon < 0 ? "" : stored.substring(PREFIX.length(), colon);
		SecretKeySpec key = keys.get(keyId);
		if (key == null) {
			throw new IllegalStateException("A secret in the database (" + purpose + ") was sealed with key " + keyId
					+ ", which this server does not have (its key is " + currentId + "). Start it with the key the database "
					+ "was sealed with: petstore.secrets.key (PETSTORE_SECRETS_KEY), or that key's file " + KEY_FILE
					+ " in the data folder; a replaced key goes in petstore.secrets.previous-keys.");
		}
		try {
			byte[] in = Base64.getUrlDecoder().decode(stored.substring(colon + 1));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A sealed secret (" + purpose + ") does not open: it was altered or belongs "
					+ "to another row", ex);
		}
	}

	/** Whether a stored value should be sealed (again): it is plaintext, or sealed under a previous key. */
	public boolean needsSealing(String stored) {
		return stored != null && !stored.startsWith(currentPrefix());
	}

	/** The current key's id (a fingerprint, not the key). */
	public String currentKeyId() {
		return currentId;
	}

	/** How every value sealed under the current key begins (for a {@code NOT LIKE} that finds the others). */
	public String currentPrefix() {
		return PREFIX + currentId + ":";
	}

	private String add(byte[] key) {
		String id = fingerprint(key);
		keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
		return id;
	}

	private static String fingerprint(byte[] key) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update("petstore secrets key id\0".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest(key), 0, 6);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] decode(String base64, String setting) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			key = new byte[0];
		}
		if (key.length != 32) {
			throw new IllegalStateException(setting + " must be 32 random bytes in base64 (e.g. the output of "
					+ "`openssl rand -base64 32`)");
		}
		return key;
	}

	private byte[] fromFile(DataDirectory dataDirectory) {
		Path file = dataDirectory.path().resolve(KEY_FILE);
		try {
			if (!Files.exists(file)) {
				byte[] key = new byte[32];
				random.nextBytes(key);
				try {
					dataDirectory.writePrivateFile(file, (Base64.getEncoder().encodeToString(key) + "\n")
						.getBytes(StandardCharsets.US_ASCII));
					log.info("Secrets at rest: generated the key-encryption key {} (readable by its owner only). Keep it with "
							+ "the database; instances sharing a database need the same key (petstore.secrets.key).", file);
					return key;
				}
				catch (FileAlreadyExistsException raced) {
					// another instance on the same folder wrote it first: read theirs
				}
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the secrets key " + file, ex);
		}
	}

}
