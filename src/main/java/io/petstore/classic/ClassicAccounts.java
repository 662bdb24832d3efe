package io.petstore.classic;

import java.util.Optional;

import org.springframework.stereotype.Service;

import io.petstore.classic.user.UserService;
import io.petstore.tenancy.Tenant;

/** What other modules may ask about classic users: who a username and password belong to. */
@Service
public class ClassicAccounts {

	private final UserService users;

	ClassicAccounts(UserService users) {
		this.users = users;
	}

	/**
	 * The id of the user with this username, if the password matches its stored hash.
	 * @throws io.petstore.signin.SignInLocked while the sign-in brake holds the username or the
	 * request's address (the password is not checked then)
	 */
	public Optional<Long> authenticate(Tenant tenant, String username, String password) {
		return users.authenticate(tenant, username, password);
	}

	public boolean exists(Tenant tenant, long userId) {
		return users.exists(tenant, userId);
	}

}
