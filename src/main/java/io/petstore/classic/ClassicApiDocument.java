package io.petstore.classic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.apidocs.ApiDocument;

/**
 * Serves the hand-written Swagger 2.0 document of the classic API ({@code api/classic-v2.yaml}) at
 * {@code /v2/swagger.yaml} and, converted once at start, at {@code /v2/swagger.json}.
 */
@RestController
class ClassicApiDocument {

	static final String SOURCE = "api/classic-v2.yaml";

	private final byte[] yaml;

	private final byte[] json;

	ClassicApiDocument(JsonMapper jsonMapper) throws IOException {
		try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
			this.yaml = in.readAllBytes();
		}
		JsonNode tree = new YAMLMapper().readTree(new String(yaml, StandardCharsets.UTF_8));
		this.json = jsonMapper.writeValueAsBytes(tree);
	}

	@GetMapping(path = "/v2/swagger.json", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] json() {
		return json;
	}

	@GetMapping(path = "/v2/swagger.yaml", produces = "application/yaml")
	byte[] yaml() {
		return yaml;
	}

	@Bean
	static ApiDocument classicDocument() {
		return new ApiDocument("Classic Swagger Petstore (v2)", "/v2/swagger.json", 10);
	}

}
