package io.petstore.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.graphql.ResponseError;

import static org.assertj.core.api.Assertions.assertThat;

/** Pets over GraphQL: the same answers as REST's /v1/pets, /v1/pets/search and /v1/inventory. */
class GraphqlPetsTest extends GraphqlTestSupport {

	private List<String> restIds(String query) {
		JsonNode data = api.get("/v1/pets" + query).json().get("data");
		List<String> ids = new java.util.ArrayList<>();
		data.forEach(pet -> ids.add(pet.get("id").asString()));
		return ids;
	}

	@SuppressWarnings("unchecked")
	private List<String> ids(Object page) {
		return ((List<Map<String, Object>>) ((Map<String, Object>) page).get("data")).stream().map(p -> (String) p.get("id")).toList();
	}

	@Test
	void petsFilterAsRestDoes() {
		String document = "query($f: PetFilter, $page: Int, $limit: Int) { pets(filter: $f, page: $page, limit: $limit) "
				+ "{ data { id name species ageMonths size status price currency goodWithKids createdAt } pagination { page limit totalItems totalPages } } }";
		Map<String, Object> all = graphql().document(document).execute().path("pets").entity(Map.class).get();
		assertThat(ids(all)).isEqualTo(restIds("")).isNotEmpty();
		Map<String, Object> dogs = graphql().document(document).variable("f", Map.of("species", List.of("DOG"))).execute()
			.path("pets").entity(Map.class).get();
		assertThat(ids(dogs)).isEqualTo(restIds("?species=DOG")).isNotEmpty();
		Map<String, Object> young = graphql().document(document)
			.variable("f", Map.of("ageMin", 5, "ageMax", 30, "size", List.of("SMALL", "MEDIUM"), "status", List.of("AVAILABLE", "PENDING"),
					"goodWithKids", true))
			.execute().path("pets").entity(Map.class).get();
		assertThat(ids(young)).isEqualTo(restIds("?ageMin=5&ageMax=30&size=SMALL,MEDIUM&status=AVAILABLE,PENDING&goodWithKids=true"));
		// pagination: page 2 of 3 per page
		var second = graphql().document(document).variable("page", 2).variable("limit", 3).execute();
		second.path("pets.pagination.page").entity(Integer.class).isEqualTo(2);
		second.path("pets.pagination.limit").entity(Integer.class).isEqualTo(3);
		JsonNode rest = api.get("/v1/pets?page=2&limit=3").json();
		second.path("pets.pagination.totalItems").entity(Integer.class).isEqualTo(rest.get("pagination").get("totalItems").asInt());
		second.path("pets.pagination.totalPages").entity(Integer.class).isEqualTo(rest.get("pagination").get("totalPages").asInt());
		assertThat(ids(second.path("pets").entity(Map.class).get())).isEqualTo(restIds("?page=2&limit=3"));
		// money as a decimal string, enums upper-case, as REST
		second.path("pets.data[0].price").entity(String.class).isEqualTo(rest.get("data").get(0).get("price").asString());
		second.path("pets.data[0].species").entity(String.class).isEqualTo(rest.get("data").get(0).get("species").asString());
		// REST's page-size cap and checks
		ResponseError tooMany = expectError(graphql().document(document).variable("limit", 101), "BAD_REQUEST");
		assertThat(tooMany.getMessage()).contains("limit");
		expectError(graphql().document(document).variable("page", 0), "BAD_REQUEST");
		expectError(graphql().document(document).variable("f", Map.of("ageMin", -1)), "BAD_REQUEST");
	}

	@Test
	void petByIdAndNullForAnUnknownOne() {
		String id = restIds("").get(0);
		JsonNode rest = api.get("/v1/pets/" + id).json();
		var found = graphql().document("query($id: UUID!) { pet(id: $id) { id name breed medicalInfo { vaccinated } photos updatedAt } }")
			.variable("id", id).execute();
		found.path("pet.name").entity(String.class).isEqualTo(rest.get("name").asString());
		found.path("pet.updatedAt").entity(String.class).isEqualTo(rest.get("updatedAt").asString());
		graphql().document("query($id: UUID!) { pet(id: $id) { id } }").variable("id", UUID.randomUUID().toString()).execute()
			.path("pet").valueIsNull();
		// not a UUID: a validation error of the variable, not a failure
		graphql().document("query($id: UUID!) { pet(id: $id) { id } }").variable("id", "42").execute().errors()
			.satisfy(errors -> assertThat(errors).isNotEmpty());
	}

	@Test
	void searchPetsAndInventory() {
		JsonNode rest = api.postJson("/v1/pets/search", "{\"criteria\":{\"species\":[\"DOG\",\"CAT\"],\"ageRange\":{\"min\":6}},"
				+ "\"sort\":{\"field\":\"price\",\"order\":\"DESC\"},\"pagination\":{\"page\":1,\"limit\":5}}").json();
		var search = graphql().document("""
				{ searchPets(criteria: {species: [DOG, CAT], ageRange: {min: 6}}, sort: {field: price, order: DESC}, page: 1, limit: 5)
				  { data { id price } pagination { totalItems } } }""").execute();
		List<String> expected = new java.util.ArrayList<>();
		rest.get("data").forEach(pet -> expected.add(pet.get("id").asString()));
		assertThat(ids(search.path("searchPets").entity(Map.class).get())).isEqualTo(expected).isNotEmpty();
		search.path("searchPets.pagination.totalItems").entity(Integer.class).isEqualTo(rest.get("pagination").get("totalItems").asInt());

		JsonNode inventory = api.get("/v1/inventory").json();
		var answer = graphql().document("{ inventory { available pending adopted notAvailable total bySpecies { species count } } }").execute();
		answer.path("inventory.available").entity(Integer.class).isEqualTo(inventory.get("available").asInt());
		answer.path("inventory.total").entity(Integer.class).isEqualTo(inventory.get("total").asInt());
		answer.path("inventory.bySpecies[?(@.species == 'DOG')].count").entityList(Integer.class)
			.containsExactly(inventory.get("bySpecies").get("DOG").asInt());
	}

