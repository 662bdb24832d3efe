package io.petstore.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.apidocs.ApiDocument;

/**
 * Serves the hand-written OpenAPI 3.1 document of the Inboxes API ({@code api/inboxes-v2.yaml}) at
 * {@code /v2/inboxes/openapi.yaml} and, converted once at start, {@code /v2/inboxes/openapi.json}.
 */
@RestController
class InboxesApiDocument {

	static final String SOURCE = "api/inboxes-v2.yaml";

	private final byte[] yaml;

	private final byte[] json;

	InboxesApiDocument(JsonMapper jsonMapper) throws IOException {
		try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
			this.yaml = in.readAllBytes();
		}
		this.json = jsonMapper.writeValueAsBytes(new YAMLMapper().readTree(new String(yaml, StandardCharsets.UTF_8)));
	}

	@GetMapping(path = "/v2/inboxes/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] json() {
		return json;
	}

	@GetMapping(path = "/v2/inboxes/openapi.yaml", produces = "application/yaml")
	byte[] yaml() {
		return yaml;
	}

	@Bean
	static ApiDocument inboxesDocument() {
		return new ApiDocument("Inboxes Developer API", "/v2/inboxes/openapi.json", 15);
	}

}
