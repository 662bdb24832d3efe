package io.petstore.v1;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.apidocs.ApiDocument;

/**
 * Serves the hand-written OpenAPI 3.1 document of the Modern API ({@code api/modern-v1.yaml}) at
 * {@code /v1/openapi.yaml} and, converted once at start, at {@code /v1/openapi.json}.
 */
@RestController
class ModernApiDocument {

	static final String SOURCE = "api/modern-v1.yaml";

	private final byte[] yaml;

	private final byte[] json;

	ModernApiDocument(JsonMapper jsonMapper) throws IOException {
		try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
			this.yaml = in.readAllBytes();
		}
		// SnakeYAML resolves the document's anchors and aliases (shared property lists)
		Object tree = new Load(LoadSettings.builder().setMaxAliasesForCollections(200).build())
			.loadFromString(new String(yaml, StandardCharsets.UTF_8));
		this.json = jsonMapper.writeValueAsBytes(tree);
	}

	/** The served JSON form, for {@link DocumentedParameters}. */
	byte[] servedJson() {
		return json;
	}

	@GetMapping(path = "/v1/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] json() {
		return json;
	}

	@GetMapping(path = "/v1/openapi.yaml", produces = "application/yaml")
	byte[] yaml() {
		return yaml;
	}

	@Bean
	static ApiDocument modernDocument() {
		return new ApiDocument("Modern Pet Store (v1)", "/v1/openapi.json", 20);
	}

}
