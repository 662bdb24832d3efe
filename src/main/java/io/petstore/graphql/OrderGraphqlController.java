package io.petstore.graphql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLContext;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

import io.petstore.auth.Admin;
import io.petstore.auth.Admins;
import io.petstore.auth.CallContext;
import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.catalog.Pet;
import io.petstore.catalog.PetCatalog;
import io.petstore.live.LiveEvent;
import io.petstore.live.LiveEvents;
import io.petstore.payment.Payment;
import io.petstore.payment.PaymentCurrency;
import io.petstore.payment.PaymentInput;
import io.petstore.payment.PaymentStatus;
import io.petstore.payment.PaymentSucceeded;
import io.petstore.payment.Payments;
import io.petstore.payment.SourceInput;
import io.petstore.store.Order;
import io.petstore.store.OrderAdmin;
import io.petstore.store.OrderStatus;
import io.petstore.store.OrderStatusChanged;
import io.petstore.store.Orders;
import io.petstore.v1.DomainException;
import io.petstore.v1.PageResult;

/**
 * Orders and payments: the queries {@code myOrders}, {@code order}; the mutations
 * {@code placeOrder}, {@code cancelOrder}, {@code payOrder}; the nested {@code Order.pet} and
 * {@code Order.payment} (one batch per list); the subscriptions {@code myOrderStatusChanged},
 * {@code myPayments}. As {@code store.OrderController} and {@code payment.PaymentController} (REST).
 */
@Controller
class OrderGraphqlController {

	record PaymentArgs(String amount, String currency, SourceInput.Card card, SourceInput.BankAccount bankAccount) {
	}

	record OrderStatusChange(Order order, OrderStatus previousStatus, OrderStatus status, Instant changedAt, String reason) {
	}

	private final Orders orders;

	private final OrderAdmin orderAdmin;

	private final Payments payments;

	private final PetCatalog catalog;

	private final Admins admins;

	private final LiveEvents live;

	private final GraphqlCalls calls;

	private final JsonMapper json;

	OrderGraphqlController(Orders orders, OrderAdmin orderAdmin, Payments payments, PetCatalog catalog, Admins admins,
			LiveEvents live, GraphqlCalls calls, JsonMapper json) {
		this.orders = orders;
		this.orderAdmin = orderAdmin;
		this.payments = payments;
		this.catalog = catalog;
		this.admins = admins;
		this.live = live;
		this.calls = calls;
		this.json = json;
	}

