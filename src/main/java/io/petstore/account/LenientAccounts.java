package io.petstore.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.LenientUsers;
import io.petstore.tenancy.Tenant;
import io.petstore.tenancy.TenantService;
import io.petstore.v1.Ids;

/**
 * The users made-up bearer values stand for in lenient mode ({@code petstore.auth.lenient-tokens}):
 * one per tenant and SHA-256 of the value, an ordinary USER named {@code token-<first 12 hex digits
 * of the hash>} (longer if a registered user has that name), email {@code <username>@lenient.example.com} (a reserved domain: never delivered),
 * created on first use. The unique index on {@code (tenant_id, lenient_token_hash)} settles a race:
 * every racer but one fails to insert and reads the winner's row. The user has no password anyone
 * knows (the hash of a random secret that is discarded), so it cannot sign in; an administrator can
 * suspend it like any user (its value is refused then), and deleting it means the next use creates a
 * new one. Audited as {@code USER_CREATED}, acted by the new user.
 */
@Component
class LenientAccounts implements LenientUsers {

	/** Hex digits of the hash in the username: 12 first, more while the name is someone else's. */
	private static final int[] NAME_LENGTHS = { 12, 20, 44 };

	private final UserRepository users;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final TenantService tenants;

	/** Computed once: no-one knows the password it is the hash of. */
	private volatile String unusablePasswordHash;

	LenientAccounts(UserRepository users, AuditTrail audit, TransactionTemplate tx, TenantService tenants) {
		this.users = users;
		this.audit = audit;
		this.tx = tx;
		this.tenants = tenants;
	}

	@Override
	public StandIn userFor(Tenant tenant, String tokenHash) {
		Optional<UserRepository.Account> known = users.findByLenientHash(tenant, tokenHash);
		if (known.isPresent()) {
			return standIn(known.get());
		}
		tenants.ensureExists(tenant);
		for (int length : NAME_LENGTHS) {
			String username = "token-" + tokenHash.substring(0, length);
			try {
				tx.executeWithoutResult(status -> create(tenant, tokenHash, username));
			}
			catch (DuplicateKeyException raced) {
				// a concurrent first use created it, or the name (or its email) is a registered user's
			}
			known = users.findByLenientHash(tenant, tokenHash);
			if (known.isPresent()) {
				return standIn(known.get());
			}
		}
		throw new IllegalStateException("No free username for a lenient token's user in tenant " + tenant.id());
	}

	private void create(Tenant tenant, String tokenHash, String username) {
		Instant now = Accounts.now();
		UUID id = Ids.newId();
		User user = new User(id, username, username + "@lenient.example.com", "Made-up", "Token", null, null, null, now, now);
		users.insertLenient(tenant, user, unusablePasswordHash(), tokenHash);
		AuditTrail.actingAsUser(id, username);
		audit.record(tenant, "USER_CREATED", Accounts.ENTITY, id, null, users.find(tenant, id).orElseThrow().forAdmin());
	}

	private String unusablePasswordHash() {
		if (unusablePasswordHash == null) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			unusablePasswordHash = Accounts.PASSWORDS.encode(Base64.getEncoder().encodeToString(secret));
		}
		return unusablePasswordHash;
	}

	private static StandIn standIn(UserRepository.Account account) {
		return new StandIn(account.user().id(), account.user().username(), account.status().name());
	}

}
