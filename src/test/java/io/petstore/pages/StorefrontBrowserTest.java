package io.petstore.pages;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Browser;
import io.petstore.support.IntegrationTest;
import io.petstore.support.NodeProject;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront ({@code /store/}) and the admin pages ({@code /admin/}) driven in headless
 * Chromium (Debian's {@code /usr/bin/chromium}) by playwright-core, checked with axe-core
 * (src/test/pages-js, installed with {@code npm ci} into target/pages-js). One script walks what a
 * person does: browse, page and filter, sign up and sign in through the authorization server,
 * adopt and pay (a declined card first), cancel, my orders, a reload that signs in again without
 * a form; the admin part refuses a plain user, force-cancels the order and the user's open page
 * shows it cancelled; then sign-out and the data set's reset. Skipped without chromium or node.
 * A second script asks the pet-care advisor (streamed) and opens the support chat (WebSocket).
 * With {@code -Dpetstore.docs.write=true} it writes the screenshots of docs/screenshots/. The
 * advisor's streams pause 20 ms between words here, so that the page can be seen growing (the
 * same settings as ChatCompletionTest, which so shares this server).
 */
@TestPropertySource(properties = { "petstore.chat.stream-delay-ms=20", "petstore.chat.max-streams=2" })
class StorefrontBrowserTest extends IntegrationTest {

	private static final NodeProject NODE = NodeProject.of("pages-js", "playwright-core", "--ignore-scripts");

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String XSS_NAME = "<script>alert(1)</script>";

	private static final String MARKUP = "<img src=x onerror=alert(1)>";

	private ApiClient admin;

	@BeforeEach
	void browser() {
		Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is not installed: the browser tests are skipped");
		NODE.install();
		admin = admin();
	}

