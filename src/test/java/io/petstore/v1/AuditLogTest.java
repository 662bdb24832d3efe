package io.petstore.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.petstore.audit.AuditTrail;
import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.auth.Credentials;
import io.petstore.auth.Origin;
import io.petstore.catalog.PetCatalog;
import io.petstore.catalog.PetInput;
import io.petstore.support.ApiClient;
import io.petstore.support.Reply;
import io.petstore.tenancy.Tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log: a record for each kind of change of the Modern and classic APIs, the Admin API
 * and resets, written in the change's transaction; append-only; per tenant. (The Inboxes API and
 * SMTP: {@code inbox.InboxAuditTest}.)
 */
class AuditLogTest extends ModernApiTest {

	@Autowired
	PetCatalog catalog;

	@Autowired
	CallContexts contexts;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AuditTrail audit;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsEveryModernApiChangeWithWhoWhatAndFromWhere() {
		Account user = register(uniqueName("auditee"));
		ApiClient client = as(user).withHeader("User-Agent", "audit-test/1.0");
		String pet = createPet(client, "Rex", "100.00");
		assertThat(client.putJson("/v1/pets/" + pet, petJson("Rex II", "110.00")).status()).isEqualTo(200);
		assertThat(client.putJson("/v1/users/" + user.id(), "{\"firstName\":\"Kay\",\"password\":\"NewPass123!\"}").status())
			.isEqualTo(200);
		String order = placeOrder(client, pet).get("id").asString();
		Reply payment = client.postJson("/v1/orders/" + order + "/payment",
				"{\"amount\":\"110.00\",\"currency\":\"USD\",\"source\":" + CARD + "}");
		assertThat(payment.status()).isEqualTo(201);
		assertThat(client.delete("/v1/orders/" + order).status()).isEqualTo(204);
		String other = createPet(client, "Gone", "5.00");
		assertThat(client.delete("/v1/pets/" + other).status()).isEqualTo(204);
		assertThat(api.postJson("/v1/auth/tokens", "{\"username\":\"" + user.username() + "\",\"password\":\"NewPass123!\"}")
			.status()).isEqualTo(200);
		Account leaver = register(uniqueName("leaver"));
		assertThat(as(leaver).delete("/v1/users/" + leaver.id()).status()).isEqualTo(204);

		ApiClient admin = admin();
		JsonNode created = only(admin, "action=PET_CREATED&entityId=" + pet);
		assertThat(created.get("entityType").asString()).isEqualTo("PETS");
		assertThat(created.get("actor").asString()).isEqualTo("user:" + user.username());
		assertThat(created.get("userId").asString()).isEqualTo(user.id());
		assertThat(created.get("protocol").asString()).isEqualTo("HTTP");
		assertThat(created.get("request").asString()).isEqualTo("POST /v1/pets");
		assertThat(created.get("ipAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(created.get("userAgent").asString()).isEqualTo("audit-test/1.0");
		assertThat(created.get("tenantId").asString()).isEqualTo(tenant.toString());
		assertThat(created.get("changes").get("name").get("before").isNull()).isTrue();
		assertThat(created.get("changes").get("name").get("after").asString()).isEqualTo("Rex");

		JsonNode updated = only(admin, "action=PET_UPDATED&entityId=" + pet);
		assertThat(updated.get("changes").get("name").get("before").asString()).isEqualTo("Rex");
		assertThat(updated.get("changes").get("name").get("after").asString()).isEqualTo("Rex II");
		assertThat(updated.get("changes").get("price").get("after").asString()).isEqualTo("110.00");
		assertThat(updated.get("changes").has("species")).isFalse(); // unchanged fields are left out
		assertThat(updated.get("changes").has("updatedAt")).isFalse();

		JsonNode profile = only(admin, "action=USER_UPDATED&entityId=" + user.id());
		assertThat(profile.get("changes").get("firstName").get("after").asString()).isEqualTo("Kay");
		assertThat(profile.get("changes").get("password").get("after").asString()).isEqualTo("[redacted]");
		assertThat(profile.toString()).doesNotContain("NewPass123!").doesNotContain("argon2");

		assertThat(only(admin, "action=ORDER_PLACED&entityId=" + order).get("changes").get("status").get("after").asString())
			.isEqualTo("PLACED");
		assertThat(only(admin, "action=ORDER_APPROVED&entityId=" + order).get("changes").get("status").get("before").asString())
			.isEqualTo("PLACED");
		assertThat(only(admin, "action=ORDER_CANCELLED&entityId=" + order).get("changes").get("status").get("after").asString())
			.isEqualTo("CANCELLED");
		JsonNode paid = only(admin, "action=PAYMENT_SUCCEEDED&entityId=" + payment.json().get("id").asString());
		assertThat(paid.toString()).doesNotContain("4242424242424242").doesNotContain("\"123\"");
		only(admin, "action=PAYMENT_REFUNDED&entityId=" + payment.json().get("id").asString());
		// the pet's way: AVAILABLE → PENDING → ADOPTED → AVAILABLE
		JsonNode statuses = admin.get("/v1/admin/audit-logs?action=PET_STATUS_CHANGED&entityId=" + pet).json().get("data");
		assertThat(statuses).hasSize(3);
		assertThat(statuses.get(0).get("changes").get("status").get("after").asString()).isEqualTo("AVAILABLE");
		assertThat(statuses.get(2).get("changes").get("status").get("after").asString()).isEqualTo("PENDING");
		assertThat(only(admin, "action=PET_DELETED&entityId=" + other).get("changes").get("name").get("before").asString())
			.isEqualTo("Gone");
		JsonNode login = admin.get("/v1/admin/audit-logs?action=USER_LOGGED_IN&entityId=" + user.id()).json().get("data").get(0);
		assertThat(login.get("userId").asString()).isEqualTo(user.id());
		assertThat(login.get("changes").has("lastLoginAt")).isTrue();
		only(admin, "action=USER_CREATED&entityId=" + leaver.id());
		only(admin, "action=USER_DELETED&entityId=" + leaver.id());
		assertThat(admin.get("/v1/admin/audit-logs?userId=" + user.id()).json().get("pagination").get("totalItems").asLong())
			.isGreaterThanOrEqualTo(10);

		// one by id
		Reply one = admin.get("/v1/admin/audit-logs/" + created.get("id").asString());
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json()).isEqualTo(created);
		assertProblem(admin.get("/v1/admin/audit-logs/" + UUID.randomUUID()), 404, "not-found");
	}

	@Test
	void recordsUploadsAndFailedPayments() throws Exception {
		Account user = register(uniqueName("uploader"));
		String pet = createPet(as(user), "Pic", "30.00");
		io.petstore.support.Multipart photo = new io.petstore.support.Multipart().file("file", "p.png", "image/png",
				PetsApiTest.image("png"));
		Reply uploaded = as(user).send("POST", "/v1/pets/" + pet + "/images", photo.contentType(),
				java.net.http.HttpRequest.BodyPublishers.ofByteArray(photo.bytes()));
		assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
		io.petstore.support.Multipart file = new io.petstore.support.Multipart().file("file", "a.txt", "text/plain",
				"hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(api.send("POST", "/v2/pet/1/uploadImage", file.contentType(),
				java.net.http.HttpRequest.BodyPublishers.ofByteArray(file.bytes())).status()).isEqualTo(200);
		String order = placeOrder(as(user), pet).get("id").asString();
		Reply declined = as(user).postJson("/v1/orders/" + order + "/payment",
				"{\"amount\":\"30.00\",\"currency\":\"USD\",\"source\":" + CARD.replace("4242424242424242", "4000000000000002") + "}");
		assertThat(declined.json().get("status").asString()).isEqualTo("FAILED");

		ApiClient admin = admin();
		JsonNode photoAdded = only(admin, "action=PET_PHOTO_ADDED&entityId=" + pet);
		assertThat(photoAdded.get("changes").get("photoUrl").get("after").asString()).contains("/v1/pets/" + pet + "/images/");
		JsonNode image = only(admin, "entityType=CLASSIC_PETS&action=PET_IMAGE_UPLOADED&entityId=1");
		assertThat(image.get("changes").get("fileName").get("after").asString()).isEqualTo("a.txt");
		JsonNode failed = only(admin, "action=PAYMENT_FAILED&entityId=" + declined.json().get("id").asString());
		assertThat(failed.get("changes").get("failureReason").get("after").asString()).isEqualTo("card_declined");
		assertThat(failed.toString()).doesNotContain("4000000000000002");
		assertThat(admin.get("/v1/admin/audit-logs?action=ORDER_APPROVED").json().get("data")).isEmpty();
	}

