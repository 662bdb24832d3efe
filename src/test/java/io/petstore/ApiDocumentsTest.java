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
		assertThat(anonymous.get("/docs/apis.json").body()).contains("/v2/swagger.json");
		Reply root = anonymous.get("/");
		assertThat(root.status()).isEqualTo(302);
		assertThat(root.header("Location")).endsWith("/docs/index.html");
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

}
