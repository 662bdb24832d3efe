package io.petstore.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.IntegrationTest;
import io.petstore.support.NodeProject;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL endpoint (/v1/graphql) driven by real JavaScript clients: graphql-request over HTTP and
 * graphql-ws over WebSocket, the npm project in src/test/graphql-js (installed with {@code npm ci}
 * into target/graphql-js once per JVM, kept between the H2 and PostgreSQL runs). Each script prints
 * its result as JSON on stdout; the test checks it against what the REST API answers for the same
 * pets, users and orders. Skipped when node or npm is missing.
 */
class GraphqlJavaScriptClientTest extends IntegrationTest {

	private static final NodeProject NODE = NodeProject.of("graphql-js", "graphql-ws");

	private static final String PASSWORD = "GraphQL-Pass-123!";

	@Test
	void queriesAnswerWhatRestAnswers() {
		ApiClient keeper = keeper();
		String petId = createPet(keeper, "Gql-Biscuit", "CAT", "87.25");
		JsonNode result = script("queries", Map.of("PET_ID", petId));

		// the user registered through GraphQL is the one REST signs in
		String username = result.get("username").asString();
		assertThat(result.get("me").get("username").asString()).isEqualTo(username);
		assertThat(result.get("me").get("email").asString()).isEqualTo(username + "@example.com");
		assertThat(result.get("me").get("tenantId").asString()).isEqualTo(tenant.toString());
		String restToken = signIn(username);
		assertThat(as(restToken).get("/v1/users/" + result.get("me").get("id").asString()).json().get("username").asString())
			.isEqualTo(username);

		// pet(id:) answers the REST representation
		JsonNode pet = result.get("pet");
		JsonNode rest = restJson("/v1/pets/" + petId);
		assertThat(pet.get("name").asString()).isEqualTo("Gql-Biscuit");
		for (String field : List.of("id", "name", "species", "breed", "size", "status", "price", "currency", "tenantId")) {
			assertThat(pet.get(field).asString()).as(field).isEqualTo(rest.get(field).asString());
		}
		assertThat(pet.get("ageMonths").asInt()).isEqualTo(rest.get("ageMonths").asInt());
		assertThat(pet.get("goodWithKids").asBoolean()).isEqualTo(rest.get("goodWithKids").asBoolean());
		assertThat(pet.get("medicalInfo").get("vaccinated").asBoolean()).isTrue();
		assertThat(pet.get("medicalInfo").get("spayedNeutered").asBoolean()).isFalse();
		assertThat(Instant.parse(pet.get("createdAt").asString())).isEqualTo(Instant.parse(rest.get("createdAt").asString()));
		assertThat(Instant.parse(pet.get("updatedAt").asString())).isEqualTo(Instant.parse(rest.get("updatedAt").asString()));
		assertThat(result.get("missingPet").isNull()).isTrue();

		// the same pages as GET /v1/pets with the same filters
		for (int page = 1; page <= 2; page++) {
			JsonNode gql = result.get("dogs").get("page" + page);
			JsonNode restPage = restJson("/v1/pets?species=DOG&status=AVAILABLE&limit=2&page=" + page);
			assertThat(ids(gql.get("data"))).as("page " + page).isEqualTo(ids(restPage.get("data")));
			assertThat(gql.get("pagination")).isEqualTo(restPage.get("pagination"));
		}
		assertThat(result.get("cats").get("totalItems").asInt())
			.isEqualTo(restJson("/v1/pets?species=CAT").get("pagination").get("totalItems").asInt())
			.isPositive();

		// fragments and @include/@skip
		JsonNode full = result.get("directives").get("full").get("pet");
		assertThat(full.get("price").asString()).isEqualTo("87.25");
		assertThat(full.get("medicalInfo").get("vaccinated").asBoolean()).isTrue();
		assertThat(fieldNames(result.get("directives").get("bare").get("pet"))).containsExactlyInAnyOrder("id", "name");

		// introspection shows the SDL's names
		JsonNode introspection = result.get("introspection");
		TypeDefinitionRegistry sdl = sdl();
		assertThat(introspection.get("queryType").asString()).isEqualTo("Query");
		assertThat(introspection.get("mutationType").asString()).isEqualTo("Mutation");
		assertThat(introspection.get("subscriptionType").asString()).isEqualTo("Subscription");
		assertThat(strings(introspection.get("queryFields"))).isEqualTo(fieldsOf(sdl, "Query"));
		assertThat(strings(introspection.get("mutationFields"))).isEqualTo(fieldsOf(sdl, "Mutation"));
		assertThat(strings(introspection.get("subscriptionFields"))).isEqualTo(fieldsOf(sdl, "Subscription"));
		assertThat(strings(introspection.get("petFields"))).isEqualTo(fieldsOf(sdl, "Pet"));
		assertThat(introspection.get("petIdType").asString()).isEqualTo("UUID!");
		assertThat(strings(introspection.get("orderStatusValues"))).containsExactly("PLACED", "APPROVED", "SHIPPED", "DELIVERED",
				"CANCELLED");
		assertThat(strings(introspection.get("scalars"))).contains("UUID", "DateTime", "Date", "Money", "JSON");
		FieldDefinition pets = sdl.getType("Query", ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions().stream()
			.filter(field -> field.getName().equals("pets")).findFirst().orElseThrow();
		assertThat(introspection.get("petsDescription").asString()).isEqualTo(pets.getDescription().getContent());
	}

	@Test
	void toolsIntrospectTheSchemaWithGraphqlJsOwnQuery() {
		JsonNode result = script("introspection", Map.of());
		TypeDefinitionRegistry sdl = sdl();
		assertThat(strings(result.get("queryFields"))).isEqualTo(fieldsOf(sdl, "Query"));
		assertThat(strings(result.get("mutationFields"))).isEqualTo(fieldsOf(sdl, "Mutation"));
		assertThat(strings(result.get("subscriptionFields"))).isEqualTo(fieldsOf(sdl, "Subscription"));
		assertThat(strings(result.get("types"))).contains("Pet", "Order", "OrderStatusChange", "PaymentSource", "UUID", "Money");
	}

	@Test
	void anOrderIsPlacedWithItsPetAndCancelled() {
		String petId = createPet(keeper(), "Gql-Pepper", "DOG", "42.50");
		JsonNode result = script("orders", Map.of("ORDER_PET_ID", petId));

		JsonNode placed = result.get("placed");
		String orderId = placed.get("id").asString();
		assertThat(placed.get("status").asString()).isEqualTo("PLACED");
		assertThat(placed.get("totalAmount").asString()).isEqualTo("42.50");
		assertThat(placed.get("currency").asString()).isEqualTo("USD");
		assertThat(placed.get("pet").get("name").asString()).isEqualTo("Gql-Pepper");
		assertThat(placed.get("pet").get("status").asString()).isEqualTo("PENDING");
		assertThat(result.get("reservedStatus").asString()).isEqualTo("PENDING");
		assertThat(result.get("cancelled").get("status").asString()).isEqualTo("CANCELLED");
		assertThat(result.get("petAfterStatus").asString()).isEqualTo("AVAILABLE");

		// REST shows the same order, cancelled, and the pet available again
		JsonNode rest = as(signIn(result.get("username").asString())).get("/v1/orders/" + orderId).json();
		assertThat(rest.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(rest.get("petId").asString()).isEqualTo(petId);
		assertThat(rest.get("userId").asString()).isEqualTo(result.get("userId").asString()).isEqualTo(placed.get("userId").asString());
		assertThat(rest.get("totalAmount").asString()).isEqualTo("42.50");
		assertThat(Instant.parse(rest.get("createdAt").asString())).isEqualTo(Instant.parse(placed.get("createdAt").asString()));
		assertThat(restJson("/v1/pets/" + petId).get("status").asString()).isEqualTo("AVAILABLE");

		// a second cancel is refused as REST refuses it (409), an unknown order is not found
		assertThat(strings(result.get("cancelAgain").get("classifications"))).containsExactly("CONFLICT");
		assertThat(strings(result.get("cancelUnknown").get("classifications"))).containsExactly("NOT_FOUND");
	}

	@Test
	void errorsCarryTheirClassification() {
		JsonNode result = script("errors", Map.of());
		assertThat(strings(result.get("meAnonymous").get("classifications"))).containsExactly("UNAUTHORIZED");
		assertThat(result.get("meAnonymous").get("data").isNull()).as("me is non-null: no data").isTrue();
		assertThat(strings(result.get("meBadToken").get("classifications"))).containsExactly("UNAUTHORIZED");
		assertThat(strings(result.get("placeAnonymous").get("classifications"))).containsExactly("UNAUTHORIZED");
		assertThat(strings(result.get("wrongPassword").get("classifications"))).containsExactly("UNAUTHORIZED");
		assertThat(strings(result.get("duplicate").get("classifications"))).containsExactly("CONFLICT");
		JsonNode badInput = result.get("badInput");
		assertThat(strings(badInput.get("classifications"))).containsExactly("BAD_REQUEST");
		assertThat(badInput.get("extensions").get(0).get("errors").isArray()).as("the field errors: " + badInput).isTrue();
		// a public field next to a failing nullable one still answers (partial data)
		JsonNode partial = result.get("partial");
		assertThat(strings(partial.get("classifications"))).as(partial.toString()).containsExactly("UNAUTHORIZED");
		assertThat(partial.get("data").get("order").isNull()).isTrue();
		assertThat(partial.get("data").get("pets").get("pagination").get("totalItems").asInt())
			.isEqualTo(restJson("/v1/pets").get("pagination").get("totalItems").asInt());
		// what the schema rejects before running anything: graphql-java's validation, HTTP 400 for
		// application/graphql-response+json (which graphql-request asks for)
		for (String invalid : List.of("unknownField", "badUuid")) {
			assertThat(strings(result.get(invalid).get("classifications"))).as(invalid).containsExactly("ValidationError");
			assertThat(result.get(invalid).get("httpStatus").asInt()).as(invalid).isEqualTo(400);
		}
		assertThat(result.get("unknownField").get("messages").get(0).asString()).contains("nickname");
		assertThat(result.get("badUuid").get("messages").get(0).asString()).containsIgnoringCase("uuid");
	}

	@Test
	void aSubscriptionReceivesTheOrdersChanges() {
		String petId = createPet(keeper(), "Gql-Nimbus", "RABBIT", "19.99");
		JsonNode result = script("subscription", Map.of("ORDER_PET_ID", petId));
		String orderId = result.get("orderId").asString();

		List<String> statuses = strings(result.get("statuses"));
		assertThat(statuses).containsExactly("PLACED", "CANCELLED");
		assertThat(result.get("events").get(0).get("previousStatus").isNull()).isTrue();
		JsonNode last = result.get("events").get(result.get("events").size() - 1);
		assertThat(last.get("order").get("id").asString()).isEqualTo(orderId);
		assertThat(last.get("previousStatus").asString()).isEqualTo("PLACED");
		assertThat(last.get("order").get("pet").get("name").asString()).isEqualTo("Gql-Nimbus");
		assertThat(Instant.parse(last.get("changedAt").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(result.get("filteredEvents")).hasSize(1);
		assertThat(result.get("strangerEvents")).isEmpty();
		// an anonymous subscription gets nothing: its connection is refused or the subscription errs
		JsonNode anonymous = result.get("anonymous");
		assertThat(anonymous.has("errors") && !anonymous.get("errors").isNull() || anonymous.get("connection").has("closed"))
			.as("anonymous subscription: " + anonymous)
			.isTrue();

		// the order REST shows is the one the events were about
		JsonNode rest = as(signIn(result.get("username").asString())).get("/v1/orders/" + orderId).json();
		assertThat(rest.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(rest.get("petId").asString()).isEqualTo(petId);
	}

	// REST helpers

	/** A REST user who adds the test's pets. */
	private ApiClient keeper() {
		String username = "keeper" + UUID.randomUUID().toString().substring(0, 8);
		Reply reply = api.postJson("/v1/users", "{\"username\":\"" + username + "\",\"firstName\":\"Kim\",\"lastName\":\"Keeper\","
				+ "\"email\":\"" + username + "@example.com\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return as(reply.json().get("token").asString());
	}

	/** A REST client on the test's tenant with this bearer token (api itself stays anonymous). */
	private ApiClient as(String token) {
		return new ApiClient(base(), null, tenant).withModernValidator(modernValidator()).withToken(token);
	}

	private static String createPet(ApiClient client, String name, String species, String price) {
		Reply reply = client.postJson("/v1/pets", "{\"name\":\"" + name + "\",\"species\":\"" + species + "\",\"breed\":\"Mixed\","
				+ "\"ageMonths\":7,\"size\":\"SMALL\",\"goodWithKids\":true,\"price\":\"" + price + "\",\"currency\":\"USD\","
				+ "\"status\":\"AVAILABLE\",\"medicalInfo\":{\"vaccinated\":true,\"spayedNeutered\":false}}");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().get("id").asString();
	}

	private String signIn(String username) {
		Reply reply = api.postJson("/v1/auth/tokens", "{\"username\":\"" + username + "\",\"password\":\"" + PASSWORD + "\"}");
		assertThat(reply.status()).as("REST sign-in of the user GraphQL registered: " + reply).isEqualTo(200);
		return reply.json().get("token").asString();
	}

	private JsonNode restJson(String path) {
		Reply reply = api.get(path);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private static List<String> ids(JsonNode pets) {
		List<String> ids = new ArrayList<>();
		pets.forEach(pet -> ids.add(pet.get("id").asString()));
		return ids;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.isNull() ? null : value.asString()));
		return values;
	}

	private static List<String> fieldNames(JsonNode object) {
		return new ArrayList<>(object.propertyNames());
	}

	private static TypeDefinitionRegistry sdl() {
		try {
			return new SchemaParser().parse(Files.readString(Path.of("src/main/resources/graphql/schema.graphqls")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> fieldsOf(TypeDefinitionRegistry registry, String type) {
		ObjectTypeDefinition definition = registry.getType(type, ObjectTypeDefinition.class).orElseThrow();
		Set<String> names = new TreeSet<>();
		definition.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(names::add);
		registry.objectTypeExtensions().getOrDefault(type, List.of())
			.forEach(extension -> extension.getFieldDefinitions().forEach(field -> names.add(field.getName())));
		return new ArrayList<>(names);
	}

	// node

	/** Runs scripts/{name}.js against this test's server and tenant; answers the JSON it printed. */
	private JsonNode script(String name, Map<String, String> environment) {
		Map<String, String> env = new java.util.HashMap<>(environment);
		env.put("PETSTORE_BASE_URL", base());
		env.put("PETSTORE_TENANT", tenant.toString());
		return NODE.script(name, env, 120);
	}

}
