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
import io.petstore.signin.SignInBrake;
import io.petstore.signin.SignInKey;
import io.petstore.tenancy.Tenant;

/**
 * Classic users. A username names one user per tenant: creating a user whose username exists
 * replaces that user (so a client test suite can run again against the same data); a given id is
 * kept, as everywhere in the classic API. Passwords are stored as hashes only.
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

	UserService(UserRepository users, PasswordEncoder passwords, IdAssigningSaver saver, ApplicationEventPublisher events,
			AuditTrail audit, SignInBrake brake) {
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

	/** Creates (or replaces) the user and returns its id. */
	public long create(Tenant tenant, User user) {
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

	/** Replaces all of the tenant's users with the given ones, whose password fields hold hashes. */
	@Transactional
	public void replaceAllHashed(Tenant tenant, List<User> seed) {
		users.deleteAll(tenant);
		seed.forEach(user -> users.upsert(tenant, user));
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
