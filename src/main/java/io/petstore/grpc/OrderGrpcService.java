package io.petstore.grpc;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.grpc.server.service.GrpcService;

import io.petstore.auth.CallContexts;
import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.grpc.v1.CancelOrderRequest;
import io.petstore.grpc.v1.GetOrderRequest;
import io.petstore.grpc.v1.OrderError;
import io.petstore.grpc.v1.OrderEvent;
import io.petstore.grpc.v1.OrderServiceGrpc;
import io.petstore.grpc.v1.PlaceOrderRequest;
import io.petstore.grpc.v1.PlaceOrdersRequest;
import io.petstore.grpc.v1.PlaceOrdersResponse;
import io.petstore.grpc.v1.WatchOrdersRequest;
import io.petstore.live.LiveEvent;
import io.petstore.live.LiveEvents;
import io.petstore.store.Order;
import io.petstore.store.OrderStatus;
import io.petstore.store.OrderStatusChanged;
import io.petstore.store.Orders;
import io.petstore.tenancy.Tenant;

/**
 * {@code petstore.v1.OrderService} over {@link Orders}: scopes and ownership are checked there; the
 * streams show only the caller's orders ({@link LiveEvent#visibleTo}).
 */
@GrpcService
class OrderGrpcService implements OrderServiceGrpc.AsyncService, io.grpc.BindableService {

	private final Orders orders;

	private final LiveEvents live;

	private final CallContexts contexts;

	OrderGrpcService(Orders orders, LiveEvents live, CallContexts contexts) {
		this.orders = orders;
		this.live = live;
		this.contexts = contexts;
	}

	/** The service's definition, with malformed requests answered INVALID_ARGUMENT ({@link MalformedMessages}). */
	@Override
	public io.grpc.ServerServiceDefinition bindService() {
		return MalformedMessages.guarded(OrderServiceGrpc.bindService(this));
	}

	@Override
	public void placeOrder(PlaceOrderRequest request, StreamObserver<io.petstore.grpc.v1.Order> response) {
		Calls.unary(response, call -> toWire(place(call.user(), request.getPetId(), request.getUserId())));
	}

	@Override
	public void getOrder(GetOrderRequest request, StreamObserver<io.petstore.grpc.v1.Order> response) {
		Calls.unary(response, call -> toWire(orders.get(call.user(), Wire.id(request.getId(), "id"))));
	}

	@Override
	public void cancelOrder(CancelOrderRequest request, StreamObserver<io.petstore.grpc.v1.Order> response) {
		Calls.unary(response, call -> toWire(orders.cancel(call.user(), Wire.id(request.getId(), "id"))));
	}

	@Override
	public void watchOrders(WatchOrdersRequest request, StreamObserver<OrderEvent> response) {
		ServerCallStreamObserver<OrderEvent> out = (ServerCallStreamObserver<OrderEvent>) response;
		Disposable.Swap subscription = Disposables.swap();
		out.setOnCancelHandler(subscription::dispose);
		Caller caller;
		UUID only;
		try {
			// the user's own orders only, with the scope reading them needs
			caller = GrpcCall.current().context().user().require(Scopes.READ_ORDERS);
			only = request.getOrderId().isEmpty() ? null : Wire.id(request.getOrderId(), "order_id");
		}
		catch (RuntimeException refused) {
			out.onError(GrpcErrors.toStatus(refused));
			return;
		}
		Tenant tenant = GrpcCall.current().context().tenant();
		Context.current().addListener(cancelled -> subscription.dispose(), Runnable::run);
		subscription.update(changes(tenant, caller.userId()).filter(change -> only == null || change.order().id().equals(only))
			.subscribe(change -> {
				synchronized (out) {
					if (!out.isCancelled()) {
						out.onNext(event(change.order(), change.previousStatus(), change));
					}
				}
			}));
	}