	@QueryMapping
	PageResult<Order> myOrders(@Argument OrderStatus status, @Argument Integer page, @Argument Integer limit, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> orders.findOwn(call.user(), status, GraphqlCalls.page(page, limit)));
	}

	/** The caller's order; an administrator's, any order of the tenant; null if there is none. */
	@QueryMapping
	Order order(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			Caller caller = call.user();
			try {
				return orders.get(caller, id);
			}
			catch (DomainException ex) {
				if (ex.kind() == DomainException.Kind.NOT_FOUND) {
					return null;
				}
				if (ex.kind() == DomainException.Kind.FORBIDDEN && caller.hasScope(Scopes.READ_ORDERS)) {
					Admin admin;
					try {
						admin = admins.require(call);
					}
					catch (DomainException notAdmin) {
						throw ex;
					}
					return orderAdmin.getAll(admin, List.of(id)).get(id);
				}
				throw ex;
			}
		});
	}

	@MutationMapping
	Order placeOrder(@Argument UUID petId, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> orders.place(call.user(), petId, null));
	}

	@MutationMapping
	Order cancelOrder(@Argument UUID id, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> orders.cancel(call.user(), id));
	}

	private Payment pay(UUID orderId, PaymentArgs input, String idempotencyKey, GraphQLContext context) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
			throw DomainException.badRequest("Invalid idempotencyKey: 1 to 255 characters.");
		}
		PaymentInput payment = paymentInput(input);
		return GraphqlCalls.run(context, call -> payments.pay(call.user(), orderId, payment, idempotencyKey).payment());
	}

	private PaymentInput paymentInput(PaymentArgs input) {
		if ((input.card() == null) == (input.bankAccount() == null)) {
			throw DomainException.invalid("source", "give exactly one of card and bankAccount", "required");
		}
		PaymentCurrency currency;
		try {
			currency = PaymentCurrency.valueOf(input.currency() == null ? "USD" : input.currency());
		}
		catch (IllegalArgumentException ex) {
			throw DomainException.invalid("currency", "invalid value '" + input.currency() + "': must be one of "
					+ java.util.Arrays.toString(PaymentCurrency.values()), "invalid_enum");
		}
		SourceInput source = input.card() != null ? calls.valid(input.card(), "card.") : calls.valid(input.bankAccount(), "bankAccount.");
		return calls.valid(new PaymentInput(null, input.amount(), currency, source, null, null));
	}

	/** Order.pet: the pets of every order in the list, in one query. */
	@BatchMapping(typeName = "Order", field = "pet")
	Map<Order, Pet> pet(List<Order> list, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			Map<UUID, Pet> pets = catalog.getAll(call.tenant(), list.stream().map(Order::petId).toList());
			Map<Order, Pet> result = new HashMap<>();
			list.forEach(order -> result.put(order, pets.get(order.petId())));
			return result;
		});
	}

	/**
	 * Order.payment: the payments of every order in the list, in one query (the caller's orders; an
	 * administrator's lists of other users' orders, in a second one).
	 */
	@BatchMapping(typeName = "Order", field = "payment")
	Map<Order, PaymentView> payment(List<Order> list, GraphQLContext context) {
		return GraphqlCalls.run(context, call -> {
			Caller caller = call.user();
			List<UUID> own = new ArrayList<>();
			List<UUID> others = new ArrayList<>();
			list.forEach(order -> (order.userId().equals(caller.userId()) ? own : others).add(order.id()));
			Map<UUID, Payment> found = new HashMap<>();
			if (!own.isEmpty()) {
				found.putAll(payments.ofOrders(caller, own));
			}
			if (!others.isEmpty()) {
				found.putAll(payments.ofOrders(admins.require(call), others));
			}
			Map<Order, PaymentView> result = new HashMap<>();
			list.forEach(order -> result.put(order, view(found.get(order.id()))));
			return result;
		});
	}

	/** A payment as the schema shows it: its masked source an object of the PaymentSource union. */
	record PaymentView(UUID id, UUID orderId, String amount, String currency, Map<String, Object> source, PaymentStatus status,
			String failureReason, Instant createdAt) {
	}

	@SuppressWarnings("unchecked")
	PaymentView view(Payment payment) {
		return payment == null ? null : new PaymentView(payment.id(), payment.orderId(), payment.amount(), payment.currency(),
				json.convertValue(payment.source(), Map.class), payment.status(), payment.failureReason(), payment.createdAt());
	}

	/** Pays once per idempotencyKey: a retry with the same key answers the first payment. */
	@MutationMapping
	PaymentView payOrder(@Argument UUID orderId, @Argument PaymentArgs input, @Argument String idempotencyKey,
			GraphQLContext context) {
		return view(pay(orderId, input, idempotencyKey, context));
	}

	/** The caller's orders' status changes (read:orders), of one order or of all. */
	@SubscriptionMapping
	Flux<OrderStatusChange> myOrderStatusChanged(@Argument UUID orderId, GraphQLContext context) {
		CallContext call = GraphqlCalls.call(context);
		Caller caller = call.user().require(Scopes.READ_ORDERS);
		return live.events()
			.filter(event -> LiveEvent.ORDER_STATUS.equals(event.topic()) && event.visibleTo(call.tenant(), caller.userId()))
			.map(event -> (OrderStatusChanged) event.payload())
			.filter(changed -> orderId == null || orderId.equals(changed.order().id()))
			.map(changed -> new OrderStatusChange(changed.order(), changed.previousStatus(), changed.newStatus(), changed.changedAt(),
					changed.reason()));
	}

	/** The caller's successful payments (read:orders). */
	@SubscriptionMapping
	Flux<PaymentView> myPayments(GraphQLContext context) {
		CallContext call = GraphqlCalls.call(context);
		Caller caller = call.user().require(Scopes.READ_ORDERS);
		return live.events()
			.filter(event -> LiveEvent.PAYMENT.equals(event.topic()) && event.visibleTo(call.tenant(), caller.userId()))
			.map(event -> view(((PaymentSucceeded) event.payload()).payment()));
	}

}
