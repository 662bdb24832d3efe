package io.petstore.admin;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.petstore.account.AccountAdmin;
import io.petstore.account.AdminUser;
import io.petstore.account.Role;
import io.petstore.account.UserFilter;
import io.petstore.account.UserStatus;
import io.petstore.audit.AuditFilter;
import io.petstore.audit.AuditLog;
import io.petstore.audit.AuditLogs;
import io.petstore.auth.Admin;
import io.petstore.store.Order;
import io.petstore.store.OrderAdmin;
import io.petstore.store.OrderFilter;
import io.petstore.store.OrderStatus;
import io.petstore.v1.Ids;
import io.petstore.v1.PageRequest;
import io.petstore.v1.QueryParams;
import io.petstore.v1.PageResult;
import io.petstore.v1.StrictJson;

/**
 * {@code /v1/admin}: getDashboardStats, listUsers, getUserDetails, updateUserStatus,
 * updateUserRole, listAllOrders, forceCancelOrder, listAuditLogs, getAuditLog. That the caller is
 * an administrator now is checked before any of them is called ({@link AdminOnly}); each module's
 * admin operation takes the {@link Admin} that check makes, so no protocol can skip it.
 */
@RestController
@RequestMapping(path = "/v1/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

	@StrictJson
	record StatusChange(@NotNull UserStatus status, @Size(max = 500) String reason) {
	}

	@StrictJson
	record RoleChange(@NotNull Role role) {
	}

	@StrictJson
	record ForceCancel(@NotBlank @Size(max = 500) String reason) {
	}

	/** A user with the number of orders they placed. */
	record AdminUserDetails(@JsonUnwrapped AdminUser user, long orderCount) {
	}

	private final AccountAdmin accounts;

	private final OrderAdmin orders;

	private final AuditLogs auditLogs;

	private final Dashboard dashboard;

	AdminController(AccountAdmin accounts, OrderAdmin orders, AuditLogs auditLogs, Dashboard dashboard) {
		this.accounts = accounts;
		this.orders = orders;
		this.auditLogs = auditLogs;
		this.dashboard = dashboard;
	}

	@GetMapping("/dashboard/stats")
	DashboardStats getDashboardStats(Admin admin, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return dashboard.stats(admin, AdminParams.date("from", from), AdminParams.date("to", to));
	}

	@GetMapping("/users")
	PageResult<AdminUser> listUsers(Admin admin, @RequestParam(required = false) String status,
			@RequestParam(required = false) String role, @RequestParam(required = false) String q,
			@RequestParam(required = false) String createdFrom, @RequestParam(required = false) String createdTo,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
		AdminParams.Created created = AdminParams.created(createdFrom, createdTo);
		UserFilter filter = new UserFilter(QueryParams.enumValue("status", status, UserStatus.class),
				QueryParams.enumValue("role", role, Role.class), AdminParams.text("q", q, 100), created.from(), created.to());
		return accounts.find(admin, filter, PageRequest.of(page, limit));
	}

	@GetMapping("/users/{id}")
	AdminUserDetails getUserDetails(Admin admin, @PathVariable String id) {
		UUID userId = Ids.parse(id, "id");
		AdminUser user = accounts.get(admin, userId);
		return new AdminUserDetails(user, orders.countByUser(admin, userId));
	}

	@PatchMapping(path = "/users/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
	AdminUser updateUserStatus(Admin admin, @PathVariable String id, @Valid @RequestBody StatusChange change) {
		return accounts.changeStatus(admin, Ids.parse(id, "id"), change.status(), change.reason());
	}

	@PatchMapping(path = "/users/{id}/role", consumes = MediaType.APPLICATION_JSON_VALUE)
	AdminUser updateUserRole(Admin admin, @PathVariable String id, @Valid @RequestBody RoleChange change) {
		return accounts.changeRole(admin, Ids.parse(id, "id"), change.role());
	}

	@GetMapping("/orders")
	PageResult<Order> listAllOrders(Admin admin, @RequestParam(required = false) String status,
			@RequestParam(required = false) String userId, @RequestParam(required = false) String petId,
			@RequestParam(required = false) String createdFrom, @RequestParam(required = false) String createdTo,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer limit) {
		AdminParams.Created created = AdminParams.created(createdFrom, createdTo);
		OrderFilter filter = new OrderFilter(QueryParams.enumValue("status", status, OrderStatus.class),
				QueryParams.uuid("userId", userId), QueryParams.uuid("petId", petId), created.from(), created.to());
		return orders.find(admin, filter, PageRequest.of(page, limit));
	}

	@PostMapping(path = "/orders/{id}/force-cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
	Order forceCancelOrder(Admin admin, @PathVariable String id, @Valid @RequestBody ForceCancel request) {
		return orders.forceCancel(admin, Ids.parse(id, "id"), request.reason().strip());
	}

	@GetMapping("/audit-logs")
	PageResult<AuditLog> listAuditLogs(Admin admin, @RequestParam(required = false) String action,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) String entityId,
			@RequestParam(required = false) String userId, @RequestParam(required = false) String createdFrom,
			@RequestParam(required = false) String createdTo, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer limit) {
		AdminParams.Created created = AdminParams.created(createdFrom, createdTo);
		AuditFilter filter = new AuditFilter(upper(AdminParams.text("action", action, 64)),
				upper(AdminParams.text("entityType", entityType, 64)), AdminParams.text("entityId", entityId, 255),
				QueryParams.uuid("userId", userId), created.from(), created.to());
		return auditLogs.find(admin, filter, PageRequest.of(page, limit));
	}

	@GetMapping("/audit-logs/{id}")
	AuditLog getAuditLog(Admin admin, @PathVariable String id) {
		return auditLogs.get(admin, Ids.parse(id, "id"));
	}

	private static String upper(String value) {
		return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
	}

}
