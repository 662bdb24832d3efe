package io.petstore.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The Admin API: who may call it, user management, suspension, order management. */
class AdminApiTest extends ModernApiTest {

	/** Every admin operation, with a body where it takes one; {id} is filled in per test. */
	private List<String[]> operations(String userId, String orderId, String auditId) {
		List<String[]> ops = new ArrayList<>();
		ops.add(new String[] { "GET", "/v1/admin/dashboard/stats", null });
		ops.add(new String[] { "GET", "/v1/admin/users", null });
		ops.add(new String[] { "GET", "/v1/admin/users/" + userId, null });
		ops.add(new String[] { "PATCH", "/v1/admin/users/" + userId + "/status", "{\"status\":\"ACTIVE\"}" });
		ops.add(new String[] { "PATCH", "/v1/admin/users/" + userId + "/role", "{\"role\":\"USER\"}" });
		ops.add(new String[] { "GET", "/v1/admin/orders", null });
		ops.add(new String[] { "POST", "/v1/admin/orders/" + orderId + "/force-cancel", "{\"reason\":\"test\"}" });
		ops.add(new String[] { "GET", "/v1/admin/audit-logs", null });
		ops.add(new String[] { "GET", "/v1/admin/audit-logs/" + auditId, null });
		return ops;
	}

	private static Reply call(ApiClient client, String[] op) {
		return client.send(op[0], op[1], op[2] == null ? null : "application/json", op[2]);
	}

