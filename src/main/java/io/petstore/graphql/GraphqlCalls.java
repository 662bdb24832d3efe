package io.petstore.graphql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import graphql.GraphQLContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import io.petstore.auth.CallContext;
import io.petstore.auth.CallContexts;
import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.PageRequest;
import io.petstore.v1.V1Errors;

/**
 * What every data fetcher does: take the call's context from the GraphQLContext (or the error that
 * opening it ended in), run the module call within it, and validate input records as REST does.
 */
@Component
class GraphqlCalls {

	/** The GraphQLContext key of the call's {@link CallContext}. */
	static final String CONTEXT = CallContext.class.getName();

	/** The GraphQLContext key of the {@link DomainException} opening the context ended in. */
	static final String FAILURE = CallContext.class.getName() + ".failure";

	private final Validator validator;

	GraphqlCalls(Validator validator) {
		this.validator = validator;
	}

	/** The call's context; the credentials' error if they were refused. */
	static CallContext call(GraphQLContext graphql) {
		DomainException refused = graphql.get(FAILURE);
		if (refused != null) {
			throw refused;
		}
		CallContext call = graphql.get(CONTEXT);
		if (call == null) {
			throw DomainException.unauthorized("No call context: send the request to /v1/graphql.");
		}
		return call;
	}

	/** Runs a module call as the GraphQL call (audited with protocol GRAPHQL and the caller). */
	static <T> T run(GraphQLContext graphql, Function<CallContext, T> operation) {
		CallContext call = call(graphql);
		return CallContexts.within(call, () -> operation.apply(call));
	}

	/** page and limit as REST checks them (1.., 1..100). */
	static PageRequest page(Integer page, Integer limit) {
		return PageRequest.of(page, limit);
	}

	/** Refuses (INVALID, REST's 422 field errors) unless the record passes its bean-validation constraints. */
	<T> T valid(T input) {
		return valid(input, "");
	}

	/** As {@link #valid(Object)}, the fields named under a prefix ({@code card.}, say). */
	<T> T valid(T input, String prefix) {
		if (input == null) {
			return null;
		}
		Set<ConstraintViolation<T>> violations = validator.validate(input);
		if (violations.isEmpty()) {
			return input;
		}
		List<FieldIssue> issues = new ArrayList<>();
		for (ConstraintViolation<T> violation : violations) {
			String field = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
			issues.add(new FieldIssue(prefix + field, violation.getMessage(),
					V1Errors.code(violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName())));
		}
		issues.sort(Comparator.comparing(FieldIssue::field));
		throw DomainException.invalid(issues);
	}

}
