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

}
