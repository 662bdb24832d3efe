package io.petstore.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.auth.Admin;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.PageRequest;
import io.petstore.v1.PageResult;

/** What administrators do with orders: list every order, cancel one by force, count them. */
@Service
@Transactional
public class OrderAdmin {

	private final OrderRepository orders;

	private final Orders rules;

	OrderAdmin(OrderRepository orders, Orders rules) {
		this.orders = orders;
		this.rules = rules;
	}

	@Transactional(readOnly = true)
	public PageResult<Order> find(Admin admin, OrderFilter filter, PageRequest page) {
		Tenant tenant = admin.tenant();
		long total = orders.count(tenant, filter);
		List<Order> data = total <= page.offset() ? List.of() : orders.find(tenant, filter, page.offset(), page.limit());
		return PageResult.of(data, page, total);
	}

	/** Cancels any PLACED, APPROVED or SHIPPED order: the pet is released and a payment refunded. */
	public Order forceCancel(Admin admin, UUID id, String reason) {
		return rules.forceCancel(admin.tenant(), id, reason, admin.userId().toString());
	}

	@Transactional(readOnly = true)
	public long countByUser(Admin admin, UUID userId) {
		return orders.countByUser(admin.tenant(), userId);
	}

	/** Orders per status, and new orders per UTC day in [from, to). */
	@Transactional(readOnly = true)
	public OrderStats stats(Admin admin, Instant from, Instant to) {
		return new OrderStats(orders.countByStatus(admin.tenant()), orders.countNewPerDay(admin.tenant(), from, to));
	}


	/**
	 * For each of these users, one page of their orders, newest first (a batch of a GraphQL list of
	 * users, say): two queries whatever the number of users.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, PageResult<Order>> findByUsers(Admin admin, java.util.Collection<UUID> userIds, PageRequest page) {
		java.util.Set<UUID> users = new java.util.LinkedHashSet<>(userIds);
		java.util.Map<UUID, Long> counts = orders.countByUsers(admin.tenant(), users);
		java.util.Map<UUID, List<Order>> pages = orders.findPageByUsers(admin.tenant(), users, page.offset(), page.limit());
		java.util.Map<UUID, PageResult<Order>> result = new java.util.LinkedHashMap<>();
		for (UUID user : users) {
			result.put(user, PageResult.of(pages.getOrDefault(user, List.of()), page, counts.getOrDefault(user, 0L)));
		}
		return result;
	}

	/** The orders with these ids, by id, in one query; unknown ids are absent. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Order> getAll(Admin admin, java.util.Collection<UUID> ids) {
		java.util.Map<UUID, Order> found = new java.util.LinkedHashMap<>();
		orders.findAll(admin.tenant(), new java.util.LinkedHashSet<>(ids)).forEach(order -> found.put(order.id(), order));
		return found;
	}

}
