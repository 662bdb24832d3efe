package io.petstore.graphql;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.petstore.apidocs.ApiDocument;

/**
 * The hand-written SDL, served as written at {@code /v1/graphql/schema.graphqls} and linked on the
 * docs page (with GraphiQL).
 */
@RestController
class GraphqlSchemaDocument {

	static final String SOURCE = "graphql/schema.graphqls";

	private final byte[] sdl;

	GraphqlSchemaDocument() throws IOException {
		try (InputStream in = new ClassPathResource(SOURCE).getInputStream()) {
			this.sdl = in.readAllBytes();
		}
	}

	@GetMapping(path = "/v1/graphql/schema.graphqls", produces = "text/plain;charset=UTF-8")
	byte[] sdl() {
		return sdl;
	}

	@Bean
	static ApiDocument graphqlSchema() {
		return new ApiDocument("Modern Pet Store over GraphQL (SDL)", "/v1/graphql/schema.graphqls", 30, "graphql");
	}

	@Bean
	static ApiDocument graphiql() {
		return new ApiDocument("GraphiQL (/v1/graphql)", "/v1/graphiql", 31, "graphiql");
	}

}
