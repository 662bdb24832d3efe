package io.petstore.account;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first administrator, from configuration ({@code petstore.admin.username}, {@code .password},
 * {@code .email}; e.g. the environment variable {@code PETSTORE_ADMIN_PASSWORD}). It signs in like
 * any user, in any tenant: the first sign-in in a tenant creates it there with the ADMIN role. Its
 * name cannot be registered by anyone else. Without a configured password a random one is made at
 * start and written to the log. At every start its stored password is set to the configured one.
 */
@Component
class AdminAccount {

	private static final Logger log = LoggerFactory.getLogger(AdminAccount.class);

	private final String username;

	private final String email;

	private final String passwordHash;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	AdminAccount(@Value("${petstore.admin.username:admin}") String username,
			@Value("${petstore.admin.email:admin@example.org}") String email,
			@Value("${petstore.admin.password:}") String password, UserRepository users) {
		this.username = username.strip();
		this.email = email.strip();
		this.users = users;
		this.passwords = Accounts.PASSWORDS;
		String effective = password;
		if (password == null || password.isBlank()) {
			byte[] random = new byte[18];
			new SecureRandom().nextBytes(random);
			effective = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			log.warn("Admin API: no petstore.admin.password (PETSTORE_ADMIN_PASSWORD) configured; "
					+ "sign in as '{}' with the generated password {} (valid until the next restart)", this.username, effective);
		}
		this.passwordHash = passwords.encode(effective);
	}

	@EventListener(ApplicationStartedEvent.class)
	void updateStoredPasswords() {
		int updated = users.updateBootstrapPassword(username, passwordHash);
		log.info("Admin API: administrator '{}' configured ({} tenant{} signed in to before)", username, updated,
				updated == 1 ? "" : "s");
	}

	String username() {
		return username;
	}

	String email() {
		return email;
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean isNamed(String name) {
		return name != null && name.strip().toLowerCase(Locale.ROOT).equals(username.toLowerCase(Locale.ROOT));
	}

	boolean passwordMatches(String password) {
		return password != null && passwords.matches(password, passwordHash);
	}

}
