package io.petstore;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.petstore.support.ApiClient;
import io.petstore.support.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The served documents, Swagger UI and the health endpoint. */
class ApiDocumentsTest extends io.petstore.support.IntegrationTest {

	@Test
	void classicSwaggerDocumentDescribesAllTwentyOperations() {
		Reply reply = new ApiClient(base(), null, null).get("/v2/swagger.json");
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.contentType()).isEqualTo("application/json");
		JsonNode doc = reply.json();
		assertThat(doc.get("swagger").asString()).isEqualTo("2.0");
		assertThat(doc.get("basePath").asString()).isEqualTo("/v2");
		int operations = 0;
		for (JsonNode path : doc.get("paths")) {
			for (String method : new String[] { "get", "put", "post", "delete" }) {
				operations += path.has(method) ? 1 : 0;
			}
		}
		assertThat(operations).isEqualTo(20);
		assertThat(doc.get("definitions").propertyNames()).contains("Pet", "Category", "Tag", "Order", "User", "ApiResponse");

		Reply yaml = new ApiClient(base(), null, null).get("/v2/swagger.yaml");
		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.contentType()).startsWith("application/yaml");
		assertThat(yaml.body()).startsWith("swagger: \"2.0\"");
	}

	@Test
	void theValidatorUsedByTheSuiteRejectsResponsesThatBreakTheDocument() {
		var wrong = SimpleResponse.Builder.status(200).withContentType("application/json")
			.withBody("{\"id\":\"not a number\",\"name\":\"x\",\"photoUrls\":[],\"status\":\"eaten\"}").build();
		assertThat(classicValidator().validateResponse("/v2/pet/1", Request.Method.GET, wrong).hasErrors()).isTrue();
		var right = SimpleResponse.Builder.status(200).withContentType("application/json").withBody(api.get("/v2/pet/1").body()).build();
		assertThat(classicValidator().validateResponse("/v2/pet/1", Request.Method.GET, right).hasErrors()).isFalse();
	}

	@Test
	void swaggerUiListsTheDocuments() {
		ApiClient anonymous = new ApiClient(base(), null, null);
		Reply index = anonymous.get("/docs/index.html");
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.body()).contains("swagger-ui-bundle.js");
		assertThat(anonymous.get("/webjars/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
		assertThat(anonymous.get("/docs/apis.json").body()).contains("/v2/swagger.json").contains("/v1/openapi.json");
		for (String path : new String[] { "/docs", "/docs/" }) {
			Reply docs = anonymous.get(path);
			assertThat(docs.status()).as(path).isEqualTo(302);
			assertThat(docs.header("Location")).as(path).endsWith("/docs/index.html");
		}
	}

	@Test
	void healthAndMetrics() {
		Reply health = new ApiClient(base(), null, null).get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		Reply metrics = new ApiClient(base(), null, null).get("/actuator/metrics");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm.memory.used", "hikaricp.connections", "http.server.requests");
	}

	@Test
	void modernDocumentIsOpenApi31AndDescribesEveryOperation() {
		var doc = new io.petstore.support.ApiClient(base(), null, null).get("/v1/openapi.json");
		assertThat(doc.status()).isEqualTo(200);
		assertThat(doc.json().get("openapi").asString()).isEqualTo("3.1.0");
		java.util.List<String> operations = new java.util.ArrayList<>();
		doc.json().get("paths").forEach(item -> item.forEach(op -> {
			if (op.has("operationId")) {
				operations.add(op.get("operationId").asString());
			}
		}));
		assertThat(operations).containsExactlyInAnyOrder("listPets", "createPet", "searchPets", "getPet", "updatePet", "deletePet",
				"uploadPetPhoto", "getPetImage", "getInventory", "getStoreInventory", "createOrder", "getOrder", "deleteOrder",
				"callbackOrder", "createOrderPayment", "createUser", "getUserById", "updateUser", "deleteUser", "createToken", "getDashboardStats",
				"listUsers", "getUserDetails", "updateUserStatus", "updateUserRole", "listAllOrders", "forceCancelOrder", "listAuditLogs",
				"getAuditLog", "registerOAuthClient", "listOAuthClients", "getOAuthClient", "deleteOAuthClient", "createWebhook", "listWebhooks", "getWebhook", "updateWebhook", "deleteWebhook", "testWebhook",
				"listWebhookDeliveries", "getWebhookDelivery", "redeliverWebhookDelivery", "createChatCompletion", "streamEvents");
		// the events this server sends, documented as OpenAPI 3.1 webhooks
		assertThat(doc.json().get("webhooks").propertyNames()).containsExactlyInAnyOrder("orderCreated", "orderStatusChanged",
				"paymentSucceeded", "webhookTest");
		assertThat(new io.petstore.support.ApiClient(base(), null, null).get("/v1/openapi.yaml").body()).startsWith("openapi: 3.1.0");
	}

	/**
	 * The build generates its Java and TypeScript clients (GeneratedV1ClientTest, GeneratedInboxesClientTest,
	 * GeneratedTypeScriptClientsTest) from the source files; what the server serves is exactly their content.
	 */
	@Test
	void servedModernAndInboxesDocumentsAreTheSourceFilesTheClientsAreGeneratedFrom() throws Exception {
		ApiClient anonymous = new ApiClient(base(), null, null);
		for (String[] served : new String[][] { { "/v1/openapi.json", "modern-v1.yaml" },
				{ "/v2/inboxes/openapi.json", "inboxes-v2.yaml" } }) {
			String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/api", served[1]));
			Object tree = new org.snakeyaml.engine.v2.api.Load(
					org.snakeyaml.engine.v2.api.LoadSettings.builder().setMaxAliasesForCollections(200).build())
				.loadFromString(source);
			JsonNode expected = tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(tree);
			Reply reply = anonymous.get(served[0]);
			assertThat(reply.status()).isEqualTo(200);
			assertThat(reply.json()).as(served[0] + " is " + served[1]).isEqualTo(expected);
		}
		assertThat(anonymous.get("/v1/openapi.yaml").body())
			.isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("src/main/resources/api/modern-v1.yaml")));
	}

	/**
	 * Client generators make one API class per tag: a tag shared by operations and webhook payloads made
	 * openapi-generator write {@code WebhooksApi} twice, and the management operations were lost.
	 */
	@Test
	void modernDocumentKeepsOperationTagsApartFromWebhookTagsAndDeclaresThemAll() {
		JsonNode doc = new ApiClient(base(), null, null).get("/v1/openapi.json").json();
		java.util.Set<String> operationTags = tagsOf(doc.get("paths"));
		java.util.Set<String> webhookTags = tagsOf(doc.get("webhooks"));
		assertThat(operationTags).contains("Webhooks").doesNotContainAnyElementsOf(webhookTags);
		assertThat(webhookTags).containsExactly("Webhook Events");
		java.util.List<String> declared = doc.get("tags").findValuesAsString("name");
		assertThat(declared).containsAll(operationTags).containsAll(webhookTags).doesNotHaveDuplicates();
		// the management operations are all under Webhooks
		java.util.List<String> webhookOperations = new java.util.ArrayList<>();
		doc.get("paths").forEach(item -> item.forEach(op -> {
			if (op.isObject() && op.has("tags")) {
				op.get("tags").forEach(tag -> {
					if (tag.asString().equals("Webhooks")) {
						webhookOperations.add(op.get("operationId").asString());
					}
				});
			}
		}));
		assertThat(webhookOperations).contains("createWebhook", "listWebhooks", "getWebhook", "updateWebhook", "deleteWebhook",
				"testWebhook", "listWebhookDeliveries", "getWebhookDelivery", "redeliverWebhookDelivery");
	}

	/**
	 * A YAML flow mapping with an unquoted comma ({@code {type: string, description: The From header,
	 * decoded.}}) cuts the description and adds a key with a null value ({@code "decoded.": null}), which
	 * Redocly lint reports as structural errors. An OpenAPI document has null values only as data
	 * (examples, defaults, enums, const, extensions), so every served document is walked for others.
	 */
	@Test
	void servedDocumentsHaveNoNullValuedKeysOutsideData() {
		ApiClient anonymous = new ApiClient(base(), null, null);
		JsonNode documents = anonymous.get("/docs/apis.json").json();
		assertThat(documents.size()).isGreaterThanOrEqualTo(3);
		for (JsonNode document : documents) {
			String url = document.get("url").asString();
			Reply reply = anonymous.get(url);
			assertThat(reply.status()).as(url).isEqualTo(200);
			java.util.List<String> nulls = new java.util.ArrayList<>();
			nullsOutsideData(reply.json(), "", nulls);
			assertThat(nulls).as("null-valued keys in " + url).isEmpty();
		}
	}

	private static final java.util.Set<String> DATA = java.util.Set.of("example", "examples", "default", "enum", "const");

	private static void nullsOutsideData(JsonNode node, String path, java.util.List<String> nulls) {
		if (node.isObject()) {
			for (var entry : node.properties()) {
				String key = entry.getKey();
				if (DATA.contains(key) || key.startsWith("x-")) {
					continue;
				}
				if (entry.getValue().isNull()) {
					nulls.add(path + "/" + key);
				}
				nullsOutsideData(entry.getValue(), path + "/" + key, nulls);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				if (node.get(i).isNull()) {
					nulls.add(path + "/" + i);
				}
				nullsOutsideData(node.get(i), path + "/" + i, nulls);
			}
		}
	}

	private static java.util.Set<String> tagsOf(JsonNode items) {
		java.util.Set<String> tags = new java.util.TreeSet<>();
		items.forEach(item -> item.forEach(op -> {
			if (op.isObject() && op.has("tags")) {
				op.get("tags").forEach(tag -> tags.add(tag.asString()));
			}
		}));
		return tags;
	}

	/** The 3.1 validator enforces what the 2.x Atlassian validator does not: type arrays, unevaluatedProperties, formats. */
	@Test
	void theModernValidatorRejectsResponsesThatBreakTheDocument() {
		var validator = modernValidator();
		String pet = api.get("/v1/pets/019b4132-70aa-764f-b315-e2803d882a24").body();
		validator.validate("GET", "/v1/pets/019b4132-70aa-764f-b315-e2803d882a24", 200, "application/json", pet);
		for (String broken : java.util.List.of(pet.replace("\"price\":\"250.00\"", "\"price\":250.0"),
				pet.replace("\"name\":\"Max\"", "\"name\":\"Max\",\"extra\":1"),
				pet.replaceFirst("\"tenantId\":\"[^\"]+\"", "\"tenantId\":42"),
				pet.replace("\"status\":\"AVAILABLE\"", "\"status\":\"available\""),
				pet.replaceFirst("\"createdAt\":\"[^\"]+\"", "\"createdAt\":\"yesterday\""))) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.validate("GET",
					"/v1/pets/019b4132-70aa-764f-b315-e2803d882a24", 200, "application/json", broken))
				.isInstanceOf(AssertionError.class);
		}
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.validate("GET",
				"/v1/pets/019b4132-70aa-764f-b315-e2803d882a24", 500, "application/problem+json", "{}"))
			.isInstanceOf(AssertionError.class);
	}

}
