package io.petstore.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, orders and payments over GraphQL: the REST rules (scopes, ownership, idempotency). */
class GraphqlOrdersTest extends GraphqlTestSupport {

	private static final Map<String, Object> CARD = Map.of("name", "Alice Buyer", "number", "4242424242424242", "expMonth", 12,
			"expYear", 2030, "cvc", "123");

	private static final String PAY = """
			mutation($order: UUID!, $in: PaymentInput!, $key: String) {
			  payOrder(orderId: $order, input: $in, idempotencyKey: $key) {
			    id orderId amount currency status
			    source { __typename ... on CardSource { brand last4 number } }
			  }
			}""";

	private String placeOrder(String token, String pet) {
		return graphql(token).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }").variable("pet", pet).execute()
			.path("placeOrder.id").entity(String.class).get();
	}

	private String priceOf(String pet) {
		return api.get("/v1/pets/" + pet).json().get("price").asString();
	}

	@Test
	void registerCreateTokenAndMe() {
		String username = uniqueName("newbie");
		String registered = registerUser(username);
		graphql(registered).document("{ me { id username email firstName lastName createdAt } }").execute()
			.path("me.username").entity(String.class).isEqualTo(username);
		String token = signIn(username);
		var me = graphql(token).document("{ me { id username preferences { newsletter } orders { data { id } pagination { totalItems } } } }")
			.execute();
		me.path("me.username").entity(String.class).isEqualTo(username);
		me.path("me.orders.pagination.totalItems").entity(Integer.class).isEqualTo(0);
		// the same token works on REST
		String id = me.path("me.id").entity(String.class).get();
		assertThat(api.withToken(token).get("/v1/users/" + id).status()).isEqualTo(200);
		graphql(token).document("mutation { updateMe(input: {firstName: \"Changed\", preferences: {newsletter: true}}) { firstName preferences { newsletter } } }")
			.execute()
			.path("updateMe.firstName").entity(String.class).isEqualTo("Changed");
		// wrong password, unknown scope, a taken name, a missing field
		expectError(graphql().document("mutation { createToken(username: \"" + username + "\", password: \"wrong-password\") { token } }"),
				"UNAUTHORIZED");
		ResponseError scope = expectError(graphql().document(
				"mutation { createToken(username: \"" + username + "\", password: \"SecurePass123!\", scopes: [\"fly:away\"]) { token } }"),
				"BAD_REQUEST");
		assertThat(scope.getExtensions().get("errors").toString()).contains("scopes").contains("invalid_enum");
		expectError(graphql().document("mutation($in: RegistrationInput!) { register(input: $in) { token } }")
			.variable("in", Map.of("username", username, "email", "other@example.com", "firstName", "A", "lastName", "B", "password",
					"SecurePass123!")), "CONFLICT");
		ResponseError invalid = expectError(graphql().document("mutation($in: RegistrationInput!) { register(input: $in) { token } }")
			.variable("in", Map.of("username", "x", "email", "not-an-email", "firstName", "A", "lastName", "B", "password", "short")),
				"BAD_REQUEST");
		assertThat(invalid.getExtensions().get("errors").toString()).contains("username").contains("email").contains("password");
		expectError(graphql().document("{ me { id } }"), "UNAUTHORIZED");
		graphql(token).document("mutation { deleteMe }").execute().path("deleteMe").entity(Boolean.class).isEqualTo(true);
		expectError(graphql(token).document("{ me { id } }"), "UNAUTHORIZED");
	}

	@Test
	void placeAnOrderPayItOnceAndReadItWithItsPetAndPayment() {
		String token = registerUser(uniqueName("buyer"));
		String pet = availablePet();
		var placed = graphql(token).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id status totalAmount currency petId pet { id status } payment { id } } }")
			.variable("pet", pet).execute();
		placed.path("placeOrder.status").entity(String.class).isEqualTo("PLACED");
		placed.path("placeOrder.totalAmount").entity(String.class).isEqualTo(priceOf(pet));
		placed.path("placeOrder.pet.status").entity(String.class).isEqualTo("PENDING");
		placed.path("placeOrder.payment").valueIsNull();
		String order = placed.path("placeOrder.id").entity(String.class).get();
		expectError(graphql(token).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }").variable("pet", pet), "CONFLICT");

		Map<String, Object> payment = Map.of("amount", priceOf(pet), "card", CARD);
		var first = graphql(token).document(PAY).variable("order", order).variable("in", payment).variable("key", "pay-once").execute();
		first.path("payOrder.status").entity(String.class).isEqualTo("SUCCEEDED");
		first.path("payOrder.source.__typename").entity(String.class).isEqualTo("CardSource");
		first.path("payOrder.source.last4").entity(String.class).isEqualTo("4242");
		first.path("payOrder.source.number").entity(String.class).satisfies(n -> assertThat(n).doesNotContain("42424242"));
		String paymentId = first.path("payOrder.id").entity(String.class).get();
		// the retry with the same key answers the first payment: charged once
		graphql(token).document(PAY).variable("order", order).variable("in", payment).variable("key", "pay-once").execute()
			.path("payOrder.id").entity(String.class).isEqualTo(paymentId);
		// a new key is a new payment: refused, the order is paid
		expectError(graphql(token).document(PAY).variable("order", order).variable("in", payment).variable("key", "pay-twice"), "CONFLICT");
		var read = graphql(token).document("query($id: UUID!) { order(id: $id) { status pet { id status } payment { id status amount } } }")
			.variable("id", order).execute();
		read.path("order.status").entity(String.class).isEqualTo("APPROVED");
		read.path("order.pet.status").entity(String.class).isEqualTo("ADOPTED");
		read.path("order.payment.id").entity(String.class).isEqualTo(paymentId);
		String admin = signIn("admin");
		graphql(admin).document("query($id: UUID!) { allOrders(filter: {petId: $id}) { data { id payment { id } } pagination { totalItems } } }")
			.variable("id", pet).execute()
			.path("allOrders.pagination.totalItems").entity(Integer.class).isEqualTo(1);
		graphql(admin).document("{ auditLogs(filter: {action: \"PAYMENT_SUCCEEDED\"}) { pagination { totalItems } } }").execute()
			.path("auditLogs.pagination.totalItems").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void invalidPaymentsAreBadRequestsWithFieldErrors() {
		String token = registerUser(uniqueName("payer"));
		String pet = availablePet();
		String order = placeOrder(token, pet);
		ResponseError card = expectError(graphql(token).document(PAY).variable("order", order)
			.variable("in", Map.of("amount", priceOf(pet), "card", Map.of("name", "A", "number", "12", "expMonth", 13, "expYear", 2030))),
				"BAD_REQUEST");
		assertThat(card.getExtensions().get("errors").toString()).contains("card.number").contains("card.expMonth");
		ResponseError amount = expectError(graphql(token).document(PAY).variable("order", order)
			.variable("in", Map.of("amount", "1.00", "card", CARD)), "BAD_REQUEST");
		assertThat(amount.getExtensions().get("errors").toString()).contains("amount_mismatch");
		expectError(graphql(token).document(PAY).variable("order", order).variable("in", Map.of("amount", priceOf(pet))), "BAD_REQUEST");
		expectError(graphql(token).document(PAY).variable("order", order).variable("in", Map.of("amount", priceOf(pet), "card", CARD))
			.variable("key", ""), "BAD_REQUEST");
	}

	@Test
	void cancelAndSomeoneElsesOrder() {
		String alice = registerUser(uniqueName("alice"));
		String bob = registerUser(uniqueName("bob"));
		String pet = availablePet();
		String order = placeOrder(alice, pet);
		expectError(graphql(bob).document("query($id: UUID!) { order(id: $id) { id } }").variable("id", order), "FORBIDDEN");
		expectError(graphql(bob).document("mutation($id: UUID!) { cancelOrder(id: $id) { id } }").variable("id", order), "FORBIDDEN");
		graphql(bob).document("{ myOrders { data { id } } }").execute().path("myOrders.data").entityList(Object.class).hasSize(0);
		graphql(bob).document("query($id: UUID!) { order(id: $id) { id } }").variable("id", UUID.randomUUID().toString()).execute()
			.path("order").valueIsNull();
		var cancelled = graphql(alice).document("mutation($id: UUID!) { cancelOrder(id: $id) { id status pet { status } } }")
			.variable("id", order).execute();
		cancelled.path("cancelOrder.status").entity(String.class).isEqualTo("CANCELLED");
		cancelled.path("cancelOrder.pet.status").entity(String.class).isEqualTo("AVAILABLE");
		expectError(graphql(alice).document("mutation($id: UUID!) { cancelOrder(id: $id) { id } }").variable("id", order), "CONFLICT");
		graphql(alice).document("{ myOrders(status: CANCELLED) { data { id status } } }").execute()
			.path("myOrders.data[0].id").entity(String.class).isEqualTo(order);
		// an administrator reads any order
		graphql(signIn("admin")).document("query($id: UUID!) { order(id: $id) { id status } }").variable("id", order).execute()
			.path("order.status").entity(String.class).isEqualTo("CANCELLED");
		// a token without write:orders
		String username = uniqueName("reader");
		registerUser(username);
		expectError(graphql(signIn(username, "read:orders")).document("mutation($pet: UUID!) { placeOrder(petId: $pet) { id } }")
			.variable("pet", pet), "FORBIDDEN");
	}

	@Test
	void aTokenForAnotherTenantIsForbiddenAndABadTenantABadRequest() {
		String token = registerUser(uniqueName("tenant"));
		var elsewhere = graphql(token).mutate().header("X-Tenant-ID", UUID.randomUUID().toString()).build();
		expectError(elsewhere.document("{ me { id } }"), "FORBIDDEN");
		expectError(elsewhere.document("{ myOrders { data { id } } }"), "FORBIDDEN");
		var malformed = graphql().mutate().header("X-Tenant-ID", "not a tenant").build();
		expectError(malformed.document("{ pets { data { id } } }"), "BAD_REQUEST");
		assertThat(api.postJson("/v1/graphql", "{\"query\":\"{ pets { data { id } } }\"}", "Authorization", "Basic abc").status())
			.isEqualTo(200);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuditLogRecordsProtocolGraphqlAndTheCaller() {
		String username = uniqueName("audited");
		String token = registerUser(username);
		String order = placeOrder(token, availablePet());
		Map<String, Object> logs = graphql(signIn("admin")).document("""
				query($id: String!) { auditLogs(filter: {entityType: "orders", entityId: $id}) {
				  data { action actor protocol request ipAddress changes createdAt } } }""")
			.variable("id", order).execute().path("auditLogs").entity(Map.class).get();
		List<Map<String, Object>> data = (List<Map<String, Object>>) logs.get("data");
		assertThat(data).isNotEmpty();
		Map<String, Object> placed = data.stream().filter(log -> "ORDER_PLACED".equals(log.get("action"))).findFirst().orElseThrow();
		assertThat(placed.get("protocol")).isEqualTo("GRAPHQL");
		assertThat(placed.get("actor")).isEqualTo("user:" + username);
		assertThat(placed.get("request")).isEqualTo("mutation placeOrder");
		assertThat(placed.get("changes")).isInstanceOf(Map.class);
	}

}
