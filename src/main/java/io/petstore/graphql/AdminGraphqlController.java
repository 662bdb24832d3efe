package io.petstore.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLContext;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

import io.petstore.account.AccountAdmin;
import io.petstore.account.AdminUser;
import io.petstore.account.Role;
import io.petstore.account.UserFilter;
import io.petstore.account.UserStatus;
import io.petstore.admin.Dashboard;
import io.petstore.audit.AuditFilter;
import io.petstore.audit.AuditLog;
import io.petstore.audit.AuditLogs;
import io.petstore.auth.Admin;
import io.petstore.auth.Admins;
import io.petstore.store.Order;
import io.petstore.store.OrderAdmin;
import io.petstore.store.OrderFilter;
import io.petstore.store.OrderStatus;
import io.petstore.v1.DomainException;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

/**
 * Administrators only (the ADMIN role now, checked by {@code auth.Admins} for each operation): the
 * queries {@code dashboardStats}, {@code users}, {@code user}, {@code allOrders}, {@code auditLogs};
 * the mutations {@code setUserStatus}, {@code forceCancelOrder}; the nested {@code AdminUser.orders}
 * and {@code AdminUser.orderCount} (one batch per list). As {@code admin.AdminController} (REST).
 */
@Controller
class AdminGraphqlController {

	/** An AdminUser as the schema shows it (REST's unwrapped user, role, status, lastLoginAt). */
	record AdminUserView(UUID id, String username, String email, String firstName, String lastName, String phone, Role role,
			UserStatus status, Instant lastLoginAt, UUID tenantId, Instant createdAt, Instant updatedAt) {

		static AdminUserView of(AdminUser admin) {
			var user = admin.user();
			return new AdminUserView(user.id(), user.username(), user.email(), user.firstName(), user.lastName(), user.phone(),
					admin.role(), admin.status(), admin.lastLoginAt(), user.tenantId(), user.createdAt(), user.updatedAt());
		}

	}

	record AdminUserFilter(UserStatus status, Role role, String q, Instant createdFrom, Instant createdTo) {
	}

	record AdminOrderFilter(OrderStatus status, UUID userId, UUID petId, Instant createdFrom, Instant createdTo) {
	}

	record AuditLogFilter(String action, String entityType, String entityId, UUID userId, Instant createdFrom, Instant createdTo) {
	}

	/** One page of one user's orders: what {@code AdminUser.orders} loads in batches. */
	record UserOrders(UUID userId, int page, int limit) {
	}

	record StatusChange(@Size(max = 500) String reason) {
	}

	record ForceCancel(@NotBlank @Size(max = 500) String reason) {
	}

	static final String USER_ORDERS = "adminUserOrders";

	private final AccountAdmin accounts;

	private final OrderAdmin orders;

	private final AuditLogs auditLogs;

	private final Dashboard dashboard;

	private final Admins admins;

	private final GraphqlCalls calls;

	private final JsonMapper json;

