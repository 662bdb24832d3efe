package io.petstore.store;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.catalog.Pet;
import io.petstore.catalog.PetCatalog;
import io.petstore.tenancy.Tenant;
import io.petstore.v1.Ids;
import io.petstore.v1.DomainException;

import static io.petstore.persistence.Timestamps.now;

/**
 * Orders: placing one reserves the pet (AVAILABLE → PENDING) in the same transaction, so of many
 * concurrent orders for one pet exactly one is placed and the rest get 409. Payment approves the
 * order (and adopts the pet); cancelling releases the pet. Every change is audited ({@code ORDERS}).
 */
@Service
@Transactional
public class Orders {

	private final OrderRepository orders;

	private final PetCatalog catalog;

	static final String ENTITY = "ORDERS";

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	Orders(OrderRepository orders, PetCatalog catalog, ApplicationEventPublisher events, AuditTrail audit) {
		this.orders = orders;
		this.catalog = catalog;
		this.events = events;
		this.audit = audit;
	}

	public Order place(Caller caller, UUID petId, UUID userId) {
		caller.require(Scopes.WRITE_ORDERS);
		if (userId != null && !userId.equals(caller.userId())) {
			throw DomainException.forbidden("Orders can only be placed for yourself: userId must be your own id.");
		}
		Pet pet = catalog.reserve(caller.tenant(), petId);
		Instant now = now();
		Order order = new Order(Ids.newId(), petId, caller.userId(), OrderStatus.PLACED, pet.price(), pet.currency(), null, now, now);
		orders.insert(caller.tenant(), order);
		Order placed = orders.find(caller.tenant(), order.id()).orElseThrow();
		audit.record(caller.tenant(), "ORDER_PLACED", ENTITY, placed.id(), null, placed);
		events.publishEvent(new OrderStatusChanged(caller.tenant(), placed, null, OrderStatus.PLACED, now, caller.userId().toString(),
				null));
		return placed;
	}

	/** The caller's own order (404 if none, 403 if it is someone else's). */
	@Transactional(readOnly = true)
	public Order get(Caller caller, UUID id) {
		caller.require(Scopes.READ_ORDERS);
		return own(caller, id);
	}

	private Order own(Caller caller, UUID id) {
		Order order = orders.find(caller.tenant(), id).orElseThrow(() -> DomainException.notFound("order", id));
		caller.mustBe(order.userId(), "order");
		return order;
	}

	/**
	 * The caller's own order (404, 403 as {@link #get}), locked until the caller's transaction ends,
	 * so that concurrent payments of one order run one after another; must run in a transaction.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Order lockForPayment(Caller caller, UUID id) {
		Order order = orders.findForUpdate(caller.tenant(), id).orElseThrow(() -> DomainException.notFound("order", id));
		caller.mustBe(order.userId(), "order");
		return order;
	}

	/** Cancels a PLACED or APPROVED order of the caller's; the pet becomes AVAILABLE again. */
	public Order cancel(Caller caller, UUID id) {
		caller.require(Scopes.WRITE_ORDERS);
		Order order = own(caller, id);
		order.requireCancellable(false);
		Order cancelled = transition(caller.tenant(), order, OrderStatus.CANCELLED, caller.userId().toString(), null);
		catalog.release(caller.tenant(), order.petId());
		return cancelled;
	}

	/**
	 * An administrator's cancel: PLACED, APPROVED or SHIPPED orders (409 otherwise). The pet becomes
	 * AVAILABLE again and, through the usual {@link OrderStatusChanged} event, a payment is refunded.
	 */
	Order forceCancel(Tenant tenant, UUID id, String reason, String changedBy) {
		Order order = orders.find(tenant, id).orElseThrow(() -> DomainException.notFound("order", id));
		order.requireCancellable(true);
		Order cancelled = transition(tenant, order, OrderStatus.CANCELLED, changedBy, reason);
		catalog.release(tenant, order.petId());
		return cancelled;
	}