	private String createPet(String json) {
		Reply created = admin.postJson("/v1/pets", json);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	@Test
	void aPersonAdoptsAPetAndTheAdministratorCancelsIt() throws Exception {
		createPet("{\"name\":\"" + XSS_NAME.replace("\"", "\\\"") + "\",\"species\":\"DOG\",\"ageMonths\":30,\"price\":\"99.00\"}");
		String adopt = createPet("{\"name\":\"Biscuit\",\"species\":\"DOG\",\"ageMonths\":20,\"size\":\"LARGE\",\"goodWithKids\":true,\"price\":\"150.00\"}");
		String cancel = createPet("{\"name\":\"Pepper\",\"species\":\"CAT\",\"ageMonths\":10,\"price\":\"80.00\"}");
		for (int i = 1; i <= 8; i++) {
			createPet("{\"name\":\"Paging pet " + i + "\",\"species\":\"RABBIT\",\"ageMonths\":5,\"price\":\"20.00\"}");
		}
		String username = "web" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> env = new HashMap<>();
		env.put("PETSTORE_BASE_URL", base());
		env.put("PETSTORE_TENANT", tenant.toString());
		env.put("XSS_NAME", XSS_NAME);
		env.put("ADOPT_PET_ID", adopt);
		env.put("CANCEL_PET_ID", cancel);
		env.put("USERNAME", username);
		env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
		env.put("WITH_ADMIN", "true");
		Path shots = Files.createTempDirectory("pages-screenshots");
		env.put("PETSTORE_SCREENSHOTS", shots.toAbsolutePath().toString());

		JsonNode r = NODE.script("storefront", env, 300);
		assertThat(r.has("error")).as("the script stopped: " + r.path("error").asString() + "\nat " + r.path("failureUrl").asString()
				+ "\n" + r.path("failureText").asString()).isFalse();
		assertThat(texts(r.get("problems"))).as("console errors, failed responses or dialogs").isEmpty();

		// the storefront at /, with its Content-Security-Policy
		assertThat(r.get("landedOn").asString()).isEqualTo("/store/");
		assertThat(r.get("storeCsp").asString()).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
				"connect-src 'self'").doesNotContain("unsafe-inline");
		assertThat(r.get("tenantShown").asString()).contains(tenant.toString());

		// a name that is markup shows as text, and no element was made of it
		assertThat(r.get("xssLinks").asInt()).isEqualTo(1);
		assertThat(r.get("xssText").asString()).isEqualTo(XSS_NAME);
		assertThat(r.get("scriptsInList").asInt()).isZero();

		// paging (9 seed pets + 11 made here, 12 a page) and the filters
		assertThat(r.get("page1Info").asString()).isEqualTo("Page 1 of 2 (20 pets)");
		assertThat(r.get("page2Info").asString()).isEqualTo("Page 2 of 2 (20 pets)");
		assertThat(texts(r.get("page1"))).hasSize(12).doesNotContainAnyElementsOf(texts(r.get("page2")));
		assertThat(texts(r.get("page2"))).hasSize(8);
		assertThat(texts(r.get("catSpecies"))).isNotEmpty().containsOnly("CAT");
		assertThat(r.get("largeDogsHash").asString()).isEqualTo("#/?species=DOG&size=LARGE&ageMin=12&goodWithKids=true&sort=price:DESC");
		List<String> largeDogs = new ArrayList<>();
		r.get("largeDogs").forEach(card -> {
			assertThat(card.get("species").asString()).isEqualTo("DOG");
			assertThat(card.get("text").asString()).contains("Large");
			largeDogs.add(card.get("text").asString());
		});
		assertThat(largeDogs).hasSize(2);
		assertThat(largeDogs.get(0)).contains("Max", "$250.00");
		assertThat(largeDogs.get(1)).contains("Biscuit", "$150.00");
		assertThat(r.get("detailName").asString()).isEqualTo("Biscuit");
		assertThat(r.get("signInToAdopt").asInt()).isEqualTo(1);

		// sign-up, then the authorization server's login form (CSRF-protected, tenant filled in)
		assertThat(r.get("loginTenant").asString()).isEqualTo(tenant.toString());
		assertThat(r.get("loginHasCsrf").asInt()).isEqualTo(1);
		assertThat(r.get("afterSignIn").asString()).isEqualTo("/store/#/");
		assertThat(r.get("signedInAs").asString()).isEqualTo("Signed in as " + username);

		// a declined card says so; a good one adopts
		assertThat(r.get("declined").asString()).contains("declined").contains("try another card");
		assertThat(r.get("paid").asString()).contains("Payment succeeded", "4242");
		assertThat(r.get("alertAfterPaid").asString()).isEmpty();

		// my orders: the paid one approved, the other cancelled by the user
		Map<String, String> orders = new HashMap<>();
		String adoptedOrder = null;
		for (JsonNode order : r.get("orders")) {
			orders.put(order.get("pet").asString(), order.get("status").asString());
			if (order.get("pet").asString().equals("Biscuit")) {
				adoptedOrder = order.get("id").asString();
			}
		}
		assertThat(orders).containsEntry("Biscuit", "APPROVED").containsEntry("Pepper", "CANCELLED").hasSize(2);

		// a reload signs in again without a form; no token in any storage
		assertThat(r.get("afterReload").asString()).isEqualTo("/store/#/orders");
		assertThat(r.get("storage").asString()).doesNotContain("eyJ").doesNotContain("token");

		// the keyboard reaches the main actions
		JsonNode keys = r.get("keyboard");
		assertThat(keys.get("species").asBoolean()).isTrue();
		assertThat(keys.get("apply").asBoolean()).isTrue();
		assertThat(texts(keys.get("filtered"))).isNotEmpty().containsOnly("CAT");
		assertThat(keys.get("petLink").asBoolean()).isTrue();
		assertThat(keys.get("detail").asString()).isNotEmpty();
		assertThat(keys.get("adopt").asBoolean()).isTrue();
		assertThat(keys.get("myOrders").asBoolean()).isTrue();
		assertThat(keys.get("ordersShown").asInt()).isEqualTo(2);
		assertThat(keys.get("signOut").asBoolean()).isTrue();

		// the admin pages
		JsonNode a = r.get("admin");
		assertThat(a.get("refusal").asString()).contains("administrators").contains(username);
		assertThat(a.get("adminCsp").asString()).contains("script-src 'self'");
		assertThat(a.get("signedInAs").asString()).contains("admin");
		assertThat(a.get("forceCancelled").asString()).isEqualTo("CANCELLED");
		assertThat(a.get("userSawCancelled").asString()).isEqualTo("CANCELLED");
		assertThat(a.get("userSawReason").asString()).contains("Cancelled from the admin page");
		assertThat(texts(a.get("approvedStatuses"))).isNotEmpty().containsOnly("APPROVED");
		assertThat(texts(a.get("figures"))).contains("2Orders", "$150.00Revenue (14 days, USD)");
		List<String> charts = new ArrayList<>();
		a.get("charts").forEach(chart -> charts.add(chart.get("id").asString() + ":" + chart.get("type").asString()));
		assertThat(charts).containsExactly("chart-orders:bar", "chart-revenue:line", "chart-pet-status:doughnut", "chart-pet-species:bar");
		JsonNode ordersPerDay = a.get("charts").get(0).get("data").get(0);
		assertThat(ordersPerDay.get(ordersPerDay.size() - 1).asInt()).as("today's orders").isEqualTo(2);
		JsonNode revenuePerDay = a.get("charts").get(1).get("data").get(0);
		assertThat(revenuePerDay.get(revenuePerDay.size() - 1).asDouble()).as("today's revenue").isEqualTo(150.0);
		assertThat(texts(a.get("auditActions"))).containsExactly("ORDER_CANCELLED", "ORDER_APPROVED", "ORDER_PLACED");
		assertThat(a.get("auditLongAgo").asInt()).isZero();
		assertThat(a.get("auditChanges").toString()).contains("[\"status\",\"APPROVED\",\"CANCELLED\"]")
			.contains("[\"cancelReason\",\"\u2014\",\"Cancelled from the admin page\"]");
		assertThat(a.get("userRow").asString()).contains(username, username + "@example.com");
		assertThat(texts(a.get("userAfter"))).containsExactly("STAFF", "SUSPENDED");
		assertThat(texts(a.get("clients"))).contains("petstore-web", "swagger-ui");
		assertThat(a.get("webClient").asString()).contains("public, from configuration", "/store/callback.html", "/admin/callback.html");
		assertThat(a.get("keyboardOrders").asBoolean()).isTrue();
		assertThat(a.get("keyboardForceCancel").asBoolean()).isTrue();
		assertThat(adoptedOrder).isNotNull();

		// sign-out ends the authorization server's session; the reset brings back the seed data
		assertThat(r.get("afterSignOut").asString()).isEqualTo("/store/");
		assertThat(r.get("signInShown").asInt()).isEqualTo(1);
		assertThat(texts(r.get("afterReset"))).contains("Max", "Luna").doesNotContain(XSS_NAME, "Biscuit");
		assertThat(api.get("/v1/pets/" + adopt).status()).as("a pet made before the reset").isEqualTo(404);

		// axe-core: no serious or critical violation on any page
		r.get("axe").properties().forEach(page -> assertThat(page.getValue().size())
			.as("axe-core serious/critical violations on " + page.getKey() + ": " + page.getValue()).isZero());
		assertThat(r.get("axe").size()).isGreaterThanOrEqualTo(10);

		copyScreenshots(shots);
	}