	@Test
	void recordsClassicApiChanges() {
		assertThat(api.postJson("/v2/pet", "{\"id\":777001,\"name\":\"doggie\",\"photoUrls\":[],\"status\":\"available\"}").status())
			.isEqualTo(200);
		assertThat(api.putJson("/v2/pet", "{\"id\":777001,\"name\":\"doggo\",\"photoUrls\":[],\"status\":\"sold\"}").status())
			.isEqualTo(200);
		assertThat(api.send("POST", "/v2/pet/777001", "application/x-www-form-urlencoded", "name=dog3").status()).isEqualTo(200);
		assertThat(api.postJson("/v2/store/order", "{\"id\":777005,\"petId\":777001,\"quantity\":1,\"status\":\"placed\"}").status())
			.isEqualTo(200);
		assertThat(api.delete("/v2/store/order/777005").status()).isEqualTo(200);
		assertThat(api.postJson("/v2/user", "{\"username\":\"classic1\",\"password\":\"pw-one\",\"email\":\"c@example.com\"}").status())
			.isEqualTo(200);
		assertThat(api.putJson("/v2/user/classic1", "{\"username\":\"classic1\",\"password\":\"pw-two\",\"email\":\"d@example.com\"}")
			.status()).isEqualTo(200);
		assertThat(api.delete("/v2/user/classic1").status()).isEqualTo(200);
		assertThat(api.delete("/v2/pet/777001").status()).isEqualTo(200);

		ApiClient admin = admin();
		JsonNode created = only(admin, "entityType=CLASSIC_PETS&action=PET_CREATED&entityId=777001");
		assertThat(created.get("actor").asString()).isEqualTo("anonymous");
		assertThat(created.get("userId").isNull()).isTrue();
		assertThat(created.get("request").asString()).isEqualTo("POST /v2/pet");
		JsonNode updates = admin.get("/v1/admin/audit-logs?entityType=classic_pets&action=PET_UPDATED").json().get("data");
		assertThat(updates).hasSize(2);
		assertThat(updates.get(1).get("changes").get("status").get("after").asString()).isEqualTo("sold");
		assertThat(updates.get(0).get("changes").get("name").get("after").asString()).isEqualTo("dog3");
		only(admin, "entityType=CLASSIC_PETS&action=PET_DELETED&entityId=777001");
		only(admin, "entityType=CLASSIC_ORDERS&action=ORDER_PLACED&entityId=777005");
		only(admin, "entityType=CLASSIC_ORDERS&action=ORDER_DELETED&entityId=777005");
		JsonNode userCreated = only(admin, "entityType=CLASSIC_USERS&action=USER_CREATED");
		assertThat(userCreated.get("changes").get("password").get("after").asString()).isEqualTo("[redacted]");
		JsonNode userUpdated = only(admin, "entityType=CLASSIC_USERS&action=USER_UPDATED");
		assertThat(userUpdated.get("changes").get("email").get("after").asString()).isEqualTo("d@example.com");
		assertThat(userUpdated.toString()).doesNotContain("pw-two").doesNotContain("$2");
		only(admin, "entityType=CLASSIC_USERS&action=USER_DELETED");
	}

