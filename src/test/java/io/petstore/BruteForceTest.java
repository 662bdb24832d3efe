package io.petstore;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import io.petstore.support.ApiClient;
import io.petstore.support.Browser;
import io.petstore.support.Browser.Page;
import io.petstore.support.OpenApi31Validator;
import io.petstore.support.Reply;
import io.petstore.support.TestDatabase;
import io.petstore.support.TestServers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in brake on every place a secret is checked: {@code POST /v1/auth/tokens}, the OAuth2
 * login page, OAuth2 client authentication (token and introspection endpoints), {@code /v2/apikey}
 * HTTP Basic and strict {@code /v2/user/login}. Five failures lock the account (an unknown one
 * alike) and every attempt then gets 429 with {@code Retry-After}, the right secret too; other
 * accounts go on; the lock ends by itself (5 s here, then 10 s: long enough that a loaded machine still sees the lock); it is audited; two instances on
 * one database share it, also under parallel attempts; twenty failures lock an address.
 *
 * <p>The servers are started here, on databases of their own (the rest of the suite signs in from
 * the same address and must not meet these locks), in strict classic mode, with 5 s locks.
 */
class BruteForceTest {

	private static final String PASSWORD = "SecurePass123!";

	private static final String ADMIN_PASSWORD = "Admin-Pass-123";

	private static final String[] SHORT_LOCKS = { "--petstore.brake.lock=5s", "--petstore.brake.max-lock=20s",
			"--petstore.classic.strict-auth=true" };

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	@BeforeAll
	static void startTwoInstancesOnOneDatabase() {
		String url = TestDatabase.newDatabaseUrl("brake");
		a = start(url, SHORT_LOCKS);
		b = start(url, SHORT_LOCKS);
	}

