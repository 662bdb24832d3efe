package io.petstore.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;

import io.petstore.grpc.v1.CancelOrderRequest;
import io.petstore.grpc.v1.Card;
import io.petstore.grpc.v1.CreatePetRequest;
import io.petstore.grpc.v1.GetOrderRequest;
import io.petstore.grpc.v1.Order;
import io.petstore.grpc.v1.OrderEvent;
import io.petstore.grpc.v1.OrderServiceGrpc;
import io.petstore.grpc.v1.OrderStatus;
import io.petstore.grpc.v1.PayOrderRequest;
import io.petstore.grpc.v1.PayOrderResponse;
import io.petstore.grpc.v1.PaymentServiceGrpc;
import io.petstore.grpc.v1.PaymentStatus;
import io.petstore.grpc.v1.PetServiceGrpc;
import io.petstore.grpc.v1.PlaceOrderRequest;
import io.petstore.grpc.v1.PlaceOrdersRequest;
import io.petstore.grpc.v1.PlaceOrdersResponse;
import io.petstore.grpc.v1.WatchOrdersRequest;
import io.petstore.support.Reply;

/** OrderService and PaymentService: ownership, order states, idempotent payments, the order streams. */
class GrpcOrderServiceTest extends GrpcTestSupport {

	static final String CARD_JSON = "{\"object\":\"card\",\"name\":\"Kyle Kihn\",\"number\":\"4242424242424242\",\"expMonth\":12,"
			+ "\"expYear\":2031,\"cvc\":\"123\"}";

	OrderServiceGrpc.OrderServiceBlockingStub orders(String token) {
		return on(OrderServiceGrpc.newBlockingStub(channel), token);
	}

	PaymentServiceGrpc.PaymentServiceBlockingStub payments(String token) {
		return on(PaymentServiceGrpc.newBlockingStub(channel), token);
	}

	String newPet(Account owner, String price) {
		return on(PetServiceGrpc.newBlockingStub(channel), owner.token())
			.createPet(CreatePetRequest.newBuilder().setPet(pet("Orderable", price)).build())
			.getId();
	}

	static Card.Builder card() {
		return Card.newBuilder().setName("Kyle Kihn").setNumber("4242424242424242").setExpMonth(12).setExpYear(2031).setCvc("123");
	}

	@Test
	void placeGetCancelWithOwnershipAndStates() {
		Account alice = register("alice");
		Account bob = register("bob");
		String petId = newPet(alice, "250.00");
		assertThat(code(() -> orders(null).placeOrder(PlaceOrderRequest.newBuilder().setPetId(petId).build())))
			.isEqualTo(Status.Code.UNAUTHENTICATED);
		Order order = orders(alice.token()).placeOrder(PlaceOrderRequest.newBuilder().setPetId(petId).build());
		assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PLACED);
		assertThat(order.getTotalAmount()).isEqualTo("250.00");
		assertThat(order.getUserId()).isEqualTo(alice.id());
		assertThat(api.get("/v1/pets/" + petId).json().get("status").asString()).isEqualTo("PENDING");

