package io.petstore.classic.user;

import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.classic.ApiResponse;
import io.petstore.classic.ClassicApiException;
import io.petstore.classic.ClassicUserDeleted;
import io.petstore.classic.IdAssigningSaver;
import io.petstore.secrets.SecretSeal;
import io.petstore.signin.SignInBrake;
import io.petstore.signin.SignInKey;
import io.petstore.tenancy.Tenant;

/**
 * Classic users. A username names one user per tenant: creating a user whose username exists
 * replaces that user (so a client test suite can run again against the same data); a given id is
 * kept, as everywhere in the classic API. Passwords are checked against a hash; the readable copy
 * that reference mode returns is kept sealed ({@link SecretSeal}), never in the clear.
 */
@Service
public class UserService {

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final IdAssigningSaver saver;

	private static final String ENTITY = "CLASSIC_USERS";

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final SignInBrake brake;

	/** Checked against when the username is unknown (or has no password), so every failure takes as long. */
	private final String dummyHash;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserService.class);

	/** Passwords longer than this (in UTF-8 bytes) keep no readable copy (the column holds its sealed form). */
	private static final int MAX_READABLE = 4096;

	private final SecretSeal seal;

	UserService(UserRepository users, PasswordEncoder passwords, IdAssigningSaver saver, ApplicationEventPublisher events,
			AuditTrail audit, SignInBrake brake, SecretSeal seal) {
		this.seal = seal;
		this.users = users;
		this.passwords = passwords;
		this.saver = saver;
		this.events = events;
		this.audit = audit;
		this.brake = brake;
		this.dummyHash = passwords.encode("not-a-password");
	}

	public Optional<User> find(Tenant tenant, String username) {
		return users.findByUsername(tenant, username, false).map(User::withoutPassword);
	}

	/**
	 * The user with the password as it was sent (reference mode: the reference returns it and
	 * generated-client suites compare it), opened from its sealed copy; without a password when
	 * there is no copy or it does not open.
	 */
	public Optional<User> findWithPassword(Tenant tenant, String username) {
		Optional<User> user = find(tenant, username);
		if (user.isEmpty()) {
			return user;
		}
		String password = users.findSealedPassword(tenant, username)
			.filter(sealed -> sealed.id() == user.get().id())
			.map(sealed -> {
				try {
					return seal.open(sealed.sealed(), purpose(tenant, sealed.id()));
				}
				catch (IllegalStateException unreadable) {
					log.warn("the readable copy of classic user {}'s password does not open: {}", sealed.id(), unreadable.getMessage());
					return null;
				}
			})
			.orElse(null);
		User u = user.get();
		return Optional.of(new User(u.id(), u.username(), u.firstName(), u.lastName(), u.email(), password, u.phone(), u.userStatus()));
	}

	/** Keeps the sealed readable copy of a password that was just stored (as a hash) for user {@code id}. */
	private void storeReadable(Tenant tenant, long id, String plaintext) {
		if (plaintext == null) {
			return;
		}
		users.storeSealedPassword(tenant, id, plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_READABLE ? null : seal.seal(plaintext, purpose(tenant, id)));
	}

	/** What a user's sealed password is bound to: its tenant and id. */
	static String purpose(Tenant tenant, long id) {
		return "classic_user:" + tenant.id() + ":" + id;
	}

	/** Creates (or replaces) the user and returns its id. */
	public long create(Tenant tenant, User user) {
		long id = createHashed(tenant, user);
		storeReadable(tenant, id, user.password());
		return id;
	}

	private long createHashed(Tenant tenant, User user) {
		requireUsername(user);
		User hashed = hashPassword(user);
		Long id = saver.retryingConflicts(attempt -> {
			Optional<User> existing = users.findByUsername(tenant, hashed.username(), true);
			if (!hashed.hasId()) {
				if (existing.isEmpty()) {
					return null;
				}
				users.upsert(tenant, hashed.withId(existing.get().id()));
				audit.record(tenant, "USER_UPDATED", ENTITY, existing.get().id(), existing.get(), hashed.withId(existing.get().id()));
				return existing.get().id();
			}
			if (existing.isPresent() && !existing.get().id().equals(hashed.id())) {
				users.deleteByUsername(tenant, hashed.username());
				audit.record(tenant, "USER_DELETED", ENTITY, existing.get().id(), existing.get(), null);
			}
			User replaced = users.findById(tenant, hashed.id()).orElse(null);
			users.upsert(tenant, hashed);
			audit.record(tenant, replaced == null ? "USER_CREATED" : "USER_UPDATED", ENTITY, hashed.id(), replaced, hashed);
			return hashed.id();
		});
		if (id != null) {
			return id;
		}
		return saver.insertWithFreshId(hashed, new IdAssigningSaver.Store<>("classic_user", tenant, item -> {
			users.upsert(tenant, item);
			return item;
		}, (item, newId) -> {
			User withId = item.withId(newId);
			users.insert(tenant, withId);
			audit.record(tenant, "USER_CREATED", ENTITY, newId, null, withId);
			return withId;
		})).id();
	}

	/** Creates every user; all usernames are checked before any user is stored. */
	public void createAll(Tenant tenant, List<User> list) {
		list.forEach(UserService::requireUsername);
		list.forEach(user -> create(tenant, user));
	}

	/**
	 * Updates the user named in the path (it keeps its id); the body may rename it. A missing
	 * password keeps the old one.
	 * @return the user's id
	 */
	@Transactional
	public long update(Tenant tenant, String username, User changes) {
		User existing = users.findByUsername(tenant, username, true).orElseThrow(() -> ClassicApiException.notFound("User"));
		String newName = changes.username() == null || changes.username().isBlank() ? username : changes.username();
		if (!newName.equals(username) && users.findByUsername(tenant, newName, false).isPresent()) {
			throw new ClassicApiException(HttpStatus.BAD_REQUEST, ApiResponse.of(400, "username '" + newName + "' is taken"));
		}
		User updated = hashPassword(new User(existing.id(), newName, changes.firstName(), changes.lastName(), changes.email(),
				changes.password(), changes.phone(), changes.userStatus()));
		users.upsert(tenant, updated);
		storeReadable(tenant, existing.id(), changes.password());
		audit.record(tenant, "USER_UPDATED", ENTITY, existing.id(), existing, updated);
		return existing.id();
	}

	/** Deletes the user and tells other modules ({@link ClassicUserDeleted}) in the same transaction. */
	@Transactional
	public boolean delete(Tenant tenant, String username) {
		Optional<User> existing = users.findByUsername(tenant, username, true);
		if (existing.isEmpty() || !users.deleteByUsername(tenant, username)) {
			return false;
		}
		audit.record(tenant, "USER_DELETED", ENTITY, existing.get().id(), existing.get(), null);
		events.publishEvent(new ClassicUserDeleted(tenant, existing.get().id()));
		return true;
	}

	/**
	 * The user's id if the password matches the stored hash; empty for a wrong password and an
	 * unknown username alike (both take one hash check). Behind the sign-in brake.
	 * @throws io.petstore.signin.SignInLocked while the username or the address is locked (the
	 * password is not checked then)
	 */
	public Optional<Long> authenticate(Tenant tenant, String username, String password) {
		if (username == null || password == null) {
			return Optional.empty();
		}
		return brake.verify(SignInKey.classicUser(tenant, username), () -> {
			Optional<User> user = users.findByUsername(tenant, username, false);
			String hash = user.map(User::password).orElse(null);
			boolean matches = passwords.matches(password, hash == null ? dummyHash : hash);
			return matches && hash != null ? user.map(User::id) : Optional.<Long>empty();
		});
	}

	public boolean exists(Tenant tenant, long id) {
		return users.exists(tenant, id);
	}

	/** Whether the password matches the stored hash of that user (behind the sign-in brake, as {@link #authenticate}). */
	public boolean checkPassword(Tenant tenant, String username, String password) {
		return authenticate(tenant, username, password).isPresent();
	}

	/**
	 * Replaces all of the tenant's users with the given ones, whose password fields hold hashes
	 * of {@code password}, which is kept readable (sealed) for each.
	 */
	@Transactional
	public void replaceAllHashed(Tenant tenant, List<User> seed, String password) {
		users.deleteAll(tenant);
		seed.forEach(user -> {
			users.upsert(tenant, user);
			storeReadable(tenant, user.id(), password);
		});
	}

	public String hash(String password) {
		return passwords.encode(password);
	}

	private User hashPassword(User user) {
		if (user.password() == null) {
			return user;
		}
		return new User(user.id(), user.username(), user.firstName(), user.lastName(), user.email(),
				passwords.encode(user.password()), user.phone(), user.userStatus());
	}

	private static void requireUsername(User user) {
		if (user == null || user.username() == null || user.username().isBlank()) {
			throw ClassicApiException.badRequest("Invalid user supplied: username is required");
		}
	}

}
