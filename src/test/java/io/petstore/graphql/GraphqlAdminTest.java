package io.petstore.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin operations over GraphQL (the ADMIN role, checked by auth.Admins) and batch loading of nested fields. */
class GraphqlAdminTest extends GraphqlTestSupport {

	private static final List<String> ADMIN_QUERIES = List.of(
			"{ dashboardStats { from to pets { total byStatus { status count } bySpecies { species count } } "
					+ "orders { total newInRange byStatus { status count } } users { total newInRange } "
					+ "revenue { currency revenue refunded payments } daily { date newUsers newOrders } generatedAt } }",
			"{ users { data { id username role status orderCount } pagination { totalItems } } }",
			"{ allOrders { data { id } } }",
			"{ auditLogs { data { id action protocol } } }");

	@Test
	void adminOperationsNeedTheAdminRole() {
		String username = uniqueName("plain");
		String user = registerUser(username);
		String userId = graphql(user).document("{ me { id } }").execute().path("me.id").entity(String.class).get();
		String order = graphql(user).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }").variable("pet", availablePet())
			.execute().path("placeOrder.id").entity(String.class).get();
		List<String> operations = new ArrayList<>(ADMIN_QUERIES);
		operations.add("{ user(id: \"" + userId + "\") { id } }");
		operations.add("mutation { setUserStatus(id: \"" + userId + "\", status: ACTIVE) { id } }");
		operations.add("mutation { forceCancelOrder(id: \"" + order + "\", reason: \"test\") { id } }");
		for (String operation : operations) {
			expectError(graphql().document(operation), "UNAUTHORIZED");
			expectError(graphql(user).document(operation), "FORBIDDEN");
		}
		String admin = signIn("admin");
		for (String operation : ADMIN_QUERIES) {
			graphql(admin).document(operation).execute().errors().verify();
		}
		var details = graphql(admin).document("query($id: UUID!) { user(id: $id) { username role status orderCount orders { data { id status } } } }")
			.variable("id", userId).execute();
		details.path("user.username").entity(String.class).isEqualTo(username);
		details.path("user.role").entity(String.class).isEqualTo("USER");
		details.path("user.orderCount").entity(Integer.class).isEqualTo(1);
		details.path("user.orders.data[0].id").entity(String.class).isEqualTo(order);
		graphql(admin).document("mutation($id: UUID!) { forceCancelOrder(id: $id, reason: \"  out of stock \") { id status } }")
			.variable("id", order).execute()
			.path("forceCancelOrder.status").entity(String.class).isEqualTo("CANCELLED");
		expectError(graphql(admin).document("mutation($id: UUID!) { forceCancelOrder(id: $id, reason: \" \") { id } }").variable("id", order),
				"BAD_REQUEST");
		graphql(admin).document("mutation($id: UUID!) { setUserStatus(id: $id, status: SUSPENDED, reason: \"abuse\") { status } }")
			.variable("id", userId).execute()
			.path("setUserStatus.status").entity(String.class).isEqualTo("SUSPENDED");
		// suspended: the user's token stops working at once
		expectError(graphql(user).document("{ me { id } }"), "UNAUTHORIZED");
		graphql(admin).document("{ users(filter: {status: SUSPENDED}) { data { username } } }").execute()
			.path("users.data[0].username").entity(String.class).isEqualTo(username);
	}

	@Test
	void twentyOrdersWithPetAndPaymentAreLoadedInBatches() {
		String admin = signIn("admin");
		String buyer = registerUser(uniqueName("collector"));
		String other = registerUser(uniqueName("other"));
		for (int i = 0; i < 22; i++) {
			String pet = createPet(admin, "Batch " + i, "CAT", i, "10.00");
			String token = i < 20 ? buyer : other;
			String order = graphql(token).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }").variable("pet", pet)
				.execute().path("placeOrder.id").entity(String.class).get();
			if (i % 2 == 0) {
				graphql(token).document("mutation($o: UUID!, $in: PaymentInput!) { payOrder(orderId: $o, input: $in) { id } }")
					.variable("o", order)
					.variable("in", Map.of("amount", "10.00", "bankAccount", Map.of("accountHolderName", "C. Ollector",
							"accountNumber", "000123456789", "routingNumber", "110000000", "accountType", "CHECKING")))
					.execute();
			}
		}
		String document = "{ myOrders(limit: 20) { data { id pet { id name } payment { id status source { __typename } } } } }";
		GraphqlStatementCounter.SQL.clear();
		var orders = graphql(buyer).document(document).execute();
		List<String> sql = List.copyOf(GraphqlStatementCounter.SQL);
		orders.path("myOrders.data").entityList(Object.class).hasSize(20);
		orders.path("myOrders.data[*].pet.name").entityList(String.class).hasSize(20);
		orders.path("myOrders.data[*].payment.id").entityList(String.class).hasSize(10);
		orders.path("myOrders.data[*].payment.source.__typename").entityList(String.class).satisfies(types -> assertThat(types).hasSize(10).containsOnly("BankAccountSource"));
		// one query for the pets, one for the payments: not one per order
		assertThat(sql.stream().filter(s -> s.contains("FROM catalog_pet")).count()).as(String.join("\n", sql)).isEqualTo(1);
		assertThat(sql.stream().filter(s -> s.contains("FROM payment")).count()).as(String.join("\n", sql)).isEqualTo(1);
		assertThat(sql.stream().filter(s -> s.contains("store_order")).count()).as(String.join("\n", sql)).isLessThanOrEqualTo(2);

		// an administrator's list of users with their orders, pets and payments: batches too
		GraphqlStatementCounter.SQL.clear();
		var users = graphql(admin).document("{ users(limit: 50) { data { username orderCount orders(limit: 5) { data { pet { name } payment { id } } "
				+ "pagination { totalItems } } } } }").execute();
		List<String> adminSql = List.copyOf(GraphqlStatementCounter.SQL);
		users.path("users.data[?(@.orderCount == 20)].orders.data").entityList(Object.class).hasSize(1);
		assertThat(adminSql.stream().filter(s -> s.contains("FROM catalog_pet")).count()).as(String.join("\n", adminSql)).isEqualTo(1);
		assertThat(adminSql.stream().filter(s -> s.contains("FROM payment")).count()).as(String.join("\n", adminSql)).isLessThanOrEqualTo(2);
		assertThat(adminSql.stream().filter(s -> s.contains("store_order")).count()).as(String.join("\n", adminSql)).isLessThanOrEqualTo(4);
	}

}
