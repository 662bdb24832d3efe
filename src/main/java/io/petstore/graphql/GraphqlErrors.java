package io.petstore.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;

import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;

/**
 * Every error of a GraphQL field, as {@code extensions.classification}: a {@link DomainException}
 * by its kind (INVALID is BAD_REQUEST with {@code extensions.errors}, REST's 422 field errors;
 * TOO_MANY_REQUESTS and UNAVAILABLE with {@code extensions.retryAfterSeconds}); arguments that do not
 * bind are BAD_REQUEST with field errors; anything else INTERNAL_ERROR with a generic message (the
 * exception is logged, never shown).
 */
@Component
class GraphqlErrors extends DataFetcherExceptionResolverAdapter {

	/** The classifications of this API's errors (graphql-java's own stay for syntax and validation). */
	enum Classification implements ErrorClassification {
		BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, PAYLOAD_TOO_LARGE, UNAVAILABLE, INTERNAL_ERROR
	}

	private static final Logger log = LoggerFactory.getLogger(GraphqlErrors.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		return error(ex, GraphqlErrorBuilder.newError(env));
	}

	static GraphQLError error(Throwable thrown, GraphqlErrorBuilder<?> builder) {
		Throwable ex = thrown;
		while ((ex instanceof CompletionException || ex instanceof java.util.concurrent.ExecutionException) && ex.getCause() != null) {
			ex = ex.getCause();
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		if (ex instanceof DomainException domain) {
			Classification classification = switch (domain.kind()) {
				case BAD_REQUEST, INVALID -> Classification.BAD_REQUEST;
				case UNAUTHORIZED -> Classification.UNAUTHORIZED;
				case FORBIDDEN -> Classification.FORBIDDEN;
				case NOT_FOUND -> Classification.NOT_FOUND;
				case CONFLICT -> Classification.CONFLICT;
				case TOO_MANY_REQUESTS -> Classification.TOO_MANY_REQUESTS;
				case TOO_LARGE -> Classification.PAYLOAD_TOO_LARGE;
				case UNAVAILABLE -> Classification.UNAVAILABLE;
			};
			extensions.put("type", domain.type());
			if (!domain.errors().isEmpty()) {
				extensions.put("errors", issues(domain.errors()));
			}
			if (domain.retryAfterSeconds() != null) {
				extensions.put("retryAfterSeconds", domain.retryAfterSeconds());
			}
			return builder.errorType(classification).message(domain.getMessage()).extensions(extensions).build();
		}
		if (ex instanceof BindException bind) {
			List<FieldIssue> issues = bind.getFieldErrors().stream()
				.map(error -> new FieldIssue(error.getField(), "invalid value" + (error.getRejectedValue() == null ? ""
						: " '" + String.valueOf(error.getRejectedValue()).substring(0, Math.min(100,
								String.valueOf(error.getRejectedValue()).length())) + "'"), "invalid_type"))
				.sorted(java.util.Comparator.comparing(FieldIssue::field))
				.toList();
			extensions.put("type", "validation-error");
			extensions.put("errors", issues(issues));
			return builder.errorType(Classification.BAD_REQUEST)
				.message("The input is invalid: " + String.join("; ", issues.stream().map(i -> i.field() + ": " + i.message()).toList()))
				.extensions(extensions)
				.build();
		}
		log.error("GraphQL field failed", ex);
		return builder.errorType(Classification.INTERNAL_ERROR).message("Internal error; the server's log has the details.").build();
	}

	private static List<Map<String, String>> issues(List<FieldIssue> issues) {
		return issues.stream().map(issue -> {
			Map<String, String> map = new LinkedHashMap<>();
			map.put("field", issue.field());
			map.put("message", issue.message());
			map.put("code", issue.code());
			return map;
		}).toList();
	}

	/** The same mapping for errors a subscription's stream ends with. */
	@Component
	static class OfSubscriptions extends SubscriptionExceptionResolverAdapter {

		@Override
		protected GraphQLError resolveToSingleError(Throwable exception) {
			return error(exception, GraphqlErrorBuilder.newError());
		}

	}

}
