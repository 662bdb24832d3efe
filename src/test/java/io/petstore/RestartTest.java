package io.petstore;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import io.petstore.support.ApiClient;
import io.petstore.support.Receiver;
import io.petstore.support.TestDatabase;
import io.petstore.support.TestDnsServer;
import io.petstore.support.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/** Data written before a stop is there after a start on the same database. */
class RestartTest {

	@Test
	void dataSurvivesARestart() {
		String url = TestDatabase.newDatabaseUrl("restart");
		UUID tenant = UUID.randomUUID();
		try (ConfigurableApplicationContext first = start(url)) {
			ApiClient api = new ApiClient(base(first), null, tenant);
			assertThat(api.postJson("/v2/pet", "{\"id\":31337,\"name\":\"survivor\",\"photoUrls\":[\"u\"]}").status()).isEqualTo(200);
			assertThat(api.postJson("/v2/user", "{\"username\":\"persisted\",\"password\":\"pw\"}").status()).isEqualTo(200);
			assertThat(new ApiClient(base(first), null, null).postJson("/v2/pet", "{\"id\":1,\"name\":\"shared change\"}").status())
				.isEqualTo(200);
		}
		try (ConfigurableApplicationContext second = start(url)) {
			ApiClient api = new ApiClient(base(second), null, tenant);
			assertThat(api.get("/v2/pet/31337").body()).isEqualTo("{\"id\":31337,\"name\":\"survivor\",\"photoUrls\":[\"u\"],\"tags\":[]}");
			assertThat(api.get("/v2/user/persisted").status()).isEqualTo(200);
			// the shared pool is seeded once, at the first start only
			assertThat(new ApiClient(base(second), null, null).get("/v2/pet/1").json().get("name").asString())
				.isEqualTo("shared change");
		}
	}

	/** Tokens are signed with a key kept in the database: one issued before a restart works after it. */
	@Test
	void modernTokensAndDataSurviveARestart() {
		String url = TestDatabase.newDatabaseUrl("restart_v1");
		UUID tenant = UUID.randomUUID();
		String token;
		String petId;
		try (ConfigurableApplicationContext first = start(url)) {
			ApiClient api = new ApiClient(base(first), null, tenant);
			var registered = api.postJson("/v1/users", "{\"username\":\"restarter\",\"firstName\":\"R\",\"lastName\":\"S\","
					+ "\"email\":\"r@example.com\",\"password\":\"SecurePass123!\"}");
			assertThat(registered.status()).isEqualTo(201);
			token = registered.json().get("token").asString();
			var pet = api.withToken(token).postJson("/v1/pets", "{\"name\":\"Phoenix\",\"species\":\"BIRD\",\"ageMonths\":2,\"price\":\"10.00\"}");
			assertThat(pet.status()).isEqualTo(201);
			petId = pet.json().get("id").asString();
		}
		try (ConfigurableApplicationContext second = start(url)) {
			ApiClient api = new ApiClient(base(second), null, tenant).withToken(token);
			assertThat(api.get("/v1/pets/" + petId).json().get("name").asString()).isEqualTo("Phoenix");
			var order = api.postJson("/v1/orders", "{\"petId\":\"" + petId + "\"}");
			assertThat(order.status()).as(order.toString()).isEqualTo(201);
		}
	}

