package io.petstore.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20: the dashboard reads counts that the modules keep as they write (tallies), not the rows.
 * After every kind of change (creation, status changes, cancel with refund, force-cancel,
 * suspension, deletion, concurrent orders, tenant reset) its figures must equal a count of the rows.
 */
class DashboardTallyTest extends ModernApiTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void figuresEqualACountOfTheRowsAfterEveryKindOfChange() throws Exception {
		ApiClient admin = admin();
		assertMatchesRows(admin);

		Account alice = register(uniqueName("alice"));
		Account bob = register(uniqueName("bob"));
		ApiClient staff = as(alice);
		String rex = createPet(staff, "Rex", "100.00");
		String tom = createPet(staff, "Tom", "80.00");
		String gone = createPet(staff, "Gone", "10.00");
		// replace: status and species change
		Reply replaced = staff.putJson("/v1/pets/" + tom,
				petJson("Tom", "80.00").replace("\"DOG\"", "\"CAT\"").replace("\"AVAILABLE\"", "\"NOT_AVAILABLE\""));
		assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
		assertThat(staff.delete("/v1/pets/" + gone).status()).isEqualTo(204);
		assertMatchesRows(admin);

		String paid = placeOrder(as(bob), rex).get("id").asString();
		pay(as(bob), paid, "100.00");
		String later = createPet(staff, "Later", "50.00");
		String placed = placeOrder(as(alice), later).get("id").asString();
		assertMatchesRows(admin);

		// a customer's cancel of a paid order (refund), an administrator's force-cancel
		assertThat(as(bob).delete("/v1/orders/" + paid).status()).isEqualTo(204);
		Reply forced = admin.postJson("/v1/admin/orders/" + placed + "/force-cancel", "{\"reason\":\"test\"}");
		assertThat(forced.status()).as(forced.toString()).isEqualTo(200);
		assertMatchesRows(admin);

		// suspension, then deletion of a user
		Reply suspended = admin.send("PATCH", "/v1/admin/users/" + bob.id() + "/status", "application/json",
				"{\"status\":\"SUSPENDED\",\"reason\":\"test\"}");
		assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
		assertMatchesRows(admin);
		assertThat(as(alice).delete("/v1/users/" + alice.id()).status()).isEqualTo(204);
		assertMatchesRows(admin);

		// concurrent writers of the same figures (today's new orders, PLACED, PENDING)
		Account carol = register(uniqueName("carol"));
		List<String> pets = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			pets.add(createPet(as(carol), "P" + i, "5.00"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<Reply>> replies = new ArrayList<>();
			for (String pet : pets) {
				replies.add(pool.submit(() -> as(carol).postJson("/v1/orders", "{\"petId\":\"" + pet + "\"}")));
			}
			for (Future<Reply> reply : replies) {
				assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(201);
			}
		}
		finally {
			pool.shutdown();
		}
		assertMatchesRows(admin);

		// a reset brings back the seed data, and counts it
		Reply reset = api.send("POST", "/admin/reset", "application/json", "");
		assertThat(reset.status()).as(reset.toString()).isBetween(200, 299);
		assertMatchesRows(admin());
	}

	/** The dashboard (over the last year) against GROUP BY queries on the module tables. */
	private void assertMatchesRows(ApiClient admin) {
		String from = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(365).toString();
		Reply reply = admin.get("/v1/admin/dashboard/stats?from=" + from);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode stats = reply.json();
		assertThat(byKey(stats.get("pets").get("byStatusAndSpecies"), true))
			.isEqualTo(rows("SELECT status || '/' || species, COUNT(*) FROM catalog_pet WHERE tenant_id = ? GROUP BY status, species"));
		assertThat(byKey(stats.get("orders").get("byStatus"), false))
			.isEqualTo(rows("SELECT status, COUNT(*) FROM store_order WHERE tenant_id = ? GROUP BY status"));
		assertThat(byKey(stats.get("users").get("byStatus"), false))
			.isEqualTo(rows("SELECT status, COUNT(*) FROM account_user WHERE tenant_id = ? GROUP BY status"));
		Map<String, Long> newUsers = new java.util.TreeMap<>();
		Map<String, Long> newOrders = new java.util.TreeMap<>();
		for (JsonNode day : stats.get("daily")) {
			if (day.get("newUsers").asLong() != 0) {
				newUsers.put(day.get("date").asString(), day.get("newUsers").asLong());
			}
			if (day.get("newOrders").asLong() != 0) {
				newOrders.put(day.get("date").asString(), day.get("newOrders").asLong());
			}
		}
		assertThat(newUsers).isEqualTo(perDay("account_user"));
		assertThat(newOrders).isEqualTo(perDay("store_order"));
		Map<String, String> revenue = new java.util.TreeMap<>();
		for (JsonNode r : stats.get("revenue")) {
			String currency = r.get("currency").asString();
			if (r.get("payments").asLong() != 0) {
				revenue.put(currency + "/SUCCEEDED", r.get("payments").asLong() + " " + r.get("amount").asString());
			}
			if (r.get("refunds").asLong() != 0) {
				revenue.put(currency + "/REFUNDED", r.get("refunds").asLong() + " " + r.get("refundedAmount").asString());
			}
		}
		Map<String, String> paid = new java.util.TreeMap<>();
		jdbc.sql("SELECT currency, status, COUNT(*), SUM(amount) FROM payment WHERE tenant_id = ? AND status IN ('SUCCEEDED', 'REFUNDED') "
				+ "GROUP BY currency, status")
			.param(tenant)
			.query((rs, row) -> paid.put(rs.getString(1).trim() + "/" + rs.getString(2),
					rs.getLong(3) + " " + rs.getBigDecimal(4).setScale(2).toPlainString()))
			.list();
		assertThat(revenue).isEqualTo(paid);
	}

	private Map<String, Long> perDay(String table) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		jdbc.sql("SELECT CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS d, COUNT(*) AS n FROM " + table
				+ " WHERE tenant_id = ? GROUP BY CAST(created_at AT TIME ZONE 'UTC' AS DATE)")
			.param(tenant)
			.query((rs, row) -> counts.put(rs.getObject(1, java.time.LocalDate.class).toString(), rs.getLong(2)))
			.list();
		return counts;
	}

	private Map<String, Long> rows(String sql) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		jdbc.sql(sql).param(tenant).query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	private static Map<String, Long> byKey(JsonNode node, boolean nested) {
		Map<String, Long> counts = new java.util.TreeMap<>();
		node.properties().forEach(e -> {
			if (nested) {
				e.getValue().properties().forEach(inner -> {
					if (inner.getValue().asLong() != 0) {
						counts.put(e.getKey() + "/" + inner.getKey(), inner.getValue().asLong());
					}
				});
			}
			else if (e.getValue().asLong() != 0) {
				counts.put(e.getKey(), e.getValue().asLong());
			}
		});
		return counts;
	}

	private void pay(ApiClient client, String orderId, String amount) {
		Reply reply = client.postJson("/v1/orders/" + orderId + "/payment",
				"{\"amount\":\"" + amount + "\",\"currency\":\"USD\",\"source\":" + CARD + "}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

}