		GetOrderRequest get = GetOrderRequest.newBuilder().setId(order.getId()).build();
		assertThat(orders(alice.token()).getOrder(get)).isEqualTo(order);
		assertThat(code(() -> orders(bob.token()).getOrder(get))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> orders(null).getOrder(get))).isEqualTo(Status.Code.UNAUTHENTICATED);
		assertThat(code(() -> on(OrderServiceGrpc.newBlockingStub(channel), UUID.randomUUID(), alice.token()).getOrder(get)))
			.isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(code(() -> orders(alice.token()).getOrder(GetOrderRequest.newBuilder().setId(UUID.randomUUID().toString()).build())))
			.isEqualTo(Status.Code.NOT_FOUND);
		// an order for someone else
		assertThat(code(() -> orders(alice.token()).placeOrder(PlaceOrderRequest.newBuilder().setPetId(newPet(alice, "1.00"))
			.setUserId(bob.id()).build()))).isEqualTo(Status.Code.PERMISSION_DENIED);

		CancelOrderRequest cancel = CancelOrderRequest.newBuilder().setId(order.getId()).build();
		assertThat(code(() -> orders(bob.token()).cancelOrder(cancel))).isEqualTo(Status.Code.PERMISSION_DENIED);
		assertThat(orders(alice.token()).cancelOrder(cancel).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELLED);
		StatusRuntimeException again = failure(() -> orders(alice.token()).cancelOrder(cancel));
		assertThat(again.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(again.getStatus().getDescription()).contains("CANCELLED");
		assertThat(api.get("/v1/pets/" + petId).json().get("status").asString()).isEqualTo("AVAILABLE");
	}

	@Test
	void paymentsAreIdempotentAndAPaidOrderIsNoLongerPayable() {
		Account alice = register("alice");
		Order order = orders(alice.token()).placeOrder(PlaceOrderRequest.newBuilder().setPetId(newPet(alice, "250.00")).build());
		PayOrderRequest pay = PayOrderRequest.newBuilder().setOrderId(order.getId()).setAmount("250.00").setCurrency("USD")
			.setCard(card()).setIdempotencyKey("grpc-" + UUID.randomUUID()).build();

		// invalid input: REST's field names
		StatusRuntimeException invalid = failure(() -> payments(alice.token())
			.payOrder(pay.toBuilder().setCard(card().setNumber("12").clearExpMonth()).setCurrency("XYZ").build()));
		assertThat(invalid.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
		assertThat(violations(invalid)).containsExactly("currency:invalid_enum", "source.expMonth:required", "source.number:invalid_format");
		assertThat(violations(failure(() -> payments(alice.token()).payOrder(pay.toBuilder().setAmount("1.00").build()))))
			.containsExactly("amount:amount_mismatch");
		assertThat(code(() -> payments(null).payOrder(pay))).isEqualTo(Status.Code.UNAUTHENTICATED);

		PayOrderResponse paid = payments(alice.token()).payOrder(pay);
		assertThat(paid.getReplayed()).isFalse();
		assertThat(paid.getPayment().getStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_SUCCEEDED);
		assertThat(paid.getPayment().getSource().getFieldsMap().get("last4").getStringValue()).isEqualTo("4242");
		assertThat(paid.getPayment().getSource().getFieldsMap()).doesNotContainKey("cvc");
		PayOrderResponse replayed = payments(alice.token()).payOrder(pay);
		assertThat(replayed.getReplayed()).isTrue();
		assertThat(replayed.getPayment().getId()).isEqualTo(paid.getPayment().getId());
		assertThat(orders(alice.token()).getOrder(GetOrderRequest.newBuilder().setId(order.getId()).build()).getStatus())
			.isEqualTo(OrderStatus.ORDER_STATUS_APPROVED);

		// paying the paid order again (a new key): the order's state forbids it
		StatusRuntimeException conflict = failure(() -> payments(alice.token()).payOrder(pay.toBuilder().clearIdempotencyKey().build()));
		assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
		assertThat(conflict.getStatus().getDescription()).contains("APPROVED");
	}

	@Test
	void watchOrdersReceivesStatusChangesMadeOverRest() throws Exception {
		Account alice = register("alice");
		Account bob = register("bob");
		String petId = newPet(alice, "40.00");
		String bobsPet = newPet(bob, "41.00");
		LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
		on(OrderServiceGrpc.newStub(channel), alice.token()).withDeadlineAfter(30, TimeUnit.SECONDS)
			.watchOrders(WatchOrdersRequest.getDefaultInstance(), collect(received));
		Thread.sleep(1000); // the subscription starts once the call reached the server
		// bob's order is not alice's business
		assertThat(api.withToken(bob.token()).postJson("/v1/orders", "{\"petId\":\"" + bobsPet + "\"}").status()).isEqualTo(201);
		Reply placed = api.withToken(alice.token()).postJson("/v1/orders", "{\"petId\":\"" + petId + "\"}");
		assertThat(placed.status()).isEqualTo(201);
		String orderId = placed.json().get("id").asString();
		Reply paid = api.withToken(alice.token()).postJson("/v1/orders/" + orderId + "/payment",
				"{\"amount\":\"40.00\",\"currency\":\"USD\",\"source\":" + CARD_JSON + "}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

		OrderEvent first = (OrderEvent) received.poll(15, TimeUnit.SECONDS);
		assertThat(first.getOrder().getId()).isEqualTo(orderId);
		assertThat(first.getPreviousStatus()).isEqualTo(OrderStatus.ORDER_STATUS_UNSPECIFIED);
		assertThat(first.getNewStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PLACED);
		OrderEvent second = (OrderEvent) received.poll(15, TimeUnit.SECONDS);
		assertThat(second.getOrder().getId()).isEqualTo(orderId);
		assertThat(second.getPreviousStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PLACED);
		assertThat(second.getNewStatus()).isEqualTo(OrderStatus.ORDER_STATUS_APPROVED);
		assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();

		// watching needs a user's token
		LinkedBlockingQueue<Object> anonymous = new LinkedBlockingQueue<>();
		on(OrderServiceGrpc.newStub(channel), null).watchOrders(WatchOrdersRequest.getDefaultInstance(), collect(anonymous));
		assertThat(anonymous.poll(15, TimeUnit.SECONDS)).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	@Test
	void placeOrdersAnswersEachRequestThenItsLaterStatusChanges() throws Exception {
		Account alice = register("alice");
		String petId = newPet(alice, "60.00");
		LinkedBlockingQueue<Object> received = new LinkedBlockingQueue<>();
		StreamObserver<PlaceOrdersRequest> requests = on(OrderServiceGrpc.newStub(channel), alice.token())
			.withDeadlineAfter(30, TimeUnit.SECONDS)
			.placeOrders(collect(received));
		requests.onNext(PlaceOrdersRequest.newBuilder().setPetId(petId).build());
		requests.onNext(PlaceOrdersRequest.newBuilder().setPetId(UUID.randomUUID().toString()).build());
		requests.onNext(PlaceOrdersRequest.newBuilder().setPetId(petId).build());

		PlaceOrdersResponse first = (PlaceOrdersResponse) received.poll(15, TimeUnit.SECONDS);
		assertThat(first.getRequestIndex()).isZero();
		assertThat(first.getEvent().getNewStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PLACED);
		String orderId = first.getEvent().getOrder().getId();
		PlaceOrdersResponse second = (PlaceOrdersResponse) received.poll(15, TimeUnit.SECONDS);
		assertThat(second.getRequestIndex()).isEqualTo(1);
		assertThat(second.getError().getCode()).isEqualTo("NOT_FOUND");
		PlaceOrdersResponse third = (PlaceOrdersResponse) received.poll(15, TimeUnit.SECONDS);
		assertThat(third.getRequestIndex()).isEqualTo(2);
		assertThat(third.getError().getCode()).isEqualTo("FAILED_PRECONDITION"); // the pet is reserved now

		// paid over REST: the stream tells
		Reply paid = api.withToken(alice.token()).postJson("/v1/orders/" + orderId + "/payment",
				"{\"amount\":\"60.00\",\"currency\":\"USD\",\"source\":" + CARD_JSON + "}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		PlaceOrdersResponse approved = (PlaceOrdersResponse) received.poll(15, TimeUnit.SECONDS);
		assertThat(approved.getRequestIndex()).isZero();
		assertThat(approved.getEvent().getPreviousStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PLACED);
		assertThat(approved.getEvent().getNewStatus()).isEqualTo(OrderStatus.ORDER_STATUS_APPROVED);

		requests.onCompleted();
		assertThat(received.poll(15, TimeUnit.SECONDS)).isEqualTo("completed");

		// without a token the stream is refused at once
		LinkedBlockingQueue<Object> anonymous = new LinkedBlockingQueue<>();
		StreamObserver<PlaceOrdersRequest> refused = on(OrderServiceGrpc.newStub(channel), null).placeOrders(collect(anonymous));
		refused.onNext(PlaceOrdersRequest.newBuilder().setPetId(petId).build());
		assertThat(anonymous.poll(15, TimeUnit.SECONDS)).isEqualTo(Status.Code.UNAUTHENTICATED);
	}

	static <T> StreamObserver<T> collect(LinkedBlockingQueue<Object> received) {
		return new StreamObserver<>() {
			@Override
			public void onNext(T value) {
				received.add(value);
			}

			@Override
			public void onError(Throwable t) {
				received.add(Status.fromThrowable(t).getCode());
			}

			@Override
			public void onCompleted() {
				received.add("completed");
			}
		};
	}

}