	@Override
	public StreamObserver<PlaceOrdersRequest> placeOrders(StreamObserver<PlaceOrdersResponse> response) {
		ServerCallStreamObserver<PlaceOrdersResponse> out = (ServerCallStreamObserver<PlaceOrdersResponse>) response;
		GrpcCall call = GrpcCall.current();
		Disposable.Swap subscription = Disposables.swap();
		out.setOnCancelHandler(subscription::dispose);
		Map<UUID, Integer> placed = new ConcurrentHashMap<>();
		Caller caller;
		try {
			caller = call.context().user();
		}
		catch (RuntimeException refused) {
			out.onError(GrpcErrors.toStatus(refused));
			return new StreamObserver<>() {
				@Override
				public void onNext(PlaceOrdersRequest ignored) {
				}

				@Override
				public void onError(Throwable ignored) {
				}

				@Override
				public void onCompleted() {
				}
			};
		}
		// later status changes of the orders placed on this stream (their placement is answered directly)
		subscription.update(changes(call.context().tenant(), caller.userId())
			.filter(change -> change.previousStatus() != null && placed.containsKey(change.order().id()))
			.subscribe(change -> send(out, PlaceOrdersResponse.newBuilder()
				.setRequestIndex(placed.get(change.order().id()))
				.setEvent(event(change.order(), change.previousStatus(), change))
				.build())));
		Context.current().addListener(cancelled -> subscription.dispose(), Runnable::run);
		return new StreamObserver<>() {

			private int index;

			@Override
			public void onNext(PlaceOrdersRequest request) {
				int current = index++;
				PlaceOrdersResponse.Builder answer = PlaceOrdersResponse.newBuilder().setRequestIndex(current);
				try {
					if (current > 0) {
						contexts.count(call.context(), call.bearerToken());
					}
					Order order = Calls.within(call, ctx -> place(ctx.user(), request.getPetId(), request.getUserId()));
					placed.put(order.id(), current);
					answer.setEvent(event(order, null, null));
				}
				catch (RuntimeException refused) {
					io.grpc.Status status = GrpcErrors.toStatus(refused).getStatus();
					answer.setError(OrderError.newBuilder()
						.setCode(status.getCode().name())
						.setMessage(status.getDescription() == null ? "" : status.getDescription()));
				}
				send(out, answer.build());
			}

			@Override
			public void onError(Throwable cancelled) {
				subscription.dispose();
			}

			@Override
			public void onCompleted() {
				subscription.dispose();
				synchronized (out) {
					if (!out.isCancelled()) {
						out.onCompleted();
					}
				}
			}

		};
	}

	private Order place(Caller caller, String petId, String userId) {
		return orders.place(caller, Wire.id(petId, "pet_id"), userId.isEmpty() ? null : Wire.id(userId, "user_id"));
	}

	private reactor.core.publisher.Flux<OrderStatusChanged> changes(Tenant tenant, UUID user) {
		return live.events()
			.filter(event -> LiveEvent.ORDER_STATUS.equals(event.topic()) && event.visibleTo(tenant, user))
			.map(event -> (OrderStatusChanged) event.payload());
	}

	private static void send(ServerCallStreamObserver<PlaceOrdersResponse> out, PlaceOrdersResponse answer) {
		synchronized (out) {
			if (!out.isCancelled()) {
				out.onNext(answer);
			}
		}
	}

	private static OrderEvent event(Order order, OrderStatus previous, OrderStatusChanged change) {
		OrderEvent.Builder event = OrderEvent.newBuilder()
			.setOrder(toWire(order))
			.setPreviousStatus(status(previous))
			.setNewStatus(status(order.status()));
		if (change != null) {
			event.setNewStatus(status(change.newStatus())).setChangedAt(Wire.timestamp(change.changedAt()));
		}
		else if (order.updatedAt() != null) {
			event.setChangedAt(Wire.timestamp(order.updatedAt()));
		}
		return event.build();
	}

	static io.petstore.grpc.v1.OrderStatus status(OrderStatus status) {
		return Wire.toWire(status, "ORDER_STATUS_", io.petstore.grpc.v1.OrderStatus.class);
	}

	static io.petstore.grpc.v1.Order toWire(Order order) {
		io.petstore.grpc.v1.Order.Builder out = io.petstore.grpc.v1.Order.newBuilder()
			.setId(order.id().toString())
			.setPetId(order.petId().toString())
			.setUserId(order.userId().toString())
			.setStatus(status(order.status()))
			.setTotalAmount(order.totalAmount().toPlainString())
			.setCurrency(Wire.text(order.currency()))
			.setTenantId(Wire.text(order.tenantId()));
		if (order.createdAt() != null) {
			out.setCreatedAt(Wire.timestamp(order.createdAt()));
		}
		if (order.updatedAt() != null) {
			out.setUpdatedAt(Wire.timestamp(order.updatedAt()));
		}
		return out.build();
	}

}