	@Test
	void recordsAdminChangesAndResetsAndKeepsTheLogThroughAReset() {
		Account user = register(uniqueName("watched"));
		ApiClient admin = admin();
		admin.send("PATCH", "/v1/admin/users/" + user.id() + "/status", "application/json",
				"{\"status\":\"SUSPENDED\",\"reason\":\"spam\"}");
		admin.send("PATCH", "/v1/admin/users/" + user.id() + "/role", "application/json", "{\"role\":\"ADMIN\"}");
		JsonNode status = only(admin, "action=USER_STATUS_CHANGED&entityId=" + user.id());
		assertThat(status.get("changes").get("status").get("before").asString()).isEqualTo("ACTIVE");
		assertThat(status.get("changes").get("status").get("after").asString()).isEqualTo("SUSPENDED");
		assertThat(status.get("changes").get("statusReason").get("after").asString()).isEqualTo("spam");
		assertThat(status.get("actor").asString()).isEqualTo("user:admin");
		assertThat(status.get("request").asString()).isEqualTo("PATCH /v1/admin/users/" + user.id() + "/status");
		assertThat(only(admin, "action=USER_ROLE_CHANGED&entityId=" + user.id()).get("changes").get("role").get("after").asString())
			.isEqualTo("ADMIN");

		long before = admin.get("/v1/admin/audit-logs").json().get("pagination").get("totalItems").asLong();
		assertThat(api.postJson("/admin/reset", null).status()).isEqualTo(200);
		// the reset removed the users (the admin's token with them); the log is still there, plus the reset
		ApiClient again = admin();
		JsonNode reset = only(again, "action=TENANT_RESET");
		assertThat(reset.get("entityId").asString()).isEqualTo(tenant.toString());
		assertThat(again.get("/v1/admin/audit-logs").json().get("pagination").get("totalItems").asLong()).isGreaterThan(before);
		only(again, "action=USER_STATUS_CHANGED&entityId=" + user.id());
	}

