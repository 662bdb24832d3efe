package io.petstore.auth;

import org.springframework.stereotype.Component;

import io.petstore.v1.DomainException;

/**
 * The Admin API's one rule, stated once: the caller's account has the ADMIN role now (a role taken
 * away counts at once, whatever the token says). Every protocol gets an {@link Admin} from here.
 */
@Component
public class Admins {

	private static final String ATTRIBUTE = Admin.class.getName();

	private final AdminRoles roles;

	private final CallContexts contexts;

	Admins(AdminRoles roles, CallContexts contexts) {
		this.roles = roles;
		this.contexts = contexts;
	}

	/** The administrator an HTTP request acts for, checked once per request. */
	public Admin require(jakarta.servlet.http.HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Admin known) {
			return known;
		}
		Admin admin = require(contexts.of(request));
		request.setAttribute(ATTRIBUTE, admin);
		return admin;
	}

	/** The caller as an administrator; FORBIDDEN unless the account is an active ADMIN. */
	public Admin require(Caller caller) {
		if (!roles.isActiveAdmin(caller.tenant(), caller.userId())) {
			throw DomainException.forbidden("This operation requires the ADMIN role.");
		}
		return new Admin(caller);
	}

	/** The call's user as an administrator (UNAUTHORIZED, FORBIDDEN as {@link CallContext#user()}, then as above). */
	public Admin require(CallContext call) {
		return require(call.user());
	}

}
