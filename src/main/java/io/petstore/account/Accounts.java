package io.petstore.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.signin.SignInBrake;
import io.petstore.signin.SignInKey;
import io.petstore.signin.SignInLocked;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.Ids;
import io.petstore.v1.DomainException;
import io.petstore.persistence.Timestamps;

/**
 * Registration, profile changes and password checks for the users of the Modern API. Every change
 * is audited ({@code USERS}) in its transaction.
 */
@Service
@Transactional
public class Accounts {

	static final String ENTITY = "USERS";

	/** Argon2id with Spring Security's recommended parameters (16 MiB, 2 iterations). */
	static final PasswordEncoder PASSWORDS = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	private final PasswordEncoder passwords = PASSWORDS;

	/** Checked against when the username is unknown, so both failures take as long. */
	private final String dummyHash = passwords.encode("not-a-password");

	private final UserRepository users;

	private final AdminAccount admin;

	private final AuditTrail audit;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final SignInBrake brake;

	private final TransactionTemplate tx;

	Accounts(UserRepository users, AdminAccount admin, AuditTrail audit, org.springframework.context.ApplicationEventPublisher events,
			SignInBrake brake, TransactionTemplate tx) {
		this.events = events;
		this.users = users;
		this.admin = admin;
		this.audit = audit;
		this.brake = brake;
		this.tx = tx;
	}

	public User register(Tenant tenant, UserInput input) {
		List<FieldIssue> missing = input.missingForRegistration();
		if (!missing.isEmpty()) {
			throw DomainException.invalid(missing);
		}
		refuseReservedName(input.username());
		UUID id = Ids.newId();
		checkUnique(tenant, input.username(), input.email(), id);
		Instant now = now();
		User user = new User(id, input.username().strip(), input.email().strip(), input.firstName().strip(),
				input.lastName().strip(), input.phone(), input.preferences(), null, now, now);
		try {
			users.insert(tenant, user, passwords.encode(input.password()), Role.USER, false);
		}
		catch (DuplicateKeyException raced) {
			throw DomainException.conflict("The username or email is already registered.");
		}
		UserRepository.Account created = users.find(tenant, id).orElseThrow();
		audit.record(tenant, "USER_CREATED", ENTITY, id, null, created.forAdmin());
		return created.user();
	}

	@Transactional(readOnly = true)
	public User get(Caller caller, UUID id) {
		caller.require(Scopes.READ_USER);
		UserRepository.Account account = users.find(caller.tenant(), id).orElseThrow(() -> DomainException.notFound("user", id));
		caller.mustBe(id, "user account");
		return account.user();
	}

	public User update(Caller caller, UUID id, UserInput input) {
		caller.require(Scopes.WRITE_USER);
		UserRepository.Account account = users.find(caller.tenant(), id).orElseThrow(() -> DomainException.notFound("user", id));
		caller.mustBe(id, "user account");
		if (input.id() != null && !input.id().equals(id)) {
			throw DomainException.invalid("id", "does not match the id in the path", "mismatch");
		}
		User old = account.user();
		String username = input.username() == null ? old.username() : input.username().strip();
		if (!UserRepository.key(username).equals(UserRepository.key(old.username()))) {
			refuseReservedName(username);
		}
		String email = input.email() == null ? old.email() : input.email().strip();
		checkUnique(caller.tenant(), username, email, id);
		User changed = new User(id, username, email, input.firstName() == null ? old.firstName() : input.firstName().strip(),
				input.lastName() == null ? old.lastName() : input.lastName().strip(),
				input.phone() == null ? old.phone() : input.phone(),
				input.preferences() == null ? old.preferences() : input.preferences(), old.tenantId(), old.createdAt(), now());
		String hash = input.password() == null ? account.passwordHash() : passwords.encode(input.password());
		try {
			users.update(caller.tenant(), changed, hash);
		}
		catch (DuplicateKeyException raced) {
			throw DomainException.conflict("The username or email is already registered.");
		}
		UserRepository.Account updated = users.find(caller.tenant(), id).orElseThrow();
		audit.record(caller.tenant(), "USER_UPDATED", ENTITY, id, account.forAdmin(),
				input.password() == null ? updated.forAdmin() : new PasswordChanged(updated.forAdmin(), "changed"));
		return updated.user();
	}

	/** The audited state after a password change: the profile and a marker (never the password). */
	record PasswordChanged(@com.fasterxml.jackson.annotation.JsonUnwrapped AdminUser user, String password) {
	}