	AdminGraphqlController(AccountAdmin accounts, OrderAdmin orders, AuditLogs auditLogs, Dashboard dashboard, Admins admins,
			GraphqlCalls calls, JsonMapper json, BatchLoaderRegistry loaders) {
		this.accounts = accounts;
		this.orders = orders;
		this.auditLogs = auditLogs;
		this.dashboard = dashboard;
		this.admins = admins;
		this.calls = calls;
		this.json = json;
		loaders.<UserOrders, PageResult<Order>>forName(USER_ORDERS)
			.registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> userOrders(keys, (GraphQLContext) env.getContext())));
	}

	private <T> T asAdmin(GraphQLContext context, java.util.function.Function<Admin, T> operation) {
		return GraphqlCalls.run(context, call -> operation.apply(admins.require(call)));
	}

	@QueryMapping
	Map<String, Object> dashboardStats(@Argument LocalDate from, @Argument LocalDate to, GraphQLContext context) {
		Object stats = this.<Object>asAdmin(context, admin -> dashboard.stats(admin, from, to));
		@SuppressWarnings("unchecked")
		Map<String, Object> figures = json.convertValue(stats, Map.class);
		for (String part : List.of("pets", "orders", "users")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> section = (Map<String, Object>) figures.get(part);
			section.put("byStatus", counts("status", section.get("byStatus")));
			if (section.containsKey("bySpecies")) {
				section.put("bySpecies", counts("species", section.get("bySpecies")));
			}
		}
		List<Map<String, Object>> revenue = new ArrayList<>();
		for (Object item : (List<?>) figures.getOrDefault("revenue", List.of())) {
			Map<?, ?> r = (Map<?, ?>) item;
			Map<String, Object> figure = new LinkedHashMap<>();
			figure.put("currency", r.get("currency"));
			figure.put("revenue", r.get("amount"));
			figure.put("refunded", r.get("refundedAmount"));
			figure.put("payments", r.get("payments"));
			revenue.add(figure);
		}
		figures.put("revenue", revenue);
		return figures;
	}

	private static List<Map<String, Object>> counts(String key, Object byKey) {
		List<Map<String, Object>> list = new ArrayList<>();
		if (byKey instanceof Map<?, ?> map) {
			map.forEach((name, count) -> {
				Map<String, Object> entry = new LinkedHashMap<>();
				entry.put(key, name);
				entry.put("count", count);
				list.add(entry);
			});
		}
		return list;
	}

	@QueryMapping
	PageResult<AdminUserView> users(@Argument AdminUserFilter filter, @Argument Integer page, @Argument Integer limit,
			GraphQLContext context) {
		AdminUserFilter f = filter == null ? new AdminUserFilter(null, null, null, null, null) : filter;
		range(f.createdFrom(), f.createdTo());
		UserFilter query = new UserFilter(f.status(), f.role(), text("q", f.q(), 100), f.createdFrom(), f.createdTo());
		PageRequest request = GraphqlCalls.page(page, limit);
		PageResult<AdminUser> found = asAdmin(context, admin -> accounts.find(admin, query, request));
		return new PageResult<>(found.data().stream().map(AdminUserView::of).toList(), found.pagination());
	}

	@QueryMapping
	AdminUserView user(@Argument UUID id, GraphQLContext context) {
		return asAdmin(context, admin -> {
			try {
				return AdminUserView.of(accounts.get(admin, id));
			}
			catch (DomainException ex) {
				if (ex.kind() == DomainException.Kind.NOT_FOUND) {
					return null;
				}
				throw ex;
			}
		});
	}

	@QueryMapping
	PageResult<Order> allOrders(@Argument AdminOrderFilter filter, @Argument Integer page, @Argument Integer limit,
			GraphQLContext context) {
		AdminOrderFilter f = filter == null ? new AdminOrderFilter(null, null, null, null, null) : filter;
		range(f.createdFrom(), f.createdTo());
		OrderFilter query = new OrderFilter(f.status(), f.userId(), f.petId(), f.createdFrom(), f.createdTo());
		PageRequest request = GraphqlCalls.page(page, limit);
		return asAdmin(context, admin -> orders.find(admin, query, request));
	}

	@QueryMapping
	PageResult<AuditLog> auditLogs(@Argument AuditLogFilter filter, @Argument Integer page, @Argument Integer limit,
			GraphQLContext context) {
		AuditLogFilter f = filter == null ? new AuditLogFilter(null, null, null, null, null, null) : filter;
		range(f.createdFrom(), f.createdTo());
		AuditFilter query = new AuditFilter(upper(text("action", f.action(), 64)), upper(text("entityType", f.entityType(), 64)),
				text("entityId", f.entityId(), 255), f.userId(), f.createdFrom(), f.createdTo());
		PageRequest request = GraphqlCalls.page(page, limit);
		return asAdmin(context, admin -> auditLogs.find(admin, query, request));
	}

	@MutationMapping
	AdminUserView setUserStatus(@Argument UUID id, @Argument UserStatus status, @Argument String reason, GraphQLContext context) {
		calls.valid(new StatusChange(reason));
		return asAdmin(context, admin -> AdminUserView.of(accounts.changeStatus(admin, id, status, reason)));
	}

	@MutationMapping
	Order forceCancelOrder(@Argument UUID id, @Argument String reason, GraphQLContext context) {
		calls.valid(new ForceCancel(reason));
		return asAdmin(context, admin -> orders.forceCancel(admin, id, reason.strip()));
	}

	/** AdminUser.orderCount: the counts of every user in the list, in one query. */
	@BatchMapping(typeName = "AdminUser", field = "orderCount")
	Map<AdminUserView, Long> orderCount(List<AdminUserView> users, GraphQLContext context) {
		Map<UUID, PageResult<Order>> found = asAdmin(context,
				admin -> orders.findByUsers(admin, users.stream().map(AdminUserView::id).toList(), PageRequest.of(1, 1)));
		Map<AdminUserView, Long> counts = new HashMap<>();
		users.forEach(user -> counts.put(user, found.get(user.id()).pagination().totalItems()));
		return counts;
	}

	/** AdminUser.orders: a page of each user's orders, loaded for every user of the list at once. */
	@SchemaMapping(typeName = "AdminUser", field = "orders")
	CompletableFuture<PageResult<Order>> orders(AdminUserView user, @Argument Integer page, @Argument Integer limit,
			DataFetchingEnvironment env) {
		PageRequest request = GraphqlCalls.page(page, limit);
		DataLoader<UserOrders, PageResult<Order>> loader = env.getDataLoader(USER_ORDERS);
		return loader.load(new UserOrders(user.id(), request.page(), request.limit()));
	}

	private Map<UserOrders, PageResult<Order>> userOrders(java.util.Set<UserOrders> keys, GraphQLContext context) {
		return asAdmin(context, admin -> {
			Map<UserOrders, PageResult<Order>> result = new HashMap<>();
			Map<PageRequest, List<UserOrders>> byPage = new HashMap<>();
			keys.forEach(key -> byPage.computeIfAbsent(new PageRequest(key.page(), key.limit()), p -> new ArrayList<>()).add(key));
			byPage.forEach((request, group) -> {
				Map<UUID, PageResult<Order>> pages = orders.findByUsers(admin, group.stream().map(UserOrders::userId).toList(), request);
				group.forEach(key -> result.put(key, pages.get(key.userId())));
			});
			return result;
		});
	}

	private static void range(Instant from, Instant to) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw DomainException.badRequest("Invalid range: 'createdFrom' must be before 'createdTo'.");
		}
	}

	private static String text(String name, String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.length() > max) {
			throw DomainException.badRequest("Invalid value for argument '" + name + "': at most " + max + " characters.");
		}
		return value.strip();
	}

	private static String upper(String value) {
		return value == null ? null : value.toUpperCase(Locale.ROOT);
	}

}
