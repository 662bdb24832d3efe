package io.petstore.inbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.classic.ClassicAccounts;
import io.petstore.tenancy.Tenant;

/**
 * {@code api_key} values: classic users create and revoke their own (at most {@value #MAX_KEYS}
 * each); the configured demo key stands for one shared demo account. A key is
 * {@code ibx_} + 192 random bits in base64url; only its SHA-256 is stored.
 */
@Service
class ApiKeys {

	static final int MAX_KEYS = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiKeyRepository keys;

	private final ClassicAccounts accounts;

	private final byte[] demoKey;

	private static final String ENTITY = "API_KEYS";

	private final AuditTrail audit;

	ApiKeys(ApiKeyRepository keys, ClassicAccounts accounts, InboxProperties properties, AuditTrail audit) {
		this.keys = keys;
		this.audit = audit;
		this.accounts = accounts;
		String demo = properties.demoKey();
		this.demoKey = demo == null || demo.isBlank() ? null : demo.getBytes(StandardCharsets.UTF_8);
	}

	@Transactional
	ApiKey create(InboxAccount owner, String name) {
		String label = name == null || name.isBlank() ? "api key" : name.strip();
		if (label.length() > 100) {
			throw InboxErrors.badRequest("Invalid key name: at most 100 characters");
		}
		if (keys.count(owner) >= MAX_KEYS) {
			throw InboxErrors.of(HttpStatus.CONFLICT, "too_many_keys", "A user has at most " + MAX_KEYS + " keys; revoke one first");
		}
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String secret = "ibx_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		ApiKey key = new ApiKey(InboxIds.newId(), label, secret.substring(0, 12), InboxIds.now(), null);
		keys.insert(owner, key, hash(secret));
		audit.record(owner.tenant(), "API_KEY_CREATED", ENTITY, key.id(), null, key);
		return key.withKey(secret);
	}

	List<ApiKey> list(InboxAccount owner) {
		return keys.list(owner);
	}

	@Transactional
	void revoke(InboxAccount owner, UUID id) {
		ApiKey before = keys.list(owner).stream().filter(key -> key.id().equals(id)).findFirst().orElse(null);
		if (before == null || !keys.delete(owner, id)) {
			throw InboxErrors.notFound("Key");
		}
		audit.record(owner.tenant(), "API_KEY_REVOKED", ENTITY, id, before, null);
	}

	/**
	 * The account this key acts for in this tenant: the demo account for the demo key, else the
	 * user who created it, if that user still exists.
	 */
	Optional<InboxAccount> authenticate(Tenant tenant, String key) {
		if (key == null || key.isEmpty() || key.length() > 200) {
			return Optional.empty();
		}
		if (demoKey != null && MessageDigest.isEqual(demoKey, key.getBytes(StandardCharsets.UTF_8))) {
			return Optional.of(new InboxAccount(tenant, InboxAccount.DEMO_OWNER));
		}
		return keys.ownerOf(tenant, hash(key))
			.filter(owner -> accounts.exists(tenant, owner))
			.map(owner -> new InboxAccount(tenant, owner));
	}

	/** The classic user with this username and password. */
	Optional<InboxAccount> signIn(Tenant tenant, String username, String password) {
		return accounts.authenticate(tenant, username, password).map(id -> new InboxAccount(tenant, id));
	}

	void deleteAll(InboxAccount owner) {
		keys.deleteAll(owner);
	}

	void deleteAll(Tenant tenant) {
		keys.deleteAll(tenant);
	}

	private static String hash(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