	@Test
	void aSignedInPersonAsksTheAdvisorAndChatsWithSupport() throws Exception {
		String username = "chat" + UUID.randomUUID().toString().substring(0, 8);
		String password = "Advisor-Chat-Pass-1";
		Reply registered = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Chat\",\"lastName\":\"Person\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + password + "\"}");
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		Map<String, String> env = new HashMap<>();
		env.put("PETSTORE_BASE_URL", base());
		env.put("PETSTORE_TENANT", tenant.toString());
		env.put("USERNAME", username);
		env.put("PASSWORD", password);
		env.put("MARKUP", MARKUP);
		Path shots = Files.createTempDirectory("pages-screenshots");
		env.put("PETSTORE_SCREENSHOTS", shots.toAbsolutePath().toString());

		JsonNode r = NODE.script("advisor-chat", env, 240);
		assertThat(r.has("error")).as("the script stopped: " + r.path("error").asString() + "\nat " + r.path("failureUrl").asString()
				+ "\n" + r.path("failureText").asString()).isFalse();
		assertThat(texts(r.get("problems"))).as("console errors (a CSP refusal among them), failed responses or dialogs").isEmpty();

		// signed out, both views ask to sign in; signing in comes back to the advisor
		assertThat(r.get("advisorSignedOut").asString()).contains("Sign in to ask the advisor");
		assertThat(r.get("chatSignedOut").asString()).contains("Sign in to chat with support");
		assertThat(r.get("afterSignIn").asString()).isEqualTo("#/advisor");

