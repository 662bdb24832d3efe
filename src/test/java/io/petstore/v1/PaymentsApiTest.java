package io.petstore.v1;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsApiTest extends ModernApiTest {

	@Autowired
	JdbcClient jdbc;

	private Account buyer;

	private ApiClient client;

	private String order(String price) {
		buyer = register(uniqueName("payer"));
		client = as(buyer);
		String petId = createPet(client, "Paid", price);
		return placeOrder(client, petId).get("id").asString();
	}

	private Reply pay(String orderId, String amount, String source, String... headers) {
		return client.postJson("/v1/orders/" + orderId + "/payment",
				"{\"amount\":\"" + amount + "\",\"currency\":\"USD\",\"source\":" + source + "}", headers);
	}

	private String petOf(String orderId) {
		return client.get("/v1/orders/" + orderId).json().get("petId").asString();
	}

	@Test
	void aCardPaymentApprovesTheOrderAndAdoptsThePetAndStoresNoCardNumber() {
		String orderId = order("250.00");
		Reply paid = pay(orderId, "250.00", CARD);
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		assertThat(paid.json().get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(paid.json().get("orderId").asString()).isEqualTo(orderId);
		assertThat(paid.json().get("source").get("number").asString()).isEqualTo("************4242");
		assertThat(paid.json().get("source").get("brand").asString()).isEqualTo("VISA");
		assertThat(paid.json().get("source").get("last4").asString()).isEqualTo("4242");
		assertThat(paid.body()).doesNotContain("4242424242424242").doesNotContain("cvc");
		assertThat(client.get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(api.get("/v1/pets/" + petOf(orderId)).json().get("status").asString()).isEqualTo("ADOPTED");

		List<String> stored = jdbc.sql("SELECT source_json FROM payment WHERE order_id = ?").param(UUID.fromString(orderId))
			.query(String.class).list();
		assertThat(stored).hasSize(1);
		assertThat(stored.get(0)).doesNotContain("4242424242424242").doesNotContain("cvc").doesNotContain("\"123\"");

		assertProblem(pay(orderId, "250.00", CARD), 409, "conflict");
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReturnsTheFirstPayment() {
		String orderId = order("80.00");
		Reply first = pay(orderId, "80.00", CARD, "Idempotency-Key", "key-1");
		Reply retry = pay(orderId, "80.00", CARD, "Idempotency-Key", "key-1");
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		assertThat(paymentsOf(orderId)).isEqualTo(1);
		Reply reused = pay(orderId, "80", CARD.replace("\"cvc\":\"123\"", "\"cvc\":\"999\"").replace("Kyle Kihn", "Someone Else"),
				"Idempotency-Key", "key-1");
		assertProblem(reused, 422, "idempotency-key-reused");
		assertThat(paymentsOf(orderId)).isEqualTo(1);
	}

	@Test
	void concurrentRetriesWithOneKeyChargeOnce() throws Exception {
		String orderId = order("15.00");
		List<Callable<Reply>> retries = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			retries.add(() -> pay(orderId, "15.00", CARD, "Idempotency-Key", "same-key"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(12);
		Set<String> ids = new HashSet<>();
		try {
			for (Future<Reply> reply : pool.invokeAll(retries)) {
				assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(201);
				ids.add(reply.get().json().get("id").asString());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(ids).hasSize(1);
		assertThat(paymentsOf(orderId)).isEqualTo(1);
	}

	@Test
	void concurrentPaymentsWithDifferentKeysChargeOnce() throws Exception {
		String orderId = order("15.00");
		List<Callable<Reply>> payments = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String key = "key-" + i;
			payments.add(() -> pay(orderId, "15.00", CARD, "Idempotency-Key", key));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Integer> statuses = new ArrayList<>();
		try {
			for (Future<Reply> reply : pool.invokeAll(payments)) {
				statuses.add(reply.get().status());
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(statuses).as("one payment, the others find the order paid").containsOnly(201, 409);
		assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
		assertThat(paymentsOf(orderId)).isEqualTo(1);
	}

	@Test
	void aDeclinedCardLeavesTheOrderPlacedForAnotherTry() {
		String orderId = order("30.00");
		Reply declined = pay(orderId, "30.00", CARD.replace("4242424242424242", "4000000000000002"));
		assertThat(declined.status()).isEqualTo(201);
		assertThat(declined.json().get("status").asString()).isEqualTo("FAILED");
		assertThat(declined.json().get("failureReason").asString()).isEqualTo("card_declined");
		assertThat(client.get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("PLACED");
		assertThat(api.get("/v1/pets/" + petOf(orderId)).json().get("status").asString()).isEqualTo("PENDING");
		assertThat(pay(orderId, "30.00", CARD).json().get("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void cardDetailsAreChecked() {
		String orderId = order("30.00");
		assertField(pay(orderId, "30.00", CARD.replace("4242424242424242", "4242424242424241")), "source.number");
		assertField(pay(orderId, "30.00", CARD.replace("\"expYear\":2031", "\"expYear\":2025")), "source.expYear");
		assertField(pay(orderId, "30.00", CARD.replace("\"expMonth\":12", "\"expMonth\":13")), "source.expMonth");
		assertField(pay(orderId, "30.00", CARD.replace("4242424242424242", "378282246310005")), "source.cvc");
		assertField(pay(orderId, "30.00", CARD.replace("\"cvc\":\"123\"", "\"cvc\":\"12a\"")), "source.cvc");
		assertField(pay(orderId, "30.00", CARD.replace("4242424242424242", "4242-4242-4242-4242")), "source.number");
		assertField(pay(orderId, "31.00", CARD), "amount");
		assertField(pay(orderId, "-30.00", CARD), "amount");
		assertField(pay(orderId, "30.00", CARD.replace("\"card\"", "\"cash\"")), "source.object");
		assertField(pay(orderId, "30.00", CARD.replace("\"name\"", "\"addressLine1\":\"1 Main St\",\"name\"")), "source.addressLine1");
		assertField(client.postJson("/v1/orders/" + orderId + "/payment", "{\"amount\":\"30.00\"}"), "source");
		assertField(client.postJson("/v1/orders/" + orderId + "/payment",
				"{\"amount\":\"30.00\",\"currency\":\"EUR\",\"source\":" + CARD + "}"), "currency");
		assertThat(paymentsOf(orderId)).isZero();
		assertThat(client.get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("PLACED");
		// an American Express card with its 4-digit CVC is fine
		Reply amex = pay(orderId, "30.00", CARD.replace("4242424242424242", "378282246310005").replace("\"123\"", "\"1234\""));
		assertThat(amex.json().get("source").get("brand").asString()).isEqualTo("AMEX");
	}

	@Test
	void bankAccountsAreCheckedByTheirCheckDigits() {
		String orderId = order("20.00");
		String bank = "{\"object\":\"bank_account\",\"accountHolderName\":\"Kyle Kihn\",\"accountNumber\":\"000123456789\","
				+ "\"routingNumber\":\"011000015\",\"accountType\":\"CHECKING\"}";
		assertField(pay(orderId, "20.00", bank.replace("011000015", "011000016")), "source.routingNumber");
		String iban = "{\"object\":\"bank_account\",\"accountHolderName\":\"Kyle Kihn\",\"iban\":\"DE89370400440532013001\","
				+ "\"accountType\":\"SAVINGS\"}";
		assertField(pay(orderId, "20.00", iban), "source.iban");
		Reply paid = pay(orderId, "20.00", bank);
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		assertThat(paid.json().get("source").get("accountNumber").asString()).isEqualTo("********6789");
		assertThat(paid.body()).doesNotContain("000123456789");

		String second = order("20.00");
		Reply byIban = pay(second, "20.00", iban.replace("3001", "3000"));
		assertThat(byIban.status()).as(byIban.toString()).isEqualTo(201);
		assertThat(byIban.json().get("source").get("iban").asString()).isEqualTo("DE****************3000");
	}

	@Test
	void onlyTheOwnerPaysAndOnlyPlacedOrders() {
		String orderId = order("25.00");
		ApiClient stranger = as(register(uniqueName("stranger")));
		assertProblem(stranger.postJson("/v1/orders/" + orderId + "/payment",
				"{\"amount\":\"25.00\",\"source\":" + CARD + "}"), 403, "forbidden");
		assertProblem(api.postJson("/v1/orders/" + orderId + "/payment", "{\"amount\":\"25.00\",\"source\":" + CARD + "}"), 401,
				"unauthorized");
		assertProblem(pay(UUID.randomUUID().toString(), "25.00", CARD), 404, "not-found");
		assertThat(client.delete("/v1/orders/" + orderId).status()).isEqualTo(204);
		assertProblem(pay(orderId, "25.00", CARD), 409, "conflict");
		assertThat(paymentsOf(orderId)).isZero();
	}

	@Test
	void cancellingAPaidOrderRefundsItAndReleasesThePet() {
		String orderId = order("60.00");
		assertThat(pay(orderId, "60.00", CARD).status()).isEqualTo(201);
		assertThat(client.delete("/v1/orders/" + orderId).status()).isEqualTo(204);
		assertThat(api.get("/v1/pets/" + petOf(orderId)).json().get("status").asString()).isEqualTo("AVAILABLE");
		assertThat(jdbc.sql("SELECT status FROM payment WHERE order_id = ?").param(UUID.fromString(orderId)).query(String.class)
			.single()).isEqualTo("REFUNDED");
	}

	private long paymentsOf(String orderId) {
		return jdbc.sql("SELECT COUNT(*) FROM payment WHERE order_id = ?").param(UUID.fromString(orderId)).query(Long.class).single();
	}

	private static void assertField(Reply reply, String field) {
		assertProblem(reply, 422, "validation-error");
		assertThat(reply.json().get("errors").findValuesAsString("field")).as(reply.toString()).contains(field);
	}

}
