package io.petstore.graphql;

import java.util.List;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

import io.petstore.web.RequestTooLargeException;

/**
 * A GraphQL request whose body cannot be read (Spring for GraphQL's HTTP handler says so with a
 * {@link ServerWebInputException}; no other handler of this server throws one): 413 past the body
 * limit ({@code petstore.limits.body-bytes}), else 400, both with a GraphQL error body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphqlRequestErrors {

	@ExceptionHandler(ServerWebInputException.class)
	ResponseEntity<Map<String, Object>> unreadable(ServerWebInputException ex) {
		boolean tooLarge = RequestTooLargeException.findIn(ex) != null;
		String message = tooLarge ? "The request is larger than this server accepts (" + (ex.getMostSpecificCause().getMessage()) + ")."
				: "The request body is not a GraphQL request: " + ex.getReason();
		GraphqlErrors.Classification classification = tooLarge ? GraphqlErrors.Classification.PAYLOAD_TOO_LARGE
				: GraphqlErrors.Classification.BAD_REQUEST;
		return ResponseEntity.status(tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_GRAPHQL_RESPONSE)
			.body(Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("classification", classification.name())))));
	}

}