		// the answer is streamed: it grew through several lengths before it was done, then stayed whole
		List<Integer> streaming = new ArrayList<>();
		r.get("lengths").forEach(change -> {
			if (change.get("state").asString().equals("streaming") && change.get("length").asInt() > 0) {
				streaming.add(change.get("length").asInt());
			}
		});
		assertThat(streaming.stream().distinct().count()).as("lengths seen while streaming: " + streaming).isGreaterThanOrEqualTo(2);
		assertThat(streaming).isSorted();
		String answer = r.get("answer1").asString();
		assertThat(answer.length()).isGreaterThan(streaming.get(0));
		assertThat(answer).containsIgnoringCase("vaccin").containsIgnoringCase("cat").contains("Not veterinary advice");
		assertThat(r.get("advisorState").asString()).isEqualTo("The advisor has answered.");
		assertThat(r.get("answerLive").asString()).isEqualTo("polite");
		assertThat(r.get("answerBusy").asString()).isEqualTo("false");

		// each question is a streamed request carrying the conversation so far
		JsonNode requests = r.get("advisorRequests");
		assertThat(requests.size()).isEqualTo(3);
		assertThat(requests.get(0).get("stream").asBoolean()).isTrue();
		assertThat(requests.get(0).get("accept").asString()).startsWith("text/event-stream");
		assertThat(requests.get(0).get("model").asString()).isEqualTo("PET_ADVISOR_1");
		assertThat(texts(requests.get(0).get("roles"))).containsExactly("USER");
		assertThat(texts(requests.get(1).get("roles"))).containsExactly("USER", "ASSISTANT", "USER");
		assertThat(texts(requests.get(2).get("roles"))).as("the refused question replaces nothing").containsExactly("USER", "ASSISTANT", "USER", "ASSISTANT", "USER");

		// markup in a question is shown as text
		JsonNode logged = r.get("advisorLog");
		assertThat(logged.size()).isEqualTo(3);
		assertThat(logged.get(0).get("role").asString()).isEqualTo("USER");
		assertThat(logged.get(1).get("text").asString()).isEqualTo(answer);
		assertThat(logged.get(2).get("text").asString()).isEqualTo("And what should I feed her? " + MARKUP);
		assertThat(r.get("answer2").asString()).isNotBlank().isNotEqualTo(answer);
		assertThat(r.get("advisorImages").asInt()).isZero();

		// the server's refusal (422, its problem's detail and field) is shown; the question is kept to edit
		assertThat(r.get("advisorError").asString()).startsWith("The question was not accepted: ").contains("messages[4].content");
		assertThat(r.get("questionKept").asBoolean()).isTrue();
		assertThat(r.get("logAfterError").asInt()).isEqualTo(3);