	@Test
	void everyAdminOperationNeedsAnAdministratorsToken() {
		Account user = register(uniqueName("plain"));
		String orderId = placeOrder(as(user), MAX).get("id").asString();
		ApiClient admin = admin();
		String auditId = admin.get("/v1/admin/audit-logs").json().get("data").get(0).get("id").asString();
		for (String[] op : operations(user.id(), orderId, auditId)) {
			assertProblem(call(api, op), 401, "unauthorized");
			assertProblem(call(as(user), op), 403, "forbidden");
			assertProblem(call(clientFor(tenant).withToken("not-a-jwt"), op), 401, "unauthorized");
		}
		// nothing was changed by the refused calls
		assertThat(as(user).get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("PLACED");
		for (String[] op : operations(user.id(), orderId, auditId)) {
			Reply reply = call(admin, op);
			assertThat(reply.status()).as(op[0] + " " + op[1] + " " + reply).isEqualTo(200);
		}
		assertThat(as(user).get("/v1/orders/" + orderId).json().get("status").asString()).isEqualTo("CANCELLED");
		// an admin token is bound to its tenant like any other
		assertProblem(clientFor(UUID.randomUUID()).withToken(tokenOf(admin)).get("/v1/admin/users"), 403, "forbidden");
	}

	@Test
	void theConfiguredAdministratorSignsInInAnyTenantAndItsNameIsReserved() {
		assertThat(admin().get("/v1/admin/users").status()).isEqualTo(200);
		Reply wrong = api.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"not-the-password\"}");
		assertProblem(wrong, 401, "unauthorized");
		assertProblem(clientFor(UUID.randomUUID()).postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"nope\"}"),
				401, "unauthorized");
		Reply squat = clientFor(UUID.randomUUID()).postJson("/v1/users", "{\"username\":\"Admin\",\"firstName\":\"A\",\"lastName\":\"B\","
				+ "\"email\":\"squat@example.com\",\"password\":\"SecurePass123!\"}");
		assertProblem(squat, 409, "conflict");
		JsonNode me = admin().get("/v1/admin/users?role=ADMIN").json().get("data");
		assertThat(me).hasSize(1);
		assertThat(me.get(0).get("username").asString()).isEqualTo("admin");
		assertThat(me.get(0).get("lastLoginAt").isNull()).isFalse();
	}

	@Test
	void suspendingAUserEndsTheirTokensAtOnce() {
		Account user = register(uniqueName("suspect"));
		String second = login(user.username());
		ApiClient admin = admin();
		assertThat(as(user).get("/v1/users/" + user.id()).status()).isEqualTo(200);
		assertThat(as(second).get("/v1/users/" + user.id()).status()).isEqualTo(200);

		Reply suspended = admin.send("PATCH", "/v1/admin/users/" + user.id() + "/status", "application/json",
				"{\"status\":\"SUSPENDED\",\"reason\":\"chargebacks\"}");
		assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
		assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
		for (String token : List.of(user.token(), second)) {
			Reply refused = as(token).get("/v1/users/" + user.id());
			assertProblem(refused, 401, "unauthorized");
			assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
			assertProblem(as(token).postJson("/v1/orders", "{\"petId\":\"" + MAX + "\"}"), 401, "unauthorized");
		}
		assertProblem(api.postJson("/v1/auth/tokens", credentials(user.username())), 403, "forbidden");
		assertThat(api.get("/v1/pets/" + MAX).json().get("status").asString()).isEqualTo("AVAILABLE");

		Reply reactivated = admin.send("PATCH", "/v1/admin/users/" + user.id() + "/status", "application/json",
				"{\"status\":\"ACTIVE\"}");
		assertThat(reactivated.json().get("status").asString()).isEqualTo("ACTIVE");
		// tokens from before the suspension stay dead; a new sign-in works
		assertProblem(as(user).get("/v1/users/" + user.id()), 401, "unauthorized");
		assertThat(as(login(user.username())).get("/v1/users/" + user.id()).status()).isEqualTo(200);

		admin.send("PATCH", "/v1/admin/users/" + user.id() + "/status", "application/json", "{\"status\":\"DEACTIVATED\"}");
		assertProblem(api.postJson("/v1/auth/tokens", credentials(user.username())), 403, "forbidden");
	}

	@Test
	void administratorsCannotLockThemselvesOutAndStatusChangesAreChecked() {
		ApiClient admin = admin();
		String adminId = admin.get("/v1/admin/users?role=ADMIN").json().get("data").get(0).get("id").asString();
		assertProblem(admin.send("PATCH", "/v1/admin/users/" + adminId + "/status", "application/json", "{\"status\":\"SUSPENDED\"}"),
				409, "conflict");
		assertProblem(admin.send("PATCH", "/v1/admin/users/" + adminId + "/role", "application/json", "{\"role\":\"USER\"}"), 409,
				"conflict");
		Account user = register(uniqueName("target"));
		String path = "/v1/admin/users/" + user.id() + "/status";
		assertProblem(admin.send("PATCH", path, "application/json", "{\"status\":\"BANNED\"}"), 422, "validation-error");
		assertProblem(admin.send("PATCH", path, "application/json", "{}"), 422, "validation-error");
		assertProblem(admin.send("PATCH", path, "application/json", "{\"status\":\"SUSPENDED\",\"extra\":1}"), 422, "validation-error");
		assertProblem(admin.send("PATCH", path, "application/json", "{\"status\":"), 400, "bad-request");
		assertProblem(admin.send("PATCH", "/v1/admin/users/" + UUID.randomUUID() + "/status", "application/json",
				"{\"status\":\"SUSPENDED\"}"), 404, "not-found");
		assertProblem(admin.send("PATCH", "/v1/admin/users/nope/status", "application/json", "{\"status\":\"SUSPENDED\"}"), 400,
				"bad-request");
		assertThat(as(user).get("/v1/users/" + user.id()).status()).isEqualTo(200);
	}

	@Test
	void grantingTheAdminRoleTakesEffectOnTheNextRequest() {
		Account helper = register(uniqueName("helper"));
		assertProblem(as(helper).get("/v1/admin/users"), 403, "forbidden");
		ApiClient admin = admin();
		Reply granted = admin.send("PATCH", "/v1/admin/users/" + helper.id() + "/role", "application/json", "{\"role\":\"ADMIN\"}");
		assertThat(granted.json().get("role").asString()).isEqualTo("ADMIN");
		assertThat(as(helper).get("/v1/admin/users").status()).isEqualTo(200);
		admin.send("PATCH", "/v1/admin/users/" + helper.id() + "/role", "application/json", "{\"role\":\"USER\"}");
		assertProblem(as(helper).get("/v1/admin/users"), 403, "forbidden");
	}

	@Test
	void listsUsersWithFiltersAndPagination() {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		List<Account> users = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			users.add(register("u" + i + "x" + tag));
		}
		ApiClient admin = admin();
		admin.send("PATCH", "/v1/admin/users/" + users.get(1).id() + "/status", "application/json", "{\"status\":\"SUSPENDED\"}");
		placeOrder(as(users.get(2)), MAX);

		JsonNode all = admin.get("/v1/admin/users?limit=2").json();
		assertThat(all.get("pagination").get("totalItems").asLong()).isEqualTo(6); // five and the administrator
		assertThat(all.get("pagination").get("totalPages").asLong()).isEqualTo(3);
		assertThat(all.get("data")).hasSize(2);
		assertThat(all.get("data").get(0).has("password")).isFalse();

		JsonNode suspended = admin.get("/v1/admin/users?status=SUSPENDED").json().get("data");
		assertThat(suspended).hasSize(1);
		assertThat(suspended.get(0).get("id").asString()).isEqualTo(users.get(1).id());

		JsonNode found = admin.get("/v1/admin/users?q=U3X" + tag.toUpperCase()).json().get("data");
		assertThat(found).hasSize(1);
		assertThat(found.get(0).get("username").asString()).isEqualTo("u3x" + tag);
		assertThat(admin.get("/v1/admin/users?q=" + tag + "@EXAMPLE.com").json().get("pagination").get("totalItems").asLong())
			.isEqualTo(5);
		assertThat(admin.get("/v1/admin/users?q=%25").json().get("pagination").get("totalItems").asLong()).isZero();
		assertThat(admin.get("/v1/admin/users?role=USER&status=ACTIVE").json().get("pagination").get("totalItems").asLong())
			.isEqualTo(4);
		assertThat(admin.get("/v1/admin/users?createdFrom=2000-01-01&createdTo=2001-01-01").json().get("data")).isEmpty();
		assertThat(admin.get("/v1/admin/users?createdFrom=2000-01-01T00:00:00Z").json().get("pagination").get("totalItems").asLong())
			.isEqualTo(6);

		JsonNode details = admin.get("/v1/admin/users/" + users.get(2).id()).json();
		assertThat(details.get("orderCount").asLong()).isEqualTo(1);
		assertThat(details.get("role").asString()).isEqualTo("USER");
		assertThat(details.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(details.get("lastLoginAt").isNull()).isTrue();
		login(users.get(2).username());
		assertThat(admin.get("/v1/admin/users/" + users.get(2).id()).json().get("lastLoginAt").isNull()).isFalse();
		assertThat(admin.get("/v1/admin/users/" + users.get(0).id()).json().get("orderCount").asLong()).isZero();

		assertProblem(admin.get("/v1/admin/users?status=ASLEEP"), 400, "bad-request");
		// enums are spelled as the document lists them
		assertProblem(admin.get("/v1/admin/users?status=suspended"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/users?role=ROOT"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/users?createdFrom=yesterday"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/users?createdFrom=2026-02-01&createdTo=2026-01-01"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/users?limit=101"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/users?page=x"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/users/" + UUID.randomUUID()), 404, "not-found");
		// another tenant's users are not there
		assertProblem(admin.get("/v1/admin/users/" + register(clientFor(UUID.randomUUID()), uniqueName("far")).id()), 404,
				"not-found");
	}

	@Test
	void listsEveryOrderWithFilters() {
		Account alice = register(uniqueName("alice"));
		Account bob = register(uniqueName("bob"));
		ApiClient staff = as(register(uniqueName("staff")));
		String cat = createPet(staff, "Tom", "80.00");
		String dog = createPet(staff, "Rex", "120.00");
		String first = placeOrder(as(alice), cat).get("id").asString();
		String second = placeOrder(as(bob), dog).get("id").asString();
		assertThat(as(bob).delete("/v1/orders/" + second).status()).isEqualTo(204);
		String third = placeOrder(as(alice), dog).get("id").asString();

		ApiClient admin = admin();
		JsonNode all = admin.get("/v1/admin/orders").json();
		assertThat(all.get("pagination").get("totalItems").asLong()).isEqualTo(3);
		assertThat(ids(all.get("data"))).containsExactly(third, second, first);
		assertThat(ids(admin.get("/v1/admin/orders?userId=" + alice.id()).json().get("data"))).containsExactly(third, first);
		assertThat(ids(admin.get("/v1/admin/orders?petId=" + dog).json().get("data"))).containsExactly(third, second);
		assertThat(ids(admin.get("/v1/admin/orders?status=CANCELLED").json().get("data"))).containsExactly(second);
		assertThat(ids(admin.get("/v1/admin/orders?status=PLACED&userId=" + bob.id()).json().get("data"))).isEmpty();
		JsonNode paged = admin.get("/v1/admin/orders?limit=2&page=2").json();
		assertThat(ids(paged.get("data"))).containsExactly(first);
		assertThat(paged.get("pagination").get("totalPages").asLong()).isEqualTo(2);
		assertThat(admin.get("/v1/admin/orders?createdTo=2020-01-01").json().get("data")).isEmpty();
		assertProblem(admin.get("/v1/admin/orders?status=LOST"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/orders?userId=42"), 400, "bad-request");
	}

	@Test
	void forceCancellingReleasesThePetAndRefundsThePayment() {
		Account buyer = register(uniqueName("buyer"));
		ApiClient staff = as(register(uniqueName("staff")));
		String pet = createPet(staff, "Bella", "99.50");
		String paid = placeOrder(as(buyer), pet).get("id").asString();
		Reply payment = as(buyer).postJson("/v1/orders/" + paid + "/payment", "{\"amount\":\"99.50\",\"currency\":\"USD\",\"source\":" + CARD + "}");
		assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
		assertThat(api.get("/v1/pets/" + pet).json().get("status").asString()).isEqualTo("ADOPTED");
		ApiClient admin = admin();
		assertThat(admin.get("/v1/admin/dashboard/stats").json().get("revenue").get(0).get("amount").asString()).isEqualTo("99.50");

		Reply cancelled = admin.postJson("/v1/admin/orders/" + paid + "/force-cancel", "{\"reason\":\"  Pet never delivered  \"}");
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("userId").asString()).isEqualTo(buyer.id());
		assertThat(as(buyer).get("/v1/orders/" + paid).json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(api.get("/v1/pets/" + pet).json().get("status").asString()).isEqualTo("AVAILABLE");
		JsonNode revenue = admin.get("/v1/admin/dashboard/stats").json().get("revenue").get(0);
		assertThat(revenue.get("amount").asString()).isEqualTo("0.00");
		assertThat(revenue.get("refundedAmount").asString()).isEqualTo("99.50");
		assertThat(revenue.get("refunds").asLong()).isEqualTo(1);
		JsonNode refund = admin.get("/v1/admin/audit-logs?action=PAYMENT_REFUNDED").json().get("data");
		assertThat(refund).hasSize(1);
		assertThat(refund.get(0).get("entityId").asString()).isEqualTo(payment.json().get("id").asString());
		assertThat(refund.get(0).get("changes").get("status").get("after").asString()).isEqualTo("REFUNDED");
		JsonNode record = admin.get("/v1/admin/audit-logs?action=ORDER_CANCELLED&entityId=" + paid).json().get("data").get(0);
		assertThat(record.get("changes").get("cancelReason").get("after").asString()).isEqualTo("Pet never delivered");
		assertThat(record.get("changes").get("status").get("before").asString()).isEqualTo("APPROVED");
		assertThat(record.get("actor").asString()).isEqualTo("user:admin");

		// the pet can be ordered again; an unpaid order is cancelled the same way
		String placed = placeOrder(as(buyer), pet).get("id").asString();
		assertThat(admin.postJson("/v1/admin/orders/" + placed + "/force-cancel", "{\"reason\":\"duplicate\"}").status()).isEqualTo(200);
		assertThat(api.get("/v1/pets/" + pet).json().get("status").asString()).isEqualTo("AVAILABLE");

		assertProblem(admin.postJson("/v1/admin/orders/" + placed + "/force-cancel", "{\"reason\":\"again\"}"), 409, "conflict");
		assertProblem(admin.postJson("/v1/admin/orders/" + UUID.randomUUID() + "/force-cancel", "{\"reason\":\"x\"}"), 404,
				"not-found");
		assertProblem(admin.postJson("/v1/admin/orders/" + placed + "/force-cancel", "{}"), 422, "validation-error");
		assertProblem(admin.postJson("/v1/admin/orders/" + placed + "/force-cancel", "{\"reason\":\"   \"}"), 422, "validation-error");
		assertProblem(admin.postJson("/v1/admin/orders/" + placed + "/force-cancel", "{\"reason\":\"" + "x".repeat(501) + "\"}"), 422,
				"validation-error");
		assertProblem(admin.postJson("/v1/admin/orders/" + placed + "/force-cancel", "{\"reason\":"), 400, "bad-request");
	}

	private String login(String username) {
		Reply reply = api.postJson("/v1/auth/tokens", credentials(username));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json().get("token").asString();
	}

	private static String credentials(String username) {
		return "{\"username\":\"" + username + "\",\"password\":\"SecurePass123!\"}";
	}

	private static String tokenOf(ApiClient client) {
		return client.defaultHeader("Authorization").substring("Bearer ".length());
	}

	private static List<String> ids(JsonNode data) {
		List<String> ids = new ArrayList<>();
		data.forEach(node -> ids.add(node.get("id").asString()));
		return ids;
	}

}