	@AfterAll
	static void stop() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void theTokenEndpointLocksAnAccountAfterFiveFailuresAndTheLockEndsByItself() throws Exception {
		UUID tenant = UUID.randomUUID();
		ApiClient api = client(a, tenant);
		register(api, "alice");
		register(api, "bob");

		for (int i = 1; i <= 5; i++) {
			Reply wrong = api.postJson("/v1/auth/tokens", credentials("alice", "wrong-" + i));
			assertProblem(wrong, 401, "unauthorized");
			// an unknown username gets the same answer, and is counted the same way
			Reply unknown = api.postJson("/v1/auth/tokens", credentials("ghost", "wrong-" + i));
			assertThat(unknown.status()).isEqualTo(401);
			assertThat(unknown.body()).isEqualTo(wrong.body());
		}
		// the sixth attempt is refused without checking the password: the right one too
		Reply locked = api.postJson("/v1/auth/tokens", credentials("alice", PASSWORD));
		assertProblem(locked, 429, "too-many-attempts");
		assertThat(retryAfter(locked)).isBetween(1L, 5L);
		assertThat(locked.json().get("detail").asString()).startsWith("Too many failed sign-in attempts. Try again in ");
		Reply ghost = api.postJson("/v1/auth/tokens", credentials("ghost", PASSWORD));
		assertProblem(ghost, 429, "too-many-attempts");
		assertThat(ghost.body().replaceAll("\\d+ seconds?", "N seconds"))
			.isEqualTo(locked.body().replaceAll("\\d+ seconds?", "N seconds"));
		// the username as the lookup compares it: another spelling is the same account
		assertProblem(api.postJson("/v1/auth/tokens", credentials(" ALICE ", PASSWORD)), 429, "too-many-attempts");
		// the other instance sees the lock; another account and another tenant's alice are not affected
		assertProblem(client(b, tenant).postJson("/v1/auth/tokens", credentials("alice", PASSWORD)), 429, "too-many-attempts");
		assertThat(api.postJson("/v1/auth/tokens", credentials("bob", PASSWORD)).status()).isEqualTo(200);
		ApiClient otherTenant = client(a, UUID.randomUUID());
		register(otherTenant, "alice");
		assertThat(otherTenant.postJson("/v1/auth/tokens", credentials("alice", PASSWORD)).status()).isEqualTo(200);

		// the lock-outs are in the tenant's audit log
		JsonNode audit = admin(a, tenant).get("/v1/admin/audit-logs?action=SIGN_IN_LOCKED").json().get("data");
		assertThat(audit).hasSize(2);
		Map<String, JsonNode> byName = new TreeMap<>();
		audit.forEach(record -> byName.put(record.get("entityId").asString(), record));
		assertThat(byName).containsOnlyKeys("alice", "ghost");
		JsonNode alice = byName.get("alice");
		assertThat(alice.get("entityType").asString()).isEqualTo("SIGN_IN_USER");
		assertThat(alice.get("actor").asString()).isEqualTo("anonymous");
		assertThat(alice.get("ipAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(alice.get("request").asString()).isEqualTo("POST /v1/auth/tokens");
		assertThat(alice.get("changes").get("lockSeconds").get("after").asLong()).isEqualTo(5);
		assertThat(alice.get("changes").get("lockNumber").get("after").asInt()).isEqualTo(1);
		assertThat(alice.get("changes").get("failedAttempts").get("after").asInt()).isEqualTo(5);
		assertThat(alice.get("changes").get("lockedUntil").get("after").asString()).isNotBlank();

		// the lock ends by itself; five more failures right away lock it twice as long
		Thread.sleep(retryAfter(locked) * 1000 + 200);
		for (int i = 1; i <= 5; i++) {
			assertProblem(api.postJson("/v1/auth/tokens", credentials("alice", "again-" + i)), 401, "unauthorized");
		}
		Reply second = api.postJson("/v1/auth/tokens", credentials("alice", PASSWORD));
		assertProblem(second, 429, "too-many-attempts");
		assertThat(retryAfter(second)).isBetween(6L, 10L);
		Thread.sleep(retryAfter(second) * 1000 + 200);
		assertThat(api.postJson("/v1/auth/tokens", credentials("alice", PASSWORD)).status()).isEqualTo(200);

		// a success starts the count again: four failures, a success, four failures are not a lock
		for (int round = 0; round < 2; round++) {
			for (int i = 1; i <= 4; i++) {
				assertProblem(api.postJson("/v1/auth/tokens", credentials("alice", "round-" + i)), 401, "unauthorized");
			}
			assertThat(api.postJson("/v1/auth/tokens", credentials("alice", PASSWORD)).status()).isEqualTo(200);
		}
	}

	@Test
	void theLoginPageSharesTheAccountsCountAndAnswersALockWithA429Page() throws Exception {
		UUID tenant = UUID.randomUUID();
		ApiClient api = client(a, tenant);
		register(api, "carol");
		Browser browser = new Browser();
		String base = base(a);

		for (int i = 1; i <= 3; i++) {
			Page wrong = login(browser, base, tenant, "carol", "wrong-" + i);
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(302);
			assertThat(Browser.resolve(wrong)).isEqualTo(base + "/login?error");
		}
		assertThat(browser.get(base + "/login?error").body()).contains("Invalid username or password.");
		// the same account through the API: its failures count for the login page too
		assertProblem(api.postJson("/v1/auth/tokens", credentials("carol", "api-1")), 401, "unauthorized");
		assertProblem(api.postJson("/v1/auth/tokens", credentials("carol", "api-2")), 401, "unauthorized");

		Page locked = login(browser, base, tenant, "carol", PASSWORD);
		assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
		assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 5L);
		assertThat(locked.header("Content-Type")).startsWith("text/html");
		assertThat(locked.body()).contains("Too many failed sign-in attempts. Try again in ").contains("role=\"alert\"");
		// the page is the form again (with the tenant kept), to try later
		assertThat(locked.input("_csrf")).isNotBlank();
		assertThat(locked.input("tenant")).isEqualTo(tenant.toString());

		Thread.sleep(Long.parseLong(locked.header("Retry-After")) * 1000 + 200);
		Page signedIn = login(browser, base, tenant, "carol", PASSWORD);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
		assertThat(signedIn.location()).doesNotContain("error");
	}

	@Test
	void oauthClientAuthenticationIsBrakedPerClientIdAtTheTokenAndIntrospectionEndpoints() throws Exception {
		UUID tenant = UUID.randomUUID();
		ApiClient admin = admin(a, tenant);
		String[] client = registerClient(admin, "Brake test");
		String[] other = registerClient(admin, "Unaffected");
		String unknown = "no-such-client-" + UUID.randomUUID();

		for (int i = 1; i <= 5; i++) {
			Reply wrong = form(a, "/oauth2/token", client[0], "wrong-" + i, "grant_type", "client_credentials");
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
			assertThat(wrong.json().get("error").asString()).isEqualTo("invalid_client");
			Reply nobody = form(a, "/oauth2/token", unknown, "wrong-" + i, "grant_type", "client_credentials");
			assertThat(nobody.status()).isEqualTo(401);
			assertThat(nobody.body()).isEqualTo(wrong.body());
		}
		Reply locked = form(a, "/oauth2/token", client[0], client[1], "grant_type", "client_credentials");
		assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
		assertThat(locked.contentType()).startsWith("application/json");
		assertThat(locked.json().get("error").asString()).isEqualTo("too_many_attempts");
		assertThat(locked.json().get("error_description").asString()).startsWith("Too many failed sign-in attempts.");
		assertThat(retryAfter(locked)).isBetween(1L, 5L);
		assertThat(form(a, "/oauth2/token", unknown, "any", "grant_type", "client_credentials").status()).isEqualTo(429);
		// every endpoint that authenticates the client, on every instance
		Reply introspect = form(b, "/oauth2/introspect", client[0], client[1], "token", "x");
		assertThat(introspect.status()).as(introspect.toString()).isEqualTo(429);
		assertThat(introspect.json().get("error").asString()).isEqualTo("too_many_attempts");
		assertThat(form(a, "/oauth2/token", other[0], other[1], "grant_type", "client_credentials").status()).isEqualTo(200);

		// audited in the tenant that registered the client; an unknown client id in the shared pool
		JsonNode audit = admin.get("/v1/admin/audit-logs?action=SIGN_IN_LOCKED&entityType=SIGN_IN_OAUTH_CLIENT").json().get("data");
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).get("entityId").asString()).isEqualTo(client[0]);
		assertThat(audit.get(0).get("request").asString()).isEqualTo("POST /oauth2/token");
		JsonNode shared = admin(a, null).get("/v1/admin/audit-logs?action=SIGN_IN_LOCKED&entityId=" + unknown).json().get("data");
		assertThat(shared).hasSize(1);

