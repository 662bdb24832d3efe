package io.petstore.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.petstore.apidocs.ApiDocument;

/**
 * Serves the hand-written AsyncAPI 3.0 document ({@code api/asyncapi.yaml}: the WebSocket and
 * Socket.IO chat, the Server-Sent Events, the streamed chat completions, the webhooks) at
 * {@code /v1/asyncapi.yaml} and, converted once at start, at {@code /v1/asyncapi.json}.
 */
@RestController
class AsyncApiDocument {

	static final String SOURCE = "api/asyncapi.yaml";

	private final byte[] yaml;

	private final byte[] json;

	AsyncApiDocument(JsonMapper jsonMapper) throws IOException {
		try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
			this.yaml = in.readAllBytes();
		}
		JsonNode tree = new YAMLMapper().readTree(new String(yaml, StandardCharsets.UTF_8));
		this.json = jsonMapper.writeValueAsBytes(tree);
	}

	@GetMapping(path = "/v1/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] json() {
		return json;
	}

	@GetMapping(path = "/v1/asyncapi.yaml", produces = "application/yaml")
	byte[] yaml() {
		return yaml;
	}

	@Bean
	static ApiDocument asyncApiDocument() {
		return new ApiDocument("Live events and chat (AsyncAPI 3.0)", "/v1/asyncapi.json", 90, "asyncapi");
	}

}