	@Test
	void writesNeedATokenWithWritePets() {
		String mutation = "mutation($in: PetInput!) { createPet(input: $in) { id name price currency status } }";
		Map<String, Object> input = Map.of("name", "Rex", "species", "DOG", "ageMonths", 3, "price", "99.5");
		expectError(graphql().document(mutation).variable("in", input), "UNAUTHORIZED");
		String username = uniqueName("reader");
		registerUser(username);
		expectError(graphql(signIn(username, "read:pets")).document(mutation).variable("in", input), "FORBIDDEN");
		expectError(graphql("not-a-valid-token").document(mutation).variable("in", input), "UNAUTHORIZED");

		String admin = signIn("admin");
		var created = graphql(admin).document(mutation).variable("in", input).execute();
		created.path("createPet.price").entity(String.class).isEqualTo("99.50");
		created.path("createPet.currency").entity(String.class).isEqualTo("USD");
		created.path("createPet.status").entity(String.class).isEqualTo("AVAILABLE");
		String id = created.path("createPet.id").entity(String.class).get();
		assertThat(api.get("/v1/pets/" + id).json().get("name").asString()).isEqualTo("Rex");
		graphql(admin).document("mutation($id: UUID!, $in: PetInput!) { updatePet(id: $id, input: $in) { name status } }")
			.variable("id", id)
			.variable("in", Map.of("name", "Rex II", "species", "DOG", "ageMonths", 4, "price", "100.00", "status", "NOT_AVAILABLE"))
			.execute()
			.path("updatePet.name").entity(String.class).isEqualTo("Rex II");
		graphql(admin).document("mutation($id: UUID!) { deletePet(id: $id) }").variable("id", id).execute()
			.path("deletePet").entity(Boolean.class).isEqualTo(true);
		expectError(graphql(admin).document("mutation($id: UUID!) { deletePet(id: $id) }").variable("id", id), "NOT_FOUND");
	}

	@Test
	@SuppressWarnings("unchecked")
	void invalidInputIsABadRequestWithRestsFieldErrors() {
		String admin = signIn("admin");
		ResponseError error = expectError(graphql(admin).document("mutation($in: PetInput!) { createPet(input: $in) { id } }")
			.variable("in", Map.of("name", " ", "species", "DOG", "ageMonths", 2000, "price", "12.345", "currency", "usd",
					"photos", List.of("ftp://x"))), "BAD_REQUEST");
		List<Map<String, String>> errors = (List<Map<String, String>>) error.getExtensions().get("errors");
		assertThat(errors).extracting(e -> e.get("field")).contains("ageMonths", "currency", "name", "photos[0]", "price");
		assertThat(errors).filteredOn(e -> e.get("field").equals("price")).extracting(e -> e.get("code")).containsExactly("invalid_format");
		assertThat(errors).filteredOn(e -> e.get("field").equals("ageMonths")).extracting(e -> e.get("code")).containsExactly("out_of_range");
		// REST answers the same fields
		String token = api.postJson("/v1/auth/tokens", "{\"username\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}").json()
			.get("token").asString();
		JsonNode rest = api.withToken(token).postJson("/v1/pets", "{\"name\":\" \",\"species\":\"DOG\",\"ageMonths\":2000,"
				+ "\"price\":\"12.345\",\"currency\":\"usd\",\"photos\":[\"ftp://x\"]}").json();
		List<String> restFields = new java.util.ArrayList<>();
		rest.get("errors").forEach(e -> restFields.add(e.get("field").asString()));
		assertThat(errors).extracting(e -> e.get("field")).containsExactlyInAnyOrderElementsOf(restFields);
		// an enum value the schema does not know: the request is invalid before anything runs
		graphql(admin).document("mutation { createPet(input: {name: \"X\", species: DRAGON, ageMonths: 1, price: \"1\"}) { id } }")
			.execute().errors().satisfy(errors2 -> assertThat(errors2).isNotEmpty());
		// Money is a string, never a float
		graphql(admin).document("mutation { createPet(input: {name: \"X\", species: DOG, ageMonths: 1, price: 1.5}) { id } }")
			.execute().errors().satisfy(errors2 -> assertThat(errors2.get(0).getMessage()).contains("decimal string"));
	}

	@Test
	void theSdlIsServedAndListedOnTheDocsPage() {
		var reply = api.get("/v1/graphql/schema.graphqls");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("text/plain");
		assertThat(reply.body()).contains("type Query {").contains("scalar Money");
		assertThat(api.get("/docs/other-apis.json").body()).contains("/v1/graphql/schema.graphqls").contains("/v1/graphiql");
		assertThat(api.get("/docs/apis.json").body()).doesNotContain("graphql");
		assertThat(api.get("/v1/graphiql").status()).isLessThan(400);
	}

}
