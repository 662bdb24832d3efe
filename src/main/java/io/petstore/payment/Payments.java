package io.petstore.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.Caller;
import io.petstore.auth.Scopes;
import io.petstore.store.Order;
import io.petstore.store.OrderStatus;
import io.petstore.store.OrderStatusChanged;
import io.petstore.store.Orders;
import io.petstore.tenancy.TenantSeedRequested;
import io.petstore.v1.Ids;
import io.petstore.v1.Money;
import io.petstore.v1.DomainException;
import io.petstore.persistence.Timestamps;

/**
 * Pays orders. The payment, the order's approval, the pet's adoption and the idempotency key are
 * written in one transaction: a retry with the same {@code Idempotency-Key} returns the first
 * payment instead of charging again, and an order is paid at most once whatever the keys.
 */
@Service
public class Payments {

	/** A payment and whether it is the stored answer to an earlier request with the same key. */
	public record Outcome(Payment payment, boolean replayed) {
	}

	private final PaymentRepository payments;

	private final Orders orders;

	private final TransactionTemplate tx;

	private static final String ENTITY = "PAYMENTS";

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	Payments(PaymentRepository payments, Orders orders, TransactionTemplate tx, ApplicationEventPublisher events,
			AuditTrail audit) {
		this.payments = payments;
		this.orders = orders;
		this.tx = tx;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Pays the caller's order. Payments of one order run one after another (the order's row is
	 * locked first), so a retry with the same {@code Idempotency-Key} finds the first payment
	 * committed and replays it; only PLACED orders are paid, for exactly their total.
	 */
	public Outcome pay(Caller caller, UUID orderId, PaymentInput input, String idempotencyKey) {
		caller.require(Scopes.WRITE_ORDERS);
		ObjectNode source = SourceCheck.checkAndMask(input.source());
		String currency = input.currency() == null ? "USD" : input.currency().name();
		BigDecimal amount = Money.parse("amount", input.amount());
		String hash = fingerprint(orderId, amount, currency, source);
		try {
			return tx.execute(status -> {
				Order order = orders.lockForPayment(caller, orderId);
				if (idempotencyKey != null) {
					Outcome earlier = replay(caller, idempotencyKey, orderId, hash);
					if (earlier != null) {
						return earlier;
					}
				}
				order.requirePayable();
				if (!order.amountIs(amount)) {
					throw DomainException.invalid("amount", "must equal the order's totalAmount " + order.totalAmount(), "amount_mismatch");
				}
				if (!currency.equals(order.currency())) {
					throw DomainException.invalid("currency", "must equal the order's currency " + order.currency(), "currency_mismatch");
				}
				UUID paymentId = Ids.newId();
				if (idempotencyKey != null) {
					payments.insertIdempotencyKey(caller.tenant(), caller.userId(), idempotencyKey, hash, orderId, paymentId);
				}
				String declined = input.source() instanceof SourceInput.Card card ? SourceCheck.DECLINED.get(card.number()) : null;
				Payment payment = new Payment(paymentId, orderId, Money.format(amount), currency, source,
						declined == null ? PaymentStatus.SUCCEEDED : PaymentStatus.FAILED, declined,
						Timestamps.now());
				payments.insert(caller.tenant(), caller.userId(), payment);
				audit.record(caller.tenant(), payment.status() == PaymentStatus.SUCCEEDED ? "PAYMENT_SUCCEEDED" : "PAYMENT_FAILED",
						ENTITY, paymentId, null, payment);
				if (payment.status() == PaymentStatus.SUCCEEDED) {
					Order approved = orders.approvePaid(caller.tenant(), orderId, caller.userId().toString());
					events.publishEvent(new PaymentSucceeded(caller.tenant(), payment, approved));
				}
				return new Outcome(payment, false);
			});
		}
		catch (DuplicateKeyException sameKeyForAnotherOrder) {
			// payments of different orders do not wait for each other: the key's first use may have
			// committed (then it answers), or not yet
			Outcome earlier = replay(caller, idempotencyKey, orderId, hash);
			if (earlier != null) {
				return earlier;
			}
			throw DomainException.conflict("A request with this Idempotency-Key is in progress; retry.");
		}
	}

	private Outcome replay(Caller caller, String key, UUID orderId, String hash) {
		var stored = payments.findIdempotencyKey(caller.tenant(), caller.userId(), key).orElse(null);
		if (stored == null) {
			return null;
		}
		if (!stored.requestHash().equals(hash) || !stored.orderId().equals(orderId)) {
			throw new DomainException(DomainException.Kind.INVALID, "idempotency-key-reused",
					"This Idempotency-Key was used for a different request; use a new key for a new payment.", null);
		}
		return new Outcome(payments.find(caller.tenant(), stored.paymentId()).orElseThrow(), true);
	}

	/** Marks the payment of a cancelled paid order refunded (same transaction as the cancel). */
	@EventListener
	void refundOnCancel(OrderStatusChanged event) {
		if (event.newStatus() == OrderStatus.CANCELLED
				&& (event.previousStatus() == OrderStatus.APPROVED || event.previousStatus() == OrderStatus.SHIPPED)) {
			List<Payment> paid = payments.findSucceeded(event.tenant(), event.order().id());
			payments.refundSucceeded(event.tenant(), event.order().id());
			for (Payment refunded : paid) {
				audit.record(event.tenant(), "PAYMENT_REFUNDED", ENTITY, refunded.id(), java.util.Map.of("status", refunded.status()),
						java.util.Map.of("status", PaymentStatus.REFUNDED));
			}
		}
	}

	/** Per currency, the payments made in [from, to): succeeded (revenue) and since refunded. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.List<Revenue> revenue(io.petstore.auth.Admin admin, Instant from, Instant to) {
		return payments.revenue(admin.tenant(), from, to);
	}

	@EventListener
	void seed(TenantSeedRequested event) {
		if (event.reset()) {
			payments.deleteAll(event.tenant());
		}
	}

	private static String fingerprint(UUID orderId, BigDecimal amount, String currency, ObjectNode maskedSource) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			String canonical = orderId + "|" + Money.format(amount) + "|" + currency + "|" + maskedSource;
			return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}


	/**
	 * The payment of each of these orders of the caller's (read:orders), in one query: the
	 * successful (or refunded) one, else the last attempt. Orders of other users are left out.
	 */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.Map<UUID, Payment> ofOrders(Caller caller, java.util.Collection<UUID> orderIds) {
		caller.require(Scopes.READ_ORDERS);
		return byOrder(payments.findByOrders(caller.tenant(), caller.userId(), new java.util.LinkedHashSet<>(orderIds)));
	}

	/** As {@link #ofOrders(Caller, java.util.Collection)}, for an administrator: any user's orders. */
	@org.springframework.transaction.annotation.Transactional(readOnly = true)
	public java.util.Map<UUID, Payment> ofOrders(io.petstore.auth.Admin admin, java.util.Collection<UUID> orderIds) {
		return byOrder(payments.findByOrders(admin.tenant(), null, new java.util.LinkedHashSet<>(orderIds)));
	}

	private static java.util.Map<UUID, Payment> byOrder(List<Payment> oldestFirst) {
		java.util.Map<UUID, Payment> chosen = new java.util.LinkedHashMap<>();
		for (Payment payment : oldestFirst) {
			Payment earlier = chosen.get(payment.orderId());
			boolean settled = earlier != null
					&& (earlier.status() == PaymentStatus.SUCCEEDED || earlier.status() == PaymentStatus.REFUNDED);
			if (!settled) {
				chosen.put(payment.orderId(), payment);
			}
		}
		return chosen;
	}

}