	/**
	 * Marks a PLACED order paid (APPROVED) and the pet ADOPTED. Called by the payment module in the
	 * transaction that records the payment; 409 if the order is no longer PLACED.
	 */
	public Order approvePaid(Tenant tenant, UUID id, String changedBy) {
		Order order = orders.find(tenant, id).orElseThrow(() -> DomainException.notFound("order", id));
		order.requirePayable();
		Order approved = transition(tenant, order, OrderStatus.APPROVED, changedBy, null);
		catalog.adopt(tenant, order.petId());
		return approved;
	}

	private Order transition(Tenant tenant, Order order, OrderStatus to, String changedBy, String reason) {
		Instant now = now();
		if (!orders.changeStatus(tenant, order.id(), order.status(), to, now)) {
			throw DomainException.conflict("The order changed concurrently; fetch it and try again.");
		}
		Order changed = orders.find(tenant, order.id()).orElseThrow();
		java.util.Map<String, Object> after = new java.util.LinkedHashMap<>();
		after.put("status", to);
		after.put("cancelReason", reason);
		audit.record(tenant, "ORDER_" + to.name(), ENTITY, order.id(), java.util.Map.of("status", order.status()), after);
		events.publishEvent(new OrderStatusChanged(tenant, changed, order.status(), to, now, changedBy, reason));
		return changed;
	}

	/**
	 * callbackOrder: "processes" the amount given for an order and queues the {@code orderProcessed}
	 * callback to {@code callbackUrl}: COMPLETED when the order is not cancelled and the amount and
	 * currency are the order's, FAILED (with the reason) otherwise. Needs no token, as the spec
	 * declares; with one, the order must be the caller's.
	 */
	void requestCallback(Tenant tenant, java.util.Optional<Caller> caller, UUID id, java.math.BigDecimal amount, String currency,
			String timestamp, String callbackUrl) {
		Order order = orders.find(tenant, id).orElseThrow(() -> DomainException.notFound("order", id));
		caller.ifPresent(c -> c.mustBe(order.userId(), "order"));
		String reason = null;
		if (order.status() == OrderStatus.CANCELLED) {
			reason = "The order is CANCELLED.";
		}
		else if (!order.totalIs(amount, currency)) {
			reason = "The amount " + amount.toPlainString() + " " + currency + " is not the order's total " + order.totalAmount() + " "
					+ order.currency() + ".";
		}
		java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
		if (reason == null) {
			result.put("transactionId", Ids.newId());
			result.put("processingDetails", java.util.Map.of("processor", "petstore", "approvalCode", approvalCode()));
		}
		else {
			result.put("reason", reason);
		}
		result.put("amount", amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString());
		result.put("currency", currency);
		result.put("requestTimestamp", timestamp);
		UUID requestId = Ids.newId();
		java.util.Map<String, Object> payload = new java.util.LinkedHashMap<>();
		payload.put("requestId", requestId);
		payload.put("orderId", order.id().toString());
		payload.put("status", reason == null ? "COMPLETED" : "FAILED");
		payload.put("result", result);
		payload.put("timestamp", now().toString());
		events.publishEvent(new OrderCallbackRequested(tenant, order.userId(), requestId, callbackUrl, payload));
	}

	private static String approvalCode() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
		java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			code.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return code.toString();
	}


	/** myOrders: the caller's orders, newest first, optionally of one status (read:orders). */
	@Transactional(readOnly = true)
	public io.petstore.v1.PageResult<Order> findOwn(Caller caller, OrderStatus status, io.petstore.v1.PageRequest page) {
		caller.require(Scopes.READ_ORDERS);
		OrderFilter filter = new OrderFilter(status, caller.userId(), null, null, null);
		long total = orders.count(caller.tenant(), filter);
		java.util.List<Order> data = total <= page.offset() ? java.util.List.of()
				: orders.find(caller.tenant(), filter, page.offset(), page.limit());
		return io.petstore.v1.PageResult.of(data, page, total);
	}

}
