package io.petstore.graphql;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad and abusive requests: each gets a clear GraphQL error (or a 4xx for a body past the size
 * limit), never a 5xx, in bounded time.
 */
class GraphqlLimitsTest extends GraphqlTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Reply post(String query) {
		return post(query, null);
	}

	private Reply post(String query, Object variables) {
		java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
		body.put("query", query);
		if (variables != null) {
			body.put("variables", variables);
		}
		return api.postJson("/v1/graphql", JSON.writeValueAsString(body));
	}

	/** Answers within a few seconds, not 5xx, with errors; the first error's message. */
	/** The answer, or null if the connection was reset before it could be read. */
	private static Reply orReset(Supplier<Reply> request) {
		try {
			return request.get();
		}
		catch (IllegalStateException reset) {
			assertThat(reset).hasCauseInstanceOf(java.io.IOException.class);
			return null;
		}
	}

	private String refused(Supplier<Reply> request) {
		long start = System.nanoTime();
		Reply reply = request.get();
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).as("answered in bounded time").isLessThan(Duration.ofSeconds(5));
		assertThat(reply.status()).as(reply.toString()).isLessThan(500);
		if (reply.status() != 200) {
			return reply.body();
		}
		JsonNode errors = reply.json().get("errors");
		assertThat(errors).as(reply.body().substring(0, Math.min(500, reply.body().length()))).isNotNull();
		assertThat(errors.isEmpty()).isFalse();
		return errors.get(0).get("message").asString();
	}

	@Test
	void malformedQueriesUnknownFieldsAndWrongVariableTypes() {
		assertThat(refused(() -> post("{ pets { data { id } "))).containsIgnoringCase("syntax");
		assertThat(refused(() -> post("{ pets { data { id nonsense } } }"))).contains("nonsense");
		assertThat(refused(() -> post("query($l: Int) { pets(limit: $l) { data { id } } }", java.util.Map.of("l", "twenty"))))
			.contains("l");
		assertThat(refused(() -> post("query($id: UUID!) { pet(id: $id) { id } }", java.util.Map.of("id", 12)))).contains("id");
		assertThat(refused(() -> post("query($id: UUID!) { pet(id: $id) { id } }"))).contains("id");
		assertThat(refused(() -> api.postJson("/v1/graphql", "{not json"))).isNotEmpty();
		assertThat(api.postJson("/v1/graphql", "{not json").status()).isEqualTo(400);
		assertThat(refused(() -> api.postJson("/v1/graphql", "{\"query\": 42}"))).isNotEmpty();
		// a mutation over GET is refused; a query over GET is not offered (POST only)
		assertThat(api.get("/v1/graphql?query=%7Bpets%7Bdata%7Bid%7D%7D%7D").status()).isLessThan(500);
	}

	@Test
	void aFiftyDeepQueryIsRefusedByTheDepthCap() {
		StringBuilder query = new StringBuilder("{ __schema { types { fields { type ");
		int depth = 4;
		while (depth++ < 50) {
			query.append("{ ofType ");
		}
		query.append("{ name }");
		query.append(" }".repeat(50 - 4));
		query.append(" } } } }");
		String message = refused(() -> post(query.toString()));
		assertThat(message).containsIgnoringCase("depth");
		// a deep query within the cap runs
		Reply fine = post("{ myOrders { data { pet { medicalInfo { vaccinated } } } } }");
		assertThat(fine.status()).isEqualTo(200);
	}

	/** What GraphiQL and client tooling send (graphql-js's introspection query, TypeRef 9 levels deep): within the caps. */
	static final String INTROSPECTION = "query IntrospectionQuery { __schema { queryType { name } mutationType { name } subscriptionType { name } types { ...FullType } directives { name description locations args(includeDeprecated: true) { ...InputValue } } } } fragment FullType on __Type { kind name description specifiedByURL fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields(includeDeprecated: true) { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } } fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason } fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name }}}}}}}}} }";

	@Test
	void theIntrospectionQueryOfGraphqlToolsPassesTheCaps() {
		Reply reply = post(INTROSPECTION);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("errors")).as(reply.body().substring(0, Math.min(1000, reply.body().length()))).isNull();
		assertThat(reply.json().get("data").get("__schema").get("types").size()).isGreaterThan(50);
	}

	@Test
	void aOneMegabyteQueryIsRefusedQuickly() {
		String padding = " ".repeat(1024 * 1024);
		// refused at the declared length, before the body is read; the connection is then closed with
		// unread bytes, and the TCP reset can swallow the 413 before the client reads it (either is a refusal)
		Reply tooLarge = orReset(() -> post("{ pets { data { id } } " + padding + "}"));
		if (tooLarge != null) {
			assertThat(tooLarge.status()).isEqualTo(413);
			assertThat(tooLarge.body()).contains("PAYLOAD_TOO_LARGE");
		}
		StringBuilder fields = new StringBuilder("{ pets { data { ");
		while (fields.length() < 1024 * 1024 - 100) {
			fields.append("id ");
		}
		fields.append("} } }");
		assertThat(refused(() -> post(fields.toString()))).isNotEmpty();
		// under the body limit but past the parser's
		StringBuilder half = new StringBuilder("{ pets { data { ");
		while (half.length() < 300 * 1024) {
			half.append("id ");
		}
		half.append("} } }");
		assertThat(refused(() -> post(half.toString()))).containsIgnoringCase("characters");
	}

	@Test
	void aThousandAliasesOfPetsAreRefusedByTheComplexityCap() {
		StringBuilder query = new StringBuilder("{ ");
		for (int i = 0; i < 1000; i++) {
			query.append("p").append(i).append(": pets { data { id } } ");
		}
		query.append("}");
		String message = refused(() -> post(query.toString()));
		assertThat(message).containsIgnoringCase("complexity");
		// a page of 100 pets with every field is allowed
		Reply big = post("{ pets(limit: 100) { data { id name species breed ageMonths size color gender goodWithKids price currency "
				+ "description status photos tenantId createdAt updatedAt medicalInfo { vaccinated spayedNeutered microchipped "
				+ "specialNeeds healthNotes } } pagination { totalItems } } }");
		assertThat(big.json().get("errors")).as(big.body()).isNull();
	}


	/**
	 * Documents that parsed and validated are kept (graphql.GraphqlExecution); the complexity cap
	 * still counts each request with its own variables, and an invalid document is refused every time.
	 */
	@Test
	void aKeptDocumentIsStillCheckedWithEachRequestsVariables() {
		String fields = "data { id name species breed ageMonths size color gender goodWithKids price currency description status "
				+ "photos tenantId createdAt updatedAt medicalInfo { vaccinated spayedNeutered microchipped specialNeeds healthNotes } }";
		String query = "query Pages($n: Int) { a: pets(limit: $n) { " + fields + " } b: pets(limit: $n) { " + fields + " } c: pets(limit: $n) { "
				+ fields + " } }";
		for (int round = 0; round < 3; round++) {
			Reply small = post(query, java.util.Map.of("n", 2));
			assertThat(small.json().get("errors")).as(small.body()).isNull();
			assertThat(small.json().get("data").get("a").get("data").size()).isEqualTo(2);
			assertThat(refused(() -> post(query, java.util.Map.of("n", 100)))).containsIgnoringCase("complexity");
			assertThat(refused(() -> post("{ pets { data { id nickname } } }"))).contains("nickname");
		}
	}

}
