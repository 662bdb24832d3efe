package io.petstore.v1;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.store.Orders;
import io.petstore.support.ApiClient;
import io.petstore.support.Receiver;
import io.petstore.support.Receiver.Answer;
import io.petstore.support.Reply;
import io.petstore.tenancy.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhooks end to end: subscriptions over the API, events written with their change, delivered to a
 * real HTTP receiver on 127.0.0.1 (allow-listed in the test configuration), signed, retried on the
 * schedule (300 ms between tries in the tests), recorded, redelivered; internal targets refused.
 */
class WebhooksTest extends ModernApiTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private Receiver receiver;

	@BeforeEach
	void startReceiver() {
		receiver = new Receiver();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void subscriptionsBelongToTheirOwnerAndTheSecretIsShownOnce() {
		Account owner = register(uniqueName("hooker"));
		Account other = register(uniqueName("other"));
		ApiClient client = as(owner);

		Reply created = client.postJson("/v1/webhooks", "{\"url\":\"" + receiver.url("/hooks") + "\",\"events\":[\"order.statusChanged\","
				+ "\"payment.succeeded\",\"order.statusChanged\"],\"description\":\"my shop\"}");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode webhook = created.json();
		String id = webhook.get("id").asString();
		assertThat(created.header("Location")).endsWith("/v1/webhooks/" + id);
		assertThat(webhook.get("secret").asString()).startsWith("whsec_");
		assertThat(webhook.get("active").asBoolean()).isTrue();
		assertThat(webhook.get("events").toString()).isEqualTo("[\"order.statusChanged\",\"payment.succeeded\"]");

		JsonNode read = client.get("/v1/webhooks/" + id).json();
		assertThat(read.has("secret")).isFalse();
		assertThat(read.get("url").asString()).isEqualTo(receiver.url("/hooks"));
		JsonNode list = client.get("/v1/webhooks").json();
		assertThat(list.get("pagination").get("totalItems").asLong()).isEqualTo(1);
		assertThat(list.get("data").get(0).has("secret")).isFalse();

		Reply updated = client.send("PATCH", "/v1/webhooks/" + id, "application/json", "{\"active\":false,\"events\":[\"order.created\"]}");
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("active").asBoolean()).isFalse();
		assertThat(updated.json().get("description").asString()).isEqualTo("my shop");
		assertThat(client.get("/v1/webhooks/" + id).json().get("events").get(0).asString()).isEqualTo("order.created");

		// someone else's: 403, and nothing changes; another tenant: 404; no token: 401
		ApiClient stranger = as(other);
		assertProblem(stranger.get("/v1/webhooks/" + id), 403, "forbidden");
		assertProblem(stranger.send("PATCH", "/v1/webhooks/" + id, "application/json", "{\"active\":true}"), 403, "forbidden");
		assertProblem(stranger.delete("/v1/webhooks/" + id), 403, "forbidden");
		assertProblem(stranger.postJson("/v1/webhooks/" + id + "/test", null), 403, "forbidden");
		assertThat(stranger.get("/v1/webhooks").json().get("pagination").get("totalItems").asLong()).isZero();
		assertThat(client.get("/v1/webhooks/" + id).json().get("active").asBoolean()).isFalse();
		ApiClient elsewhere = new ApiClient(base(), null, UUID.randomUUID()).withModernValidator(modernValidator());
		assertThat(elsewhere.get("/v1/webhooks/" + id).status()).isEqualTo(401);
		assertProblem(new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).get("/v1/webhooks"), 401,
				"unauthorized");

		// the audit log has the change, with the secret redacted
		JsonNode audit = admin().get("/v1/admin/audit-logs?entityType=WEBHOOKS&entityId=" + id).json();
		assertThat(audit.get("pagination").get("totalItems").asLong()).isEqualTo(2);
		assertThat(audit.toString()).doesNotContain(webhook.get("secret").asString()).contains("[redacted]");

		assertThat(client.delete("/v1/webhooks/" + id).status()).isEqualTo(204);
		assertProblem(client.get("/v1/webhooks/" + id), 404, "not-found");
		assertThat(receiver.received()).isEmpty();
	}

	@Test
	void orderAndPaymentEventsArriveSignedAndMatchTheDocument() throws Exception {
		Account buyer = register(uniqueName("buyer"));
		Account bystander = register(uniqueName("bystander"));
		ApiClient client = as(buyer);
		String secret = createWebhook(client, receiver.url("/events"), "order.created", "order.statusChanged", "payment.succeeded")
			.get("secret").asString();
		String pet = createPet(client, uniqueName("Hooky"), "80.00");
		String orderId = placeOrder(client, pet).get("id").asString();
		// a refused order (the pet is taken) writes no event: the event commits or rolls back with its change
		assertThat(as(bystander).postJson("/v1/orders", "{\"petId\":\"" + pet + "\"}").status()).isEqualTo(409);
		Reply paid = client.postJson("/v1/orders/" + orderId + "/payment", "{\"amount\":\"80.00\",\"currency\":\"USD\",\"source\":" + CARD + "}");
		assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
		// another user's order does not reach this webhook
		placeOrder(as(bystander), createPet(client, uniqueName("Other"), "5.00"));

		List<Receiver.Request> requests = receiver.await(3, WAIT, r -> true);
		Thread.sleep(500);
		assertThat(receiver.received()).hasSize(3);
		Webhook verifier = new Webhook(secret);
		Set<String> ids = new java.util.HashSet<>();
		for (Receiver.Request request : requests) {
			verifier.verify(request.body(), request.headers()); // throws unless id.timestamp.body is signed with the secret
			assertThat(request.header("X-Webhook-Signature")).isEqualTo("sha256=" + hmacHex(secret, request.body()));
			assertThat(request.header("Content-Type")).startsWith("application/json");
			JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(request.body());
			assertThat(request.header("webhook-id")).isEqualTo(body.get("eventId").asString());
			assertThat(Long.parseLong(request.header("webhook-timestamp"))).isCloseTo(System.currentTimeMillis() / 1000,
					org.assertj.core.data.Offset.offset(60L));
			ids.add(body.get("eventId").asString());
			String name = switch (body.get("eventType").asString()) {
				case "order.created" -> "orderCreated";
				case "order.statusChanged" -> "orderStatusChanged";
				case "payment.succeeded" -> "paymentSucceeded";
				default -> throw new AssertionError("unexpected event " + body);
			};
			modernValidator().validateOutgoing("/webhooks/" + name + "/post/requestBody/content/application~1json", request.body());
			assertThat(body.get("data").get("order").get("id").asString()).isEqualTo(orderId);
		}
		assertThat(ids).hasSize(3);
		JsonNode changed = event(requests, "order.statusChanged").get("data");
		assertThat(changed.get("previousStatus").asString()).isEqualTo("PLACED");
		assertThat(changed.get("newStatus").asString()).isEqualTo("APPROVED");
		assertThat(changed.get("changedBy").asString()).isEqualTo(buyer.id());
		JsonNode payment = event(requests, "payment.succeeded").get("data").get("payment");
		assertThat(payment.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(payment.toString()).doesNotContain("4242424242424242").doesNotContain("cvc");

		// a tampered body does not verify
		Receiver.Request first = requests.get(0);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(first.body().replace("APPROVED", "CANCELLED")
			.replace("PLACED", "CANCELLED") + " ", first.headers())).isInstanceOf(Exception.class);

		// the deliveries are listed as succeeded after one attempt
		JsonNode deliveries = client.get("/v1/webhook-deliveries?status=SUCCEEDED").json();
		assertThat(deliveries.get("pagination").get("totalItems").asLong()).isEqualTo(3);
		for (JsonNode delivery : deliveries.get("data")) {
			assertThat(delivery.get("attemptCount").asInt()).isEqualTo(1);
			assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
		}
		assertThat(as(bystander).get("/v1/webhook-deliveries").json().get("pagination").get("totalItems").asLong()).isZero();
	}

	@Autowired
	private TransactionTemplate tx;

	@Autowired
	private Orders orders;

	/** The outbox row is written in the transaction of the change: both commit, or neither. */
	@Test
	void anEventCommitsOrRollsBackWithItsChange() {
		Account account = register(uniqueName("atomic"));
		ApiClient client = as(account);
		createWebhook(client, receiver.url("/atomic"), "order.statusChanged");
		String orderId = placeOrder(client, MAX).get("id").asString();
		Tenant mine = new Tenant(tenant);

		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			orders.approvePaid(mine, UUID.fromString(orderId), "system");
			throw new IllegalStateException("the change fails after its event was written");
		})).hasMessageContaining("fails");
		assertThat(client.get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("PLACED");
		assertThat(client.get("/v1/webhook-deliveries").json().get("pagination").get("totalItems").asLong()).isZero();

		tx.executeWithoutResult(status -> orders.approvePaid(mine, UUID.fromString(orderId), "system"));
		JsonNode event = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(receiver.await(1, WAIT, r -> true).get(0).body());
		assertThat(event.get("data").get("newStatus").asString()).isEqualTo("APPROVED");
		assertThat(event.get("data").get("changedBy").asString()).isEqualTo("system");
		assertThat(client.get("/v1/webhook-deliveries").json().get("pagination").get("totalItems").asLong()).isEqualTo(1);
	}

	@Test
	void failedAttemptsAreRetriedOnTheScheduleUntilOneSucceeds() throws Exception {
		Account account = register(uniqueName("retry"));
		ApiClient client = as(account);
		String bigError = "x".repeat(5000);
		receiver.then(new Answer(500, bigError, Duration.ZERO, null), Answer.slow(Duration.ofMillis(1800)), Answer.status(503));
		String webhookId = createWebhook(client, receiver.url("/flaky"), "order.created").get("id").asString();
		placeOrder(client, MAX);

		List<Receiver.Request> requests = receiver.await(4, WAIT, r -> true);
		JsonNode delivery = awaitFinal(client, onlyDelivery(client, webhookId));
		assertThat(delivery.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(delivery.get("attemptCount").asInt()).isEqualTo(4);
		JsonNode attempts = delivery.get("attempts");
		assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(500);
		assertThat(attempts.get(0).get("responseBody").asString()).hasSize(1024);
		assertThat(attempts.get(1).has("statusCode")).isFalse();
		assertThat(attempts.get(1).get("error").asString()).startsWith("timeout");
		assertThat(attempts.get(1).get("latencyMs").asInt()).isBetween(900, 3500);
		assertThat(attempts.get(2).get("statusCode").asInt()).isEqualTo(503);
		assertThat(attempts.get(3).get("statusCode").asInt()).isEqualTo(200);
		// one event: the same webhook-id and body on every attempt, at least the configured delay apart
		assertThat(requests.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
		assertThat(requests.stream().map(Receiver.Request::body).distinct()).hasSize(1);
		for (int i = 1; i < requests.size(); i++) {
			assertThat(Duration.between(requests.get(i - 1).at(), requests.get(i).at()).toMillis()).isGreaterThanOrEqualTo(290);
		}
		assertThat(delivery.get("payload").get("eventId").asString()).isEqualTo(requests.get(0).header("webhook-id"));
		Thread.sleep(700);
		assertThat(receiver.received()).hasSize(4);
	}

	@Test
	void aDeliveryGivesUpAfterTheLastTryAndCanBeRedelivered() throws Exception {
		Account account = register(uniqueName("giveup"));
		ApiClient client = as(account);
		receiver.otherwise(Answer.status(503));
		String webhookId = createWebhook(client, receiver.url("/down"), "order.created").get("id").asString();
		placeOrder(client, MAX);
		String deliveryId = onlyDelivery(client, webhookId);

		JsonNode failed = awaitFinal(client, deliveryId);
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("attemptCount").asInt()).isEqualTo(5);
		assertThat(failed.has("nextAttemptAt")).isFalse();
		Thread.sleep(800);
		assertThat(receiver.received()).hasSize(5);

		receiver.otherwise(Answer.status(204));
		Reply redelivered = client.postJson("/v1/webhook-deliveries/" + deliveryId + "/redeliver", null);
		assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(202);
		JsonNode done = awaitFinal(client, deliveryId);
		assertThat(done.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(done.get("attemptCount").asInt()).isEqualTo(6);
		assertThat(receiver.received().stream().map(r -> r.header("webhook-id")).distinct()).hasSize(1);
		// a succeeded delivery can be sent again too (a receiver that lost it); a pending one cannot
		assertThat(client.postJson("/v1/webhook-deliveries/" + deliveryId + "/redeliver", null).status()).isEqualTo(202);
		receiver.await(7, WAIT, r -> true);
		assertThat(as(register(uniqueName("nosy"))).postJson("/v1/webhook-deliveries/" + deliveryId + "/redeliver", null).status())
			.isEqualTo(403);
		assertProblem(client.postJson("/v1/webhook-deliveries/" + UUID.randomUUID() + "/redeliver", null), 404, "not-found");
	}

	@Test
	void aTestEventReachesTheWebhookAndIsListed() {
		Account account = register(uniqueName("tester"));
		ApiClient client = as(account);
		JsonNode webhook = createWebhook(client, receiver.url("/test"), "payment.succeeded");
		Reply queued = client.postJson("/v1/webhooks/" + webhook.get("id").asString() + "/test", null);
		assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
		assertThat(queued.json().get("eventType").asString()).isEqualTo("webhook.test");
		assertThat(queued.json().get("kind").asString()).isEqualTo("WEBHOOK");
		Receiver.Request request = receiver.await(1, WAIT, r -> true).get(0);
		modernValidator().validateOutgoing("/webhooks/webhookTest/post/requestBody/content/application~1json", request.body());
		assertThat(request.header("webhook-id")).isEqualTo(queued.json().get("eventId").asString());
		JsonNode listed = client.get("/v1/webhook-deliveries?webhookId=" + webhook.get("id").asString() + "&eventType=webhook.test").json();
		assertThat(listed.get("data").get(0).get("id").asString()).isEqualTo(queued.json().get("id").asString());

		// an inactive webhook gets no events and no tests
		client.send("PATCH", "/v1/webhooks/" + webhook.get("id").asString(), "application/json", "{\"active\":false}");
		assertProblem(client.postJson("/v1/webhooks/" + webhook.get("id").asString() + "/test", null), 409, "conflict");
	}

	@Test
	void internalTargetsAreRefusedWhenGivenAndAtEveryConnection() throws Exception {
		Account account = register(uniqueName("ssrf"));
		ApiClient client = as(account);
		int port = receiver.port();
		List<String> refused = List.of("http://127.0.0.2:" + port + "/", "http://[::1]:" + port + "/", "http://ip6-localhost:" + port + "/",
				"http://169.254.169.254/latest/meta-data/", "http://metadata.petstore.test/", "http://intranet.petstore.test/",
				"http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.5.4/", "http://0.0.0.0:" + port + "/",
				"http://[::ffff:127.0.0.2]:" + port + "/", "http://100.100.100.200/", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
				"http://224.0.0.1/");
		for (String url : refused) {
			Reply reply = client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"order.created\"]}");
			assertProblem(reply, 422, "validation-error");
			assertThat(reply.json().get("errors").get(0).get("code").asString()).as(url).isEqualTo("target_not_allowed");
		}
		for (String url : List.of("ftp://example.com/", "http://user:pw@127.0.0.1:" + port + "/", "not a url", "/relative",
				"http://nowhere.petstore.test/")) {
			Reply reply = client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"order.created\"]}");
			assertProblem(reply, 422, "validation-error");
		}
		assertThat(client.get("/v1/webhooks").json().get("pagination").get("totalItems").asLong()).isZero();
		assertProblem(client.postJson("/v1/orders/" + placeOrder(client, createPet(client, uniqueName("Cb"), "1.00")).get("id").asString(),
				"{\"amount\":\"1.00\",\"currency\":\"USD\",\"timestamp\":\"1\",\"callbackUrl\":\"http://169.254.169.254/\"}"), 422,
				"validation-error");
		String ok = createWebhook(client, receiver.url("/ok"), "order.created").get("id").asString();
		assertProblem(client.send("PATCH", "/v1/webhooks/" + ok, "application/json", "{\"url\":\"http://10.1.1.1/\"}"), 422,
				"validation-error");

		// at delivery time: redirects to internal addresses (by name or literal) are not followed; an allowed one is
		receiver.then(Answer.redirect("http://intranet.petstore.test:" + port + "/in"), Answer.redirect("http://127.0.0.2:" + port + "/lo"),
				Answer.redirect(receiver.url("/final")));
		String testDelivery = client.postJson("/v1/webhooks/" + ok + "/test", null).json().get("id").asString();
		JsonNode delivery = awaitFinal(client, testDelivery);
		assertThat(delivery.get("status").asString()).isEqualTo("SUCCEEDED");
		JsonNode attempts = delivery.get("attempts");
		assertThat(attempts.get(0).get("error").asString()).startsWith("refused: intranet.petstore.test resolves to 10.20.30.40");
		assertThat(attempts.get(1).get("error").asString()).startsWith("refused: 127.0.0.2 resolves to 127.0.0.2, a loopback address");
		assertThat(attempts.get(2).get("statusCode").asInt()).isEqualTo(200);
		assertThat(receiver.received().stream().map(Receiver.Request::path).toList()).containsExactly("/ok", "/ok", "/ok", "/final");
	}

	/**
	 * Hosts that HTTP clients read as IPv4 addresses, but not all as the same one: Java reads
	 * {@code 0177.0.0.1} as 177.0.0.1, browsers and curl as 127.0.0.1. Refused as webhook URLs,
	 * callback URLs and redirect targets, whatever they point to (127.0.0.1 is allowed here).
	 */
	@Test
	void ambiguousIpv4SpellingsAreRefused() throws Exception {
		ApiClient client = as(register(uniqueName("octal")));
		int port = receiver.port();
		String orderId = placeOrder(client, createPet(client, uniqueName("Oct"), "1.00")).get("id").asString();
		String ok = createWebhook(client, receiver.url("/ok"), "order.created").get("id").asString();
		List<String> ambiguous = List.of("0177.0.0.1", "127.0.0.01", "0x7f.0.0.1", "0X7F.0.0.1", "2130706433", "017700000001",
				"0x7f000001", "127.1", "127.0.1", "127.0.0.1.", "0177.0.0.1.", "08.0.0.1", "1.2.3.4.5", "%30177.0.0.1",
				"\uff10\uff11\uff17\uff17.0.0.1");
		for (String host : ambiguous) {
			String url = "http://" + host + ":" + port + "/x";
			for (Reply reply : List.of(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"order.created\"]}"),
					client.send("PATCH", "/v1/webhooks/" + ok, "application/json", "{\"url\":\"" + url + "\"}"),
					client.postJson("/v1/orders/" + orderId, "{\"amount\":\"1.00\",\"currency\":\"USD\",\"timestamp\":\"1\","
							+ "\"callbackUrl\":\"" + url + "\"}"))) {
				assertProblem(reply, 422, "validation-error");
				assertThat(reply.json().get("errors").get(0).get("code").asString()).as(url + ": " + reply).isEqualTo("ambiguous_ipv4");
			}
		}
		assertThat(client.get("/v1/webhooks").json().get("pagination").get("totalItems").asLong()).isEqualTo(1);
		assertThat(client.get("/v1/webhooks/" + ok).json().get("url").asString()).isEqualTo(receiver.url("/ok"));
		// no callback was queued
		assertThat(client.get("/v1/webhook-deliveries").json().get("pagination").get("totalItems").asLong()).isZero();

		// a redirect to such a host is not followed either
		receiver.then(Answer.redirect("http://2130706433:" + port + "/int"), Answer.redirect(receiver.url("/final")));
		String delivery = client.postJson("/v1/webhooks/" + ok + "/test", null).json().get("id").asString();
		JsonNode attempts = awaitFinal(client, delivery).get("attempts");
		assertThat(attempts.get(0).get("error").asString()).startsWith("refused: 2130706433 is an IPv4 address in an ambiguous form");
		assertThat(receiver.received().stream().map(Receiver.Request::path).toList()).containsExactly("/ok", "/ok", "/final");
	}

	@Test
	void theOrderCallbackIsDeliveredAsDocumented() {
		Account account = register(uniqueName("caller"));
		ApiClient client = as(account);
		String pet = createPet(client, uniqueName("Callie"), "250.00");
		String orderId = placeOrder(client, pet).get("id").asString();
		ApiClient anonymous = new ApiClient(base(), null, tenant).withModernValidator(modernValidator());

		Reply accepted = anonymous.postJson("/v1/orders/" + orderId, "{\"amount\":\"250.00\",\"currency\":\"USD\",\"timestamp\":\"1640995200\","
				+ "\"callbackUrl\":\"" + receiver.url("/callback") + "\"}");
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
		assertThat(accepted.body()).isEqualTo("{}");
		Receiver.Request callback = receiver.await(1, WAIT, r -> true).get(0);
		modernValidator().validateOutgoing("/paths/~1orders~1{id}/post/callbacks/orderProcessed/{$request.body#~1callbackUrl}/post/requestBody"
				+ "/content/application~1json", callback.body());
		JsonNode body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(callback.body());
		assertThat(body.get("orderId").asString()).isEqualTo(orderId);
		assertThat(body.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(body.get("result").get("processingDetails").get("approvalCode").asString()).hasSize(6);
		assertThat(callback.header("webhook-id")).isEqualTo(body.get("requestId").asString());
		assertThat(callback.header("webhook-signature")).isNull();

		// a wrong amount is processed too, and FAILS
		client.postJson("/v1/orders/" + orderId, "{\"amount\":\"1.00\",\"currency\":\"USD\",\"timestamp\":\"x\",\"callbackUrl\":\""
				+ receiver.url("/callback") + "\"}");
		JsonNode failed = tools.jackson.databind.json.JsonMapper.builder().build()
			.readTree(receiver.await(2, WAIT, r -> true).get(1).body());
		assertThat(failed.get("status").asString()).isEqualTo("FAILED");
		assertThat(failed.get("result").get("reason").asString()).contains("250.00");

		// the owner sees both callbacks among the deliveries; another user gets 403 with a token
		JsonNode listed = client.get("/v1/webhook-deliveries?eventType=orderProcessed").json();
		assertThat(listed.get("pagination").get("totalItems").asLong()).isEqualTo(2);
		assertThat(listed.get("data").get(0).get("kind").asString()).isEqualTo("CALLBACK");
		assertThat(listed.get("data").get(0).has("webhookId")).isFalse();
		assertProblem(as(register(uniqueName("snoop"))).postJson("/v1/orders/" + orderId, "{\"amount\":\"1.00\",\"currency\":\"USD\","
				+ "\"timestamp\":\"x\",\"callbackUrl\":\"" + receiver.url("/callback") + "\"}"), 403, "forbidden");
		assertProblem(anonymous.postJson("/v1/orders/" + UUID.randomUUID(), "{\"amount\":\"1.00\",\"currency\":\"USD\","
				+ "\"timestamp\":\"x\",\"callbackUrl\":\"" + receiver.url("/callback") + "\"}"), 404, "not-found");
	}

	@Test
	void badInputGetsAClearClientError() {
		Account account = register(uniqueName("badin"));
		ApiClient client = as(account);
		String url = receiver.url("/x");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":"), 400, "bad-request");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"pet.adopted\"]}"), 422, "validation-error");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[]}"), 422, "validation-error");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\"}"), 422, "validation-error");
		assertProblem(client.postJson("/v1/webhooks", "{\"events\":[\"order.created\"]}"), 422, "validation-error");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"order.created\"],\"color\":\"red\"}"), 422,
				"validation-error");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":\"order.created\"}"), 422, "validation-error");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"order.created\"],\"active\":\"yes\"}"), 422,
				"validation-error");
		assertProblem(client.postJson("/v1/webhooks", "{\"url\":\"" + url + "/" + "a".repeat(2100) + "\",\"events\":[\"order.created\"]}"),
				422, "validation-error");
		assertProblem(client.get("/v1/webhooks/not-a-uuid"), 400, "bad-request");
		assertProblem(client.get("/v1/webhook-deliveries?status=LOST"), 400, "bad-request");
		assertProblem(client.get("/v1/webhook-deliveries?webhookId=nope"), 400, "bad-request");
		assertProblem(client.get("/v1/webhooks?limit=101"), 400, "bad-request");
		String orderId = placeOrder(client, MAX).get("id").asString();
		assertProblem(client.postJson("/v1/orders/" + orderId, "{\"amount\":\"ten\",\"currency\":\"USD\",\"timestamp\":\"1\",\"callbackUrl\":\""
				+ url + "\"}"), 422, "validation-error");
		assertProblem(client.postJson("/v1/orders/" + orderId, "{\"amount\":\"1.00\",\"currency\":\"usd\",\"timestamp\":\"1\",\"callbackUrl\":\""
				+ url + "\"}"), 422, "validation-error");
		assertProblem(client.postJson("/v1/orders/" + orderId, "{\"amount\":\"1.00\",\"currency\":\"USD\",\"timestamp\":\"1\"}"), 422,
				"validation-error");
		assertProblem(client.postJson("/v1/orders/" + orderId, "{\"amount\":\"1.00\""), 400, "bad-request");
		assertThat(client.get("/v1/webhooks").json().get("pagination").get("totalItems").asLong()).isZero();
		assertThat(client.get("/v1/webhook-deliveries").json().get("pagination").get("totalItems").asLong()).isZero();
		assertThat(receiver.received()).isEmpty();
	}

	private JsonNode createWebhook(ApiClient client, String url, String... events) {
		String list = java.util.Arrays.stream(events).map(e -> "\"" + e + "\"").collect(Collectors.joining(","));
		Reply reply = client.postJson("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[" + list + "]}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json();
	}

	private static String onlyDelivery(ApiClient client, String webhookId) {
		JsonNode list = client.get("/v1/webhook-deliveries?webhookId=" + webhookId).json();
		assertThat(list.get("pagination").get("totalItems").asLong()).isEqualTo(1);
		return list.get("data").get(0).get("id").asString();
	}

	/** Polls the delivery until it is no longer PENDING. */
	private static JsonNode awaitFinal(ApiClient client, String deliveryId) throws InterruptedException {
		long end = System.currentTimeMillis() + WAIT.toMillis();
		while (System.currentTimeMillis() < end) {
			JsonNode delivery = client.get("/v1/webhook-deliveries/" + deliveryId).json();
			if (!delivery.get("status").asString().equals("PENDING")) {
				return delivery;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("delivery " + deliveryId + " still pending after " + WAIT);
	}

	private static JsonNode event(List<Receiver.Request> requests, String type) {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		return requests.stream().map(r -> json.readTree(r.body())).filter(b -> b.get("eventType").asString().equals(type)).findFirst()
			.orElseThrow();
	}

	private static String hmacHex(String secret, String body) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
	}

}