	/** Two instances on one database accept each other's tokens and see each other's writes. */
	@Test
	void twoInstancesShareTokensAndData() {
		String url = TestDatabase.newDatabaseUrl("two_instances");
		UUID tenant = UUID.randomUUID();
		try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
			var registered = new ApiClient(base(a), null, tenant).postJson("/v1/users", "{\"username\":\"twin\",\"firstName\":\"T\","
					+ "\"lastName\":\"W\",\"email\":\"t@example.com\",\"password\":\"SecurePass123!\"}");
			assertThat(registered.status()).isEqualTo(201);
			String token = registered.json().get("token").asString();
			ApiClient onB = new ApiClient(base(b), null, tenant).withToken(token);
			assertThat(onB.get("/v1/users/" + registered.json().get("id").asString()).status()).isEqualTo(200);
			var order = onB.postJson("/v1/orders", "{\"petId\":\"019b4132-70aa-764f-b315-e2803d882a24\"}");
			assertThat(order.status()).as(order.toString()).isEqualTo(201);
			var again = new ApiClient(base(a), null, tenant).withToken(token)
				.postJson("/v1/orders", "{\"petId\":\"019b4132-70aa-764f-b315-e2803d882a24\"}");
			assertThat(again.status()).isEqualTo(409);

			// an administrator on A suspends the user: B refuses the user's token at once
			var signIn = new ApiClient(base(a), null, tenant).postJson("/v1/auth/tokens",
					"{\"username\":\"admin\",\"password\":\"Admin-Pass-123\"}");
			ApiClient admin = new ApiClient(base(a), null, tenant).withToken(signIn.json().get("token").asString());
			var suspended = admin.send("PATCH", "/v1/admin/users/" + registered.json().get("id").asString() + "/status",
					"application/json", "{\"status\":\"SUSPENDED\"}");
			assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
			assertThat(onB.get("/v1/users/" + registered.json().get("id").asString()).status()).isEqualTo(401);
		}
	}

	/** The audit log and a suspension are in the database; the administrator's password follows the configuration. */
	@Test
	void adminStateSurvivesARestartAndThePasswordFollowsTheConfiguration() {
		String url = TestDatabase.newDatabaseUrl("restart_admin");
		UUID tenant = UUID.randomUUID();
		String userToken;
		String userId;
		try (ConfigurableApplicationContext first = start(url, "--petstore.admin.password=first-password")) {
			ApiClient api = new ApiClient(base(first), null, tenant);
			var registered = api.postJson("/v1/users", "{\"username\":\"flagged\",\"firstName\":\"F\",\"lastName\":\"G\","
					+ "\"email\":\"f@example.com\",\"password\":\"SecurePass123!\"}");
			userToken = registered.json().get("token").asString();
			userId = registered.json().get("id").asString();
			var signIn = api.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"first-password\"}");
			assertThat(signIn.status()).isEqualTo(200);
			var suspended = new ApiClient(base(first), null, tenant).withToken(signIn.json().get("token").asString())
				.send("PATCH", "/v1/admin/users/" + userId + "/status", "application/json", "{\"status\":\"SUSPENDED\"}");
			assertThat(suspended.status()).isEqualTo(200);
		}
		try (ConfigurableApplicationContext second = start(url, "--petstore.admin.password=second-password")) {
			ApiClient api = new ApiClient(base(second), null, tenant);
			assertThat(api.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"first-password\"}").status())
				.isEqualTo(401);
			var signIn = api.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"second-password\"}");
			assertThat(signIn.status()).isEqualTo(200);
			ApiClient admin = new ApiClient(base(second), null, tenant).withToken(signIn.json().get("token").asString());
			assertThat(admin.get("/v1/admin/users/" + userId).json().get("status").asString()).isEqualTo("SUSPENDED");
			assertThat(new ApiClient(base(second), null, tenant).withToken(userToken).get("/v1/users/" + userId).status())
				.isEqualTo(401);
			var log = admin.get("/v1/admin/audit-logs?action=USER_STATUS_CHANGED&entityId=" + userId).json();
			assertThat(log.get("pagination").get("totalItems").asLong()).isEqualTo(1);
		}
	}

	/**
	 * Rate-limit settings apply to the buckets of existing clients: after a restart with a lower
	 * limit, a client counted before it gets 429 past the new limit. On PostgreSQL its bucket is the
	 * stored one (it used to keep the limit it was created with); on H2 buckets live in memory and
	 * the client starts a new one. Either way the new limit holds.
	 */
	@Test
	void aLowerRateLimitAppliesToExistingClientsAfterARestart() {
		String url = TestDatabase.newDatabaseUrl("restart_ratelimit");
		UUID tenant = UUID.randomUUID();
		try (ConfigurableApplicationContext first = start(url, "--petstore.rate-limit.requests=100",
				"--petstore.rate-limit.window=1h")) {
			ApiClient api = new ApiClient(base(first), null, tenant);
			for (int i = 0; i < 3; i++) {
				var reply = api.get("/v1/pets?limit=1");
				assertThat(reply.status()).isEqualTo(200);
				assertThat(reply.header("RateLimit-Remaining")).isEqualTo(Integer.toString(99 - i));
			}
		}
		try (ConfigurableApplicationContext second = start(url, "--petstore.rate-limit.requests=5",
				"--petstore.rate-limit.window=1h")) {
			ApiClient api = new ApiClient(base(second), null, tenant);
			int answered = 0;
			var reply = api.get("/v1/pets?limit=1");
			while (reply.status() == 200 && answered < 10) {
				assertThat(reply.header("RateLimit-Limit")).isEqualTo("5");
				answered++;
				reply = api.get("/v1/pets?limit=1");
			}
			assertThat(reply.status()).as("after %d requests: %s", answered, reply).isEqualTo(429);
			assertThat(answered).isEqualTo(5);
		}
	}

	/** Keys, domains, inboxes and received mail are in the database too. */
	@Test
	void inboxDataSurvivesARestart() throws Exception {
		String url = TestDatabase.newDatabaseUrl("restart_inbox");
		UUID tenant = UUID.randomUUID();
		int smtpPort;
		try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
			smtpPort = free.getLocalPort();
		}
		String[] inboxArgs = { "--petstore.inbox.smtp.port=" + smtpPort,
				"--petstore.inbox.dns.resolver=" + TestDnsServer.shared().address() };
		String domain = "restart-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
		String key;
		String inboxId;
		try (ConfigurableApplicationContext first = start(url, inboxArgs)) {
			ApiClient api = new ApiClient(base(first), null, tenant);
			assertThat(api.postJson("/v2/user", "{\"username\":\"mailer\",\"password\":\"pw\"}").status()).isEqualTo(200);
			key = api.postJson("/v2/apikey", "{}", "Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString("mailer:pw".getBytes(java.nio.charset.StandardCharsets.UTF_8))).json().get("key").asString();
			api.withHeader("api_key", key);
			var added = api.postJson("/v2/domain", "{\"name\":\"" + domain + "\"}").json();
			TestDnsServer.shared().publishTxt(domain, added.get("validate").asString());
			assertThat(api.postJson("/v2/domain/" + added.get("id").asString() + "/validate", null).status()).isEqualTo(200);
			inboxId = api.postJson("/v2/inbox", "{\"name\":\"keep@" + domain + "\"}").json().get("id").asString();
			var properties = new java.util.Properties();
			properties.put("mail.smtp.host", "127.0.0.1");
			properties.put("mail.smtp.port", String.valueOf(smtpPort));
			var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(properties));
			message.setFrom("sender@elsewhere.test");
			message.setRecipients(jakarta.mail.Message.RecipientType.TO, "keep@" + domain);
			message.setSubject("kept");
			message.setText("still here");
			jakarta.mail.Transport.send(message);
		}
		try (ConfigurableApplicationContext second = start(url, inboxArgs)) {
			ApiClient api = new ApiClient(base(second), null, tenant).withHeader("api_key", key);
			var domains = api.get("/v2/domain").json();
			assertThat(domains.get(0).get("status").asString()).isEqualTo("validated");
			var messages = api.get("/v2/inbox/" + inboxId + "/message").json();
			assertThat(messages.get(0).get("subject").asString()).isEqualTo("kept");
		}
	}

	/**
	 * A delivery whose first attempt failed survives a restart: the second instance sends the retry,
	 * with the same webhook-id, and the attempts of both are recorded.
	 */
	@Test
	void aWebhookDeliverySurvivesARestartMidRetry() throws Exception {
		String url = TestDatabase.newDatabaseUrl("restart_webhook");
		UUID tenant = UUID.randomUUID();
		String[] slowRetry = { "--petstore.webhooks.retry-delays=3s,3s" };
		try (Receiver receiver = new Receiver().then(Receiver.Answer.status(500))) {
			String token;
			String deliveryId;
			try (ConfigurableApplicationContext first = start(url, slowRetry)) {
				ApiClient api = new ApiClient(base(first), null, tenant);
				token = api.postJson("/v1/users", "{\"username\":\"hooked\",\"firstName\":\"H\",\"lastName\":\"K\","
						+ "\"email\":\"h@example.com\",\"password\":\"SecurePass123!\"}").json().get("token").asString();
				api.withToken(token);
				String webhook = api.postJson("/v1/webhooks", "{\"url\":\"" + receiver.url("/r") + "\",\"events\":[\"order.created\"]}")
					.json().get("id").asString();
				assertThat(api.postJson("/v1/orders", "{\"petId\":\"019b4132-70aa-764f-b315-e2803d882a24\"}").status()).isEqualTo(201);
				receiver.await(1, Duration.ofSeconds(10), r -> true);
				deliveryId = api.get("/v1/webhook-deliveries?webhookId=" + webhook).json().get("data").get(0).get("id").asString();
				awaitAttempts(api, deliveryId, 1);
			}
			// stopped between the attempts: the retry is due in the database, not in a JVM
			assertThat(receiver.received()).hasSize(1);
			try (ConfigurableApplicationContext second = start(url, slowRetry)) {
				ApiClient api = new ApiClient(base(second), null, tenant).withToken(token);
				var requests = receiver.await(2, Duration.ofSeconds(15), r -> true);
				assertThat(requests.get(1).header("webhook-id")).isEqualTo(requests.get(0).header("webhook-id"));
				var delivery = awaitAttempts(api, deliveryId, 2);
				assertThat(delivery.get("status").asString()).isEqualTo("SUCCEEDED");
				assertThat(delivery.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(500);
				assertThat(delivery.get("attempts").get(1).get("statusCode").asInt()).isEqualTo(200);
			}
		}
	}

	/**
	 * Two instances on one database both run a delivery worker: every event is delivered once (each
	 * claim locks its rows, SKIP LOCKED passes over the other's), none twice.
	 */
	@Test
	void twoWorkersDeliverEveryEventExactlyOnce() throws Exception {
		String url = TestDatabase.newDatabaseUrl("two_workers");
		UUID tenant = UUID.randomUUID();
		int events = 60;
		String[] busy = { "--petstore.webhooks.concurrency=2", "--petstore.webhooks.poll-interval=50ms" };
		try (Receiver receiver = new Receiver().otherwise(new Receiver.Answer(200, "", Duration.ofMillis(40), null));
				ConfigurableApplicationContext a = start(url, busy); ConfigurableApplicationContext b = start(url, busy)) {
			ApiClient onA = new ApiClient(base(a), null, tenant);
			String token = onA.postJson("/v1/users", "{\"username\":\"busy\",\"firstName\":\"B\",\"lastName\":\"U\","
					+ "\"email\":\"b@example.com\",\"password\":\"SecurePass123!\"}").json().get("token").asString();
			onA.withToken(token);
			ApiClient onB = new ApiClient(base(b), null, tenant).withToken(token);
			String webhook = onA.postJson("/v1/webhooks", "{\"url\":\"" + receiver.url("/w") + "\",\"events\":[\"order.created\"]}")
				.json().get("id").asString();
			for (int i = 0; i < events; i++) {
				assertThat((i % 2 == 0 ? onA : onB).postJson("/v1/webhooks/" + webhook + "/test", null).status()).isEqualTo(202);
			}
			receiver.await(events, Duration.ofSeconds(30), r -> true);
			Thread.sleep(1000);
			var ids = receiver.received().stream().map(r -> r.header("webhook-id")).toList();
			assertThat(ids).hasSize(events).doesNotHaveDuplicates();
			var failed = onA.get("/v1/webhook-deliveries?status=PENDING").json().get("pagination").get("totalItems").asLong()
					+ onA.get("/v1/webhook-deliveries?status=FAILED").json().get("pagination").get("totalItems").asLong();
			assertThat(failed).isZero();
			// both workers took part (the attempts each instance counted add up to the events)
			double byA = attempts(a);
			double byB = attempts(b);
			assertThat(byA).isPositive();
			assertThat(byB).isPositive();
			assertThat(byA + byB).isEqualTo(events);
		}
	}

	private static double attempts(ConfigurableApplicationContext context) {
		var metric = new ApiClient(base(context), null, null).get("/actuator/metrics/petstore.webhooks.attempts?tag=outcome:succeeded");
		assertThat(metric.status()).as(metric.toString()).isEqualTo(200);
		return metric.json().get("measurements").get(0).get("value").asDouble();
	}

	private static tools.jackson.databind.JsonNode awaitAttempts(ApiClient api, String deliveryId, int attempts)
			throws InterruptedException {
		for (int i = 0; i < 150; i++) {
			var delivery = api.get("/v1/webhook-deliveries/" + deliveryId).json();
			if (delivery.get("attemptCount").asInt() >= attempts && (attempts == 1 || !delivery.get("status").asString().equals("PENDING"))) {
				return delivery;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("delivery " + deliveryId + " did not reach " + attempts + " attempts");
	}

	private static ConfigurableApplicationContext start(String url, String... extraArgs) {
		return TestServers.start(url, extraArgs);
	}

	private static String base(ConfigurableApplicationContext context) {
		return TestServers.base(context);
	}

}
