package io.petstore.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.Admin;
import io.petstore.auth.AdminRoles;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;
import io.petstore.v1.DomainException;

/**
 * What administrators do with accounts: check that a caller is one, list and read users, suspend
 * and reactivate them, grant and take the ADMIN role, count them. Changes are audited.
 */
@Service
@Transactional
public class AccountAdmin implements AdminRoles {

	private final UserRepository users;

	private final AuditTrail audit;

	AccountAdmin(UserRepository users, AuditTrail audit) {
		this.users = users;
		this.audit = audit;
	}

	/** The role check behind {@link io.petstore.auth.Admins}: the account has the ADMIN role and is ACTIVE now. */
	@Override
	@Transactional(readOnly = true)
	public boolean isActiveAdmin(Tenant tenant, UUID userId) {
		return users.find(tenant, userId)
			.map(account -> account.role() == Role.ADMIN && account.status() == UserStatus.ACTIVE)
			.orElse(false);
	}

	/**
	 * Whether the user is a support agent now (the support chat asks): an ACTIVE account with the
	 * STAFF or ADMIN role. A role taken away counts at once, whatever the user's token says.
	 */
	@Transactional(readOnly = true)
	public boolean isActiveAgent(Tenant tenant, UUID userId) {
		return users.find(tenant, userId)
			.map(account -> (account.role() == Role.STAFF || account.role() == Role.ADMIN) && account.status() == UserStatus.ACTIVE)
			.orElse(false);
	}

	@Transactional(readOnly = true)
	public PageResult<AdminUser> find(Admin admin, UserFilter filter, PageRequest page) {
		Tenant tenant = admin.tenant();
		UserRepository.Found found = users.findPage(tenant, filter, page.offset(), page.limit());
		return PageResult.of(found.page().stream().map(UserRepository.Account::forAdmin).toList(), page, found.total());
	}

	@Transactional(readOnly = true)
	public AdminUser get(Admin admin, UUID id) {
		return account(admin.tenant(), id).forAdmin();
	}

	/**
	 * Sets a user's status. Leaving ACTIVE ends every token the user holds at once (and sign-in is
	 * refused); an administrator cannot suspend themself.
	 */
	public AdminUser changeStatus(Admin admin, UUID id, UserStatus status, String reason) {
		UserRepository.Account account = account(admin.tenant(), id);
		if (account.status() == status) {
			return account.forAdmin();
		}
		if (id.equals(admin.userId())) {
			throw DomainException.conflict("Administrators cannot change their own status.");
		}
		users.changeStatus(admin.tenant(), id, status, Accounts.now());
		AdminUser changed = account(admin.tenant(), id).forAdmin();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", status);
		after.put("statusReason", reason);
		audit.record(admin.tenant(), "USER_STATUS_CHANGED", Accounts.ENTITY, id, Map.of("status", account.status()), after);
		return changed;
	}

	/** Sets a user's role (USER, STAFF, ADMIN); an administrator cannot change their own. */
	public AdminUser changeRole(Admin admin, UUID id, Role role) {
		UserRepository.Account account = account(admin.tenant(), id);
		if (account.role() == role) {
			return account.forAdmin();
		}
		if (id.equals(admin.userId())) {
			throw DomainException.conflict("Administrators cannot change their own role.");
		}
		users.changeRole(admin.tenant(), id, role, Accounts.now());
		AdminUser changed = account(admin.tenant(), id).forAdmin();
		audit.record(admin.tenant(), "USER_ROLE_CHANGED", Accounts.ENTITY, id, account.forAdmin(), changed);
		return changed;
	}

	/** Users per status, and new users per UTC day in [from, to). */
	@Transactional(readOnly = true)
	public UserStats stats(Admin admin, Instant from, Instant to) {
		return new UserStats(users.countByStatus(admin.tenant()), users.countNewPerDay(admin.tenant(), from, to));
	}

	private UserRepository.Account account(Tenant tenant, UUID id) {
		return users.find(tenant, id).orElseThrow(() -> DomainException.notFound("user", id));
	}

}