	@Test
	void aChangeAndItsRecordCommitOrRollBackTogether() throws Exception {
		Tenant mine = new Tenant(tenant);
		api.get("/v1/pets"); // creates the tenant
		PetInput input = json.readValue(petJson("Phantom", "1.00"), PetInput.class);
		CallContext call = contexts.openWithoutCounting(Credentials.of("Bearer " + register(uniqueName("writer")).token(),
				tenant.toString(), new Origin("TEST", "127.0.0.1", null, "createPet")));
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			catalog.create(call, input);
			throw new IllegalStateException("the change fails after its record was written");
		})).hasMessageContaining("fails");
		assertThat(count("catalog_pet", "name = 'Phantom'")).isZero();
		assertThat(count("audit_log", "action = 'PET_CREATED'")).isZero();

		tx.executeWithoutResult(status -> catalog.create(call, input));
		assertThat(count("catalog_pet", "name = 'Phantom'")).isEqualTo(1);
		assertThat(count("audit_log", "action = 'PET_CREATED'")).isEqualTo(1);
		// outside a transaction the audit refuses to write (it would not be atomic with the change)
		assertThatThrownBy(() -> audit.record(mine, "X", "Y", 1, null, null)).isInstanceOf(IllegalTransactionStateException.class);

		// over HTTP: many writers at once, some failing (orders for one pet): one record per change that happened
		ApiClient staff = as(register(uniqueName("staff")));
		String pet = createPet(staff, "Popular", "10.00");
		List<Account> buyers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			buyers.add(register(uniqueName("b" + i)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Reply>> replies = new ArrayList<>();
		for (Account buyer : buyers) {
			replies.add(pool.submit(() -> as(buyer).postJson("/v1/orders", "{\"petId\":\"" + pet + "\"}")));
			replies.add(pool.submit(() -> staff.postJson("/v1/pets", petJson("Twin", "3.00"))));
		}
		int placed = 0;
		int created = 0;
		for (Future<Reply> reply : replies) {
			Reply r = reply.get();
			if (r.status() == 201 && r.body().contains("\"petId\"")) {
				placed++;
			}
			else if (r.status() == 201) {
				created++;
			}
			else {
				assertThat(r.status()).as(r.toString()).isEqualTo(409);
			}
		}
		pool.shutdown();
		assertThat(placed).isEqualTo(1);
		assertThat(created).isEqualTo(8);
		ApiClient admin = admin();
		assertThat(admin.get("/v1/admin/audit-logs?action=ORDER_PLACED").json().get("pagination").get("totalItems").asLong())
			.isEqualTo(1);
		assertThat(admin.get("/v1/admin/audit-logs?action=PET_STATUS_CHANGED&entityId=" + pet).json().get("data")).hasSize(1);
		assertThat(count("catalog_pet", "name IN ('Phantom', 'Popular', 'Twin')")).isEqualTo(10);
		assertThat(count("audit_log", "action = 'PET_CREATED'")).isEqualTo(10);
	}

	@Test
	void theLogCannotBeChangedAndIsPerTenant() {
		register(uniqueName("someone"));
		ApiClient admin = admin();
		String id = admin.get("/v1/admin/audit-logs").json().get("data").get(0).get("id").asString();
		assertThat(admin.delete("/v1/admin/audit-logs/" + id).status()).isEqualTo(405);
		assertThat(admin.putJson("/v1/admin/audit-logs/" + id, "{}").status()).isEqualTo(405);
		assertThat(admin.send("PATCH", "/v1/admin/audit-logs/" + id, "application/json", "{}").status()).isEqualTo(405);
		assertThat(admin.postJson("/v1/admin/audit-logs", "{}").status()).isEqualTo(405);
		assertThat(admin.get("/v1/admin/audit-logs/" + id).status()).isEqualTo(200);
		ApiClient elsewhere = clientFor(UUID.randomUUID());
		Reply token = elsewhere.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
		elsewhere.withToken(token.json().get("token").asString());
		assertProblem(elsewhere.get("/v1/admin/audit-logs/" + id), 404, "not-found");
		assertProblem(admin.get("/v1/admin/audit-logs?createdFrom=soon"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/audit-logs?userId=me"), 400, "bad-request");
		assertProblem(admin.get("/v1/admin/audit-logs/" + "x"), 400, "bad-request");
	}

	private long count(String table, String condition) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ? AND " + condition).param(tenant)
			.query(Long.class).single();
	}

	/** The one record the filter finds. */
	private static JsonNode only(ApiClient admin, String query) {
		Reply reply = admin.get("/v1/admin/audit-logs?" + query);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().get("data")).as(query + ": " + reply.body()).hasSize(1);
		return reply.json().get("data").get(0);
	}

}