	public void delete(Caller caller, UUID id) {
		caller.require(Scopes.WRITE_USER);
		UserRepository.Account account = users.find(caller.tenant(), id).orElseThrow(() -> DomainException.notFound("user", id));
		caller.mustBe(id, "user account");
		users.delete(caller.tenant(), id);
		audit.record(caller.tenant(), "USER_DELETED", ENTITY, id, account.forAdmin(), null);
		events.publishEvent(new UserDeleted(caller.tenant(), id));
	}

	/**
	 * A person signing in on the authorization server's login page: the same checks (and audit
	 * record, and brake) as {@code POST /v1/auth/tokens}; 401 for bad credentials, 403 for a
	 * suspended account, 429 with {@code Retry-After} while the account or the address is locked.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public TokenSubject signIn(Tenant tenant, String username, String password) {
		UserRepository.Account account = authenticate(tenant, username, password);
		return new TokenSubject(account.user().id(), account.user().username(), account.tokenEpoch());
	}

	/** The user a token is being issued or refreshed for, while the account exists and is ACTIVE. */
	@Transactional(readOnly = true)
	public java.util.Optional<TokenSubject> activeSubject(Tenant tenant, UUID userId) {
		return users.find(tenant, userId)
			.filter(account -> account.status() == UserStatus.ACTIVE)
			.map(account -> new TokenSubject(userId, account.user().username(), account.tokenEpoch()));
	}

	/**
	 * The account these credentials belong to; 401 (the same for an unknown name and a wrong
	 * password, which take as long), 403 for a suspended account, 429 with {@code Retry-After}
	 * while the sign-in brake holds the account or the address (the password is not checked then).
	 * The configured administrator is created in the tenant on its first sign-in there. Runs outside
	 * a transaction, so that no connection is held while the password is hashed; the brake and the
	 * writes after a success have short transactions of their own.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	UserRepository.Account authenticate(Tenant tenant, String username, String password) {
		SignInBrake.Attempt attempt;
		try {
			attempt = brake.begin(SignInKey.user(tenant, UserRepository.key(username)));
		}
		catch (SignInLocked locked) {
			throw DomainException.tooManyAttempts(locked.getMessage(), locked.retryAfterSeconds());
		}
		UserRepository.Account account;
		boolean matches;
		try {
			account = users.findByUsername(tenant, username).orElse(null);
			if (account == null && admin.isNamed(username) && admin.passwordMatches(password)) {
				account = tx.execute(status -> createAdmin(tenant));
			}
			matches = passwords.matches(password, account == null ? dummyHash : account.passwordHash());
		}
		catch (RuntimeException ex) {
			attempt.abandoned();
			throw ex;
		}
		if (account == null || !matches) {
			attempt.failed();
			throw DomainException.unauthorized("Invalid username or password.");
		}
		attempt.succeeded();
		if (account.status() != UserStatus.ACTIVE) {
			throw DomainException.forbidden("The account is " + account.status().name().toLowerCase() + ".");
		}
		UserRepository.Account signedIn = account;
		tx.executeWithoutResult(status -> {
			Instant now = now();
			users.recordLogin(tenant, signedIn.user().id(), now);
			AuditTrail.actingAsUser(signedIn.user().id(), signedIn.user().username());
			audit.record(tenant, "USER_LOGGED_IN", ENTITY, signedIn.user().id(), java.util.Collections.singletonMap("lastLoginAt",
					signedIn.lastLoginAt()), java.util.Map.of("lastLoginAt", now));
		});
		return account;
	}

	private UserRepository.Account createAdmin(Tenant tenant) {
		Instant now = now();
		UUID id = Ids.newId();
		User user = new User(id, admin.username(), admin.email(), "Petstore", "Administrator", null, null, null, now, now);
		try {
			users.insert(tenant, user, admin.passwordHash(), Role.ADMIN, true);
		}
		catch (DuplicateKeyException raced) {
			// a concurrent first sign-in created it (or someone registered its email)
			throw DomainException.conflict("The administrator account is being created or its email '" + admin.email()
					+ "' is taken; try again, or set petstore.admin.email.");
		}
		UserRepository.Account created = users.find(tenant, id).orElseThrow();
		audit.record(tenant, "USER_CREATED", ENTITY, id, null, created.forAdmin());
		return created;
	}

	private void refuseReservedName(String username) {
		if (admin.isNamed(username)) {
			throw DomainException.conflict("The username '" + username.strip() + "' is reserved for the administrator.");
		}
	}

	private void checkUnique(Tenant tenant, String username, String email, UUID self) {
		if (users.usernameTaken(tenant, username, self)) {
			throw DomainException.conflict("The username '" + username + "' is already taken.");
		}
		if (users.emailTaken(tenant, email, self)) {
			throw DomainException.conflict("The email '" + email + "' is already registered.");
		}
	}

	static Instant now() {
		return Timestamps.now();
	}

}
