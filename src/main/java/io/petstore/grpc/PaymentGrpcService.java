package io.petstore.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.stub.StreamObserver;
import tools.jackson.databind.JsonNode;

import org.springframework.grpc.server.service.GrpcService;

import io.petstore.grpc.v1.BankAccountType;
import io.petstore.grpc.v1.PayOrderRequest;
import io.petstore.grpc.v1.PayOrderResponse;
import io.petstore.grpc.v1.PaymentServiceGrpc;
import io.petstore.payment.Payment;
import io.petstore.payment.PaymentCurrency;
import io.petstore.payment.PaymentInput;
import io.petstore.payment.Payments;
import io.petstore.payment.SourceInput;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/** {@code petstore.v1.PaymentService} over {@link Payments}: checks, masking and idempotency are the payment module's. */
@GrpcService
class PaymentGrpcService implements PaymentServiceGrpc.AsyncService, io.grpc.BindableService {

	private final Payments payments;

	private final InputValidation validation;

	PaymentGrpcService(Payments payments, InputValidation validation) {
		this.payments = payments;
		this.validation = validation;
	}

	/** The service's definition, with malformed requests answered INVALID_ARGUMENT ({@link MalformedMessages}). */
	@Override
	public io.grpc.ServerServiceDefinition bindService() {
		return MalformedMessages.guarded(PaymentServiceGrpc.bindService(this));
	}

	@Override
	public void payOrder(PayOrderRequest request, StreamObserver<PayOrderResponse> response) {
		Calls.unary(response, call -> {
			var caller = call.user();
			var orderId = Wire.id(request.getOrderId(), "order_id");
			String key = Wire.given(request.getIdempotencyKey());
			if (key != null && (key.isBlank() || key.length() > 255)) {
				throw DomainException.badRequest("Invalid idempotency_key: 1 to 255 characters.");
			}
			List<FieldIssue> issues = new ArrayList<>();
			PaymentInput input = validation.valid(toInput(request, issues), issues);
			Payments.Outcome outcome = payments.pay(caller, orderId, input, key);
			return PayOrderResponse.newBuilder().setPayment(toWire(outcome.payment())).setReplayed(outcome.replayed()).build();
		});
	}

	private static PaymentInput toInput(PayOrderRequest request, List<FieldIssue> issues) {
		PaymentCurrency currency = null;
		if (!request.getCurrency().isEmpty()) {
			try {
				currency = PaymentCurrency.valueOf(request.getCurrency());
			}
			catch (IllegalArgumentException unknown) {
				issues.add(new FieldIssue("currency", "invalid value '" + request.getCurrency() + "': must be one of USD, EUR, GBP, CAD, AUD",
						"invalid_enum"));
			}
		}
		SourceInput source = switch (request.getSourceCase()) {
			case CARD -> {
				var card = request.getCard();
				SourceInput.BillingAddress address = card.hasBillingAddress() ? new SourceInput.BillingAddress(
						Wire.given(card.getBillingAddress().getLine1()), Wire.given(card.getBillingAddress().getLine2()),
						Wire.given(card.getBillingAddress().getCity()), Wire.given(card.getBillingAddress().getState()),
						Wire.given(card.getBillingAddress().getPostalCode()), Wire.given(card.getBillingAddress().getCountry()))
						: null;
				yield new SourceInput.Card(Wire.given(card.getName()), Wire.given(card.getNumber()),
						card.hasExpMonth() ? card.getExpMonth() : null, card.hasExpYear() ? card.getExpYear() : null,
						Wire.given(card.getCvc()), address);
			}
			case BANK_ACCOUNT -> {
				var bank = request.getBankAccount();
				SourceInput.AccountType type = null;
				if (bank.getAccountType() == BankAccountType.BANK_ACCOUNT_TYPE_CHECKING) {
					type = SourceInput.AccountType.CHECKING;
				}
				else if (bank.getAccountType() == BankAccountType.BANK_ACCOUNT_TYPE_SAVINGS) {
					type = SourceInput.AccountType.SAVINGS;
				}
				else if (bank.getAccountTypeValue() != 0) {
					issues.add(new FieldIssue("source.accountType", "invalid value '" + bank.getAccountTypeValue()
							+ "': must be one of CHECKING, SAVINGS", "invalid_enum"));
				}
				yield new SourceInput.BankAccount(Wire.given(bank.getAccountHolderName()), Wire.given(bank.getAccountNumber()),
						Wire.given(bank.getRoutingNumber()), Wire.given(bank.getIban()), type);
			}
			case SOURCE_NOT_SET -> null;
		};
		return new PaymentInput(null, Wire.given(request.getAmount()), currency, source, null, null);
	}

	static io.petstore.grpc.v1.Payment toWire(Payment payment) {
		io.petstore.grpc.v1.Payment.Builder out = io.petstore.grpc.v1.Payment.newBuilder()
			.setId(payment.id().toString())
			.setOrderId(payment.orderId().toString())
			.setAmount(payment.amount().toPlainString())
			.setCurrency(Wire.text(payment.currency()))
			.setStatus(Wire.toWire(payment.status(), "PAYMENT_STATUS_", io.petstore.grpc.v1.PaymentStatus.class))
			.setFailureReason(Wire.text(payment.failureReason()));
		if (payment.source() != null && payment.source().isObject()) {
			out.setSource(struct(payment.source()));
		}
		if (payment.createdAt() != null) {
			out.setCreatedAt(Wire.timestamp(payment.createdAt()));
		}
		return out.build();
	}

	private static Struct struct(JsonNode object) {
		Struct.Builder struct = Struct.newBuilder();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			struct.putFields(property.getKey(), value(property.getValue()));
		}
		return struct.build();
	}

	private static Value value(JsonNode node) {
		if (node == null || node.isNull()) {
			return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
		}
		if (node.isObject()) {
			return Value.newBuilder().setStructValue(struct(node)).build();
		}
		if (node.isArray()) {
			ListValue.Builder list = ListValue.newBuilder();
			node.forEach(item -> list.addValues(value(item)));
			return Value.newBuilder().setListValue(list).build();
		}
		if (node.isBoolean()) {
			return Value.newBuilder().setBoolValue(node.booleanValue()).build();
		}
		if (node.isNumber()) {
			return Value.newBuilder().setNumberValue(node.doubleValue()).build();
		}
		return Value.newBuilder().setStringValue(node.asString()).build();
	}

}