		// the support chat over the WebSocket of this origin (CSP connect-src 'self' lets it through)
		assertThat(r.get("socketUrl").asString()).isEqualTo(base().replace("http:", "ws:") + "/v1/ws/chat?token=…&tenant=" + tenant);
		assertThat(r.get("chatState").asString()).startsWith("Connected as " + username + ".");
		assertThat(r.get("alertOnChat").asString()).isEmpty();
		JsonNode messages = r.get("chatMessages");
		assertThat(messages.size()).isEqualTo(2);
		assertThat(messages.get(0).get("role").asString()).isEqualTo("CUSTOMER");
		assertThat(messages.get(0).get("sender").asString()).isEqualTo("You");
		assertThat(messages.get(0).get("text").asString()).isEqualTo("My kitten will not eat her food. " + MARKUP);
		assertThat(messages.get(1).get("role").asString()).isEqualTo("ADVISOR");
		assertThat(messages.get(1).get("sender").asString()).isEqualTo("Pet-care advisor");
		assertThat(messages.get(1).get("text").asString()).contains("Not veterinary advice");
		assertThat(r.get("chatImages").asInt()).isZero();
		assertThat(r.get("chatInputAfter").asString()).isEmpty();
		assertThat(texts(r.get("chatHistory"))).as("the history after coming back").containsExactly("CUSTOMER", "ADVISOR");
		assertThat(r.get("storage").asString()).doesNotContain("eyJ").doesNotContain("token");

		// both views by keyboard
		JsonNode keys = r.get("keyboard");
		for (String key : List.of("advisorLink", "question", "send", "chatLink", "chatInput", "chatSend")) {
			assertThat(keys.get(key).asBoolean()).as("keyboard: " + key).isTrue();
		}

		// axe-core: no serious or critical violation
		r.get("axe").properties().forEach(page -> assertThat(page.getValue().size())
			.as("axe-core serious/critical violations on " + page.getKey() + ": " + page.getValue()).isZero());
		assertThat(r.get("axe").size()).isEqualTo(3);
		copyScreenshots(shots);
	}

	private static void copyScreenshots(Path shots) throws java.io.IOException {
		if (Boolean.getBoolean("petstore.docs.write")) {
			Path docs = Path.of("docs", "screenshots");
			Files.createDirectories(docs);
			try (var files = Files.list(shots)) {
				for (Path shot : files.filter(f -> !f.getFileName().toString().equals("failure.png")).toList()) {
					Files.copy(shot, docs.resolve(shot.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	@Test
	void thePagesCarryTheirContentSecurityPolicy() {
		ApiClient anonymous = new ApiClient(base(), null, null);
		for (String path : List.of("/store/", "/store/store.js", "/store/callback.html", "/admin/", "/admin/admin.js", "/app/auth.js",
				"/app/ui.css")) {
			Reply page = anonymous.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.header("Content-Security-Policy")).as(path).isEqualTo(ContentSecurityPolicy.POLICY);
			assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
		}
		assertThat(anonymous.get("/store/").body()).doesNotContain("<script>").contains("<script type=\"module\" src=\"/store/store.js\">");
		Reply root = anonymous.get("/");
		assertThat(root.status()).isEqualTo(302);
		assertThat(root.header("Location")).endsWith("/store/");
		assertThat(anonymous.get("/docs/index.html").header("Content-Security-Policy")).isNull();
	}

	@Test
	void signingOutKeepsItsCsrfProtectionAndGoesBackOnlyToThePages() {
		Browser browser = new Browser();
		Browser.Page form = browser.get(base() + "/logout?continue=/store/");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.input("_csrf")).isNotBlank();
		assertThat(form.input("continue")).isEqualTo("/store/");
		assertThat(browser.get(base() + "/logout?continue=https://evil.example/").input("continue")).isEqualTo("/login?logout");
		Browser.Page forged = browser.post(base() + "/logout", List.<String[]>of(new String[] { "continue", "/store/" }));
		assertThat(forged.status()).isEqualTo(403);
		Browser.Page out = browser.post(base() + "/logout", List.of(new String[] { "continue", "/admin/" },
				new String[] { "_csrf", form.input("_csrf") }));
		assertThat(Browser.resolve(out)).isEqualTo(base() + "/admin/");
		Browser.Page elsewhere = browser.post(base() + "/logout", List.of(new String[] { "continue", "//evil.example/" },
				new String[] { "_csrf", browser.get(base() + "/logout").input("_csrf") }));
		assertThat(Browser.resolve(elsewhere)).isEqualTo(base() + "/login?logout");
	}

	private static List<String> texts(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

}