		Thread.sleep(retryAfter(locked) * 1000 + 200);
		Reply after = form(a, "/oauth2/token", client[0], client[1], "grant_type", "client_credentials");
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		assertThat(after.json().get("access_token").asString()).isNotBlank();
	}

	@Test
	void classicPasswordsAreBrakedOnApiKeyBasicAndStrictLogin() throws Exception {
		UUID tenant = UUID.randomUUID();
		ApiClient api = client(a, tenant);
		assertThat(api.postJson("/v2/user", "{\"username\":\"dave\",\"password\":\"pw-dave\"}").status()).isEqualTo(200);
		assertThat(api.postJson("/v2/user", "{\"username\":\"frank\",\"password\":\"pw-frank\"}").status()).isEqualTo(200);

		for (int i = 1; i <= 3; i++) {
			Reply wrong = api.postJson("/v2/apikey", "{}", "Authorization", basic("dave", "wrong-" + i));
			assertThat(wrong.status()).isEqualTo(401);
			assertThat(wrong.json().get("type").asString()).isEqualTo("unauthorized");
		}
		// strict login checks the same password: its failures count for the same username
		assertThat(api.get("/v2/user/login?username=dave&password=wrong-4").status()).isEqualTo(400);
		assertThat(api.get("/v2/user/login?username=dave&password=wrong-5").status()).isEqualTo(400);

		Reply locked = api.postJson("/v2/apikey", "{}", "Authorization", basic("dave", "pw-dave"));
		assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
		assertThat(locked.json().get("code").asInt()).isEqualTo(429);
		assertThat(locked.json().get("type").asString()).isEqualTo("too_many_attempts");
		assertThat(locked.json().get("message").asString()).startsWith("Too many failed sign-in attempts.");
		assertThat(retryAfter(locked)).isBetween(1L, 5L);
		assertThat(api.get("/v2/apikey", "Authorization", basic("dave", "pw-dave")).status()).isEqualTo(429);
		Reply login = api.get("/v2/user/login?username=dave&password=pw-dave");
		assertThat(login.status()).as(login.toString()).isEqualTo(429);
		assertThat(login.header("Retry-After")).isNotNull();
		assertThat(login.json().get("code").asInt()).isEqualTo(429);
		// an unknown username: the same sequence
		for (int i = 1; i <= 5; i++) {
			assertThat(api.get("/v2/user/login?username=erin&password=wrong-" + i).status()).isEqualTo(400);
		}
		assertThat(api.get("/v2/user/login?username=erin&password=any").status()).isEqualTo(429);
		// another user is not affected, on either instance
		assertThat(api.postJson("/v2/apikey", "{}", "Authorization", basic("frank", "pw-frank")).status()).isEqualTo(201);
		assertThat(client(b, tenant).postJson("/v2/apikey", "{}", "Authorization", basic("dave", "pw-dave")).status())
			.isEqualTo(429);

		JsonNode audit = admin(a, tenant).get("/v1/admin/audit-logs?action=SIGN_IN_LOCKED&entityType=SIGN_IN_CLASSIC_USER")
			.json().get("data");
		assertThat(audit).extracting(record -> record.get("entityId").asString()).containsExactlyInAnyOrder("dave", "erin");

		Thread.sleep(retryAfter(locked) * 1000 + 200);
		assertThat(api.postJson("/v2/apikey", "{}", "Authorization", basic("dave", "pw-dave")).status()).isEqualTo(201);
	}

	/**
	 * Twenty wrong passwords at once, half to each instance: exactly five reach the password check,
	 * the others are refused, because an attempt counts from the moment it begins.
	 */
	@Test
	void parallelAttemptsOnTwoInstancesGetNoMoreThanFiveChecks() throws Exception {
		UUID tenant = UUID.randomUUID();
		register(client(a, tenant), "grace");
		int attempts = 20;
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> statuses = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(attempts);
		try {
			for (int i = 0; i < attempts; i++) {
				ConfigurableApplicationContext instance = i % 2 == 0 ? a : b;
				String password = "parallel-" + i;
				statuses.add(pool.submit(() -> {
					go.await();
					return client(instance, tenant).postJson("/v1/auth/tokens", credentials("grace", password)).status();
				}));
			}
			go.countDown();
			Map<Integer, Integer> counts = new TreeMap<>();
			for (Future<Integer> status : statuses) {
				counts.merge(status.get(), 1, Integer::sum);
			}
			assertThat(counts).containsExactlyEntriesOf(new TreeMap<>(Map.of(401, 5, 429, attempts - 5)));
		}
		finally {
			pool.shutdownNow();
		}
		assertProblem(client(b, tenant).postJson("/v1/auth/tokens", credentials("grace", PASSWORD)), 429, "too-many-attempts");
		JsonNode audit = admin(a, tenant).get("/v1/admin/audit-logs?action=SIGN_IN_LOCKED").json().get("data");
		assertThat(audit).hasSize(1);
	}

	/**
	 * Twenty failures from one address, each for another (unknown) account, lock the address: any
	 * account's sign-in from there, and any kind of secret, until the lock ends.
	 */
	@Test
	void twentyFailuresFromOneAddressLockTheAddress() throws Exception {
		try (ConfigurableApplicationContext c = start(TestDatabase.newDatabaseUrl("brake_address"), "--petstore.brake.lock=5s",
				"--petstore.brake.address-max-failures=20")) {
			UUID tenant = UUID.randomUUID();
			ApiClient api = client(c, tenant);
			register(api, "heidi");
			for (int i = 1; i <= 20; i++) {
				assertProblem(api.postJson("/v1/auth/tokens", credentials("nobody-" + i, "wrong")), 401, "unauthorized");
			}
			Reply locked = api.postJson("/v1/auth/tokens", credentials("heidi", PASSWORD));
			assertProblem(locked, 429, "too-many-attempts");
			assertThat(retryAfter(locked)).isBetween(1L, 5L);
			Reply client = form(c, "/oauth2/token", "short-lived", "short-lived-secret", "grant_type", "client_credentials");
			assertThat(client.status()).as(client.toString()).isEqualTo(429);
			assertThat(api.postJson("/v2/user", "{\"username\":\"ivan\",\"password\":\"pw\"}").status()).isEqualTo(200);
			assertThat(api.postJson("/v2/apikey", "{}", "Authorization", basic("ivan", "pw")).status()).isEqualTo(429);

			Thread.sleep(retryAfter(locked) * 1000 + 200);
			assertThat(api.postJson("/v1/auth/tokens", credentials("heidi", PASSWORD)).status()).isEqualTo(200);
			JsonNode audit = admin(c, tenant).get("/v1/admin/audit-logs?action=SIGN_IN_LOCKED&entityType=SIGN_IN_ADDRESS")
				.json().get("data");
			assertThat(audit).hasSize(1);
			assertThat(audit.get(0).get("entityId").asString()).isEqualTo("127.0.0.1");
			assertThat(audit.get(0).get("changes").get("failedAttempts").get("after").asInt()).isEqualTo(20);
		}
	}

	// --- helpers

	private static ConfigurableApplicationContext start(String url, String... extraArgs) {
		List<String> args = new ArrayList<>(List.of("--petstore.webhooks.worker=false"));
		args.addAll(List.of(extraArgs));
		return TestServers.start(url, args.toArray(String[]::new));
	}

	private static String base(ConfigurableApplicationContext context) {
		return TestServers.base(context);
	}

	private static final Map<String, Object[]> VALIDATORS = new java.util.concurrent.ConcurrentHashMap<>();

	/** A client on the tenant (null: the shared pool) whose answers are checked against the served documents. */
	private static ApiClient client(ConfigurableApplicationContext context, UUID tenant) {
		String base = base(context);
		Object[] validators = VALIDATORS.computeIfAbsent(base, key -> {
			ApiClient plain = new ApiClient(key, null, null);
			return new Object[] {
					OpenApiInteractionValidator.createForInlineApiSpecification(plain.get("/v2/swagger.json").body()).build(),
					new OpenApi31Validator(plain.get("/v1/openapi.json").body(), "/v1"),
					new OpenApi31Validator(plain.get("/v2/inboxes/openapi.json").body(), "/v2") };
		});
		return new ApiClient(base, (OpenApiInteractionValidator) validators[0], tenant)
			.withModernValidator((OpenApi31Validator) validators[1])
			.withInboxesValidator((OpenApi31Validator) validators[2]);
	}

	private static ApiClient admin(ConfigurableApplicationContext context, UUID tenant) {
		Reply signIn = client(context, tenant).postJson("/v1/auth/tokens", credentials("admin", ADMIN_PASSWORD));
		assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
		return client(context, tenant).withToken(signIn.json().get("token").asString());
	}

	private static void register(ApiClient api, String username) {
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"F\",\"lastName\":\"L\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

	private static String[] registerClient(ApiClient admin, String name) {
		Reply reply = admin.postJson("/v1/admin/oauth-clients", "{\"clientName\":\"" + name + "\",\"grantTypes\":[\"client_credentials\"],"
				+ "\"scopes\":[\"read:pets\"]}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return new String[] { reply.json().get("clientId").asString(), reply.json().get("clientSecret").asString() };
	}

	private static String credentials(String username, String password) {
		return "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
	}

	private static String basic(String username, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static Page login(Browser browser, String base, UUID tenant, String username, String password) {
		Page form = browser.get(base + "/login");
		assertThat(form.status()).isEqualTo(200);
		return browser.post(base + "/login", List.of(new String[] { "username", username }, new String[] { "password", password },
				new String[] { "tenant", tenant.toString() }, new String[] { "_csrf", form.input("_csrf") }));
	}

	/** A form POST to an OAuth2 endpoint, the client authenticating with HTTP Basic. */
	private static Reply form(ConfigurableApplicationContext context, String path, String clientId, String secret, String... fields) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			body.append(body.length() == 0 ? "" : "&").append(enc(fields[i])).append('=').append(enc(fields[i + 1]));
		}
		HttpRequest request = HttpRequest.newBuilder(URI.create(base(context) + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((enc(clientId) + ":" + enc(secret)).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static long retryAfter(Reply reply) {
		assertThat(reply.header("Retry-After")).as(reply.toString()).isNotNull();
		return Long.parseLong(reply.header("Retry-After"));
	}

	private static void assertProblem(Reply reply, int status, String type) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("type").asString()).isEqualTo("https://petstoreapi.com/errors/" + type);
	}

}
