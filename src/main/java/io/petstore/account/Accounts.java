package io.petstore.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.auth.Caller;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.Ids;
import io.petstore.v1.ProblemException;

/** Registration, profile changes and password checks for the users of the Modern API. */
@Service
@Transactional
public class Accounts {

	/** Argon2id with Spring Security's recommended parameters (16 MiB, 2 iterations). */
	private final PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

	/** Checked against when the username is unknown, so both failures take as long. */
	private final String dummyHash = passwords.encode("not-a-password");

	private final UserRepository users;

	Accounts(UserRepository users) {
		this.users = users;
	}

	User register(Tenant tenant, UserInput input) {
		List<FieldIssue> missing = input.missingForRegistration();
		if (!missing.isEmpty()) {
			throw ProblemException.invalid(missing);
		}
		UUID id = Ids.newId();
		checkUnique(tenant, input.username(), input.email(), id);
		Instant now = now();
		User user = new User(id, input.username().strip(), input.email().strip(), input.firstName().strip(),
				input.lastName().strip(), input.phone(), input.preferences(), null, now, now);
		try {
			users.insert(tenant, user, passwords.encode(input.password()), Role.USER);
		}
		catch (DuplicateKeyException raced) {
			throw ProblemException.conflict("The username or email is already registered.");
		}
		return users.find(tenant, id).orElseThrow().user();
	}

	@Transactional(readOnly = true)
	public User get(Caller caller, UUID id) {
		UserRepository.Account account = users.find(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("user", id));
		caller.mustBe(id, "user account");
		return account.user();
	}

	User update(Caller caller, UUID id, UserInput input) {
		UserRepository.Account account = users.find(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("user", id));
		caller.mustBe(id, "user account");
		if (input.id() != null && !input.id().equals(id)) {
			throw ProblemException.invalid("id", "does not match the id in the path", "mismatch");
		}
		User old = account.user();
		String username = input.username() == null ? old.username() : input.username().strip();
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
			throw ProblemException.conflict("The username or email is already registered.");
		}
		return users.find(caller.tenant(), id).orElseThrow().user();
	}

	void delete(Caller caller, UUID id) {
		users.find(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("user", id));
		caller.mustBe(id, "user account");
		users.delete(caller.tenant(), id);
	}

	/** The user these credentials belong to; 401 (the same for an unknown name and a wrong password). */
	User authenticate(Tenant tenant, String username, String password) {
		UserRepository.Account account = users.findByUsername(tenant, username).orElse(null);
		boolean matches = passwords.matches(password, account == null ? dummyHash : account.passwordHash());
		if (account == null || !matches) {
			throw ProblemException.unauthorized("Invalid username or password.");
		}
		if (account.status() != UserStatus.ACTIVE) {
			throw ProblemException.forbidden("The account is " + account.status().name().toLowerCase() + ".");
		}
		users.recordLogin(tenant, account.user().id());
		return account.user();
	}

	private void checkUnique(Tenant tenant, String username, String email, UUID self) {
		if (users.usernameTaken(tenant, username, self)) {
			throw ProblemException.conflict("The username '" + username + "' is already taken.");
		}
		if (users.emailTaken(tenant, email, self)) {
			throw ProblemException.conflict("The email '" + email + "' is already registered.");
		}
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

}
