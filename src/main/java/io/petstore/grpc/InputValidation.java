package io.petstore.grpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

import io.petstore.v1.DomainException;
import io.petstore.v1.FieldIssue;
import io.petstore.v1.V1Errors;

/**
 * Validates the modules' input records as REST's {@code @Valid} does, with the application's
 * {@link Validator}: the same field names ({@code medicalInfo.healthNotes}, {@code photos[0]}),
 * messages and codes ({@code required}, {@code invalid_length}, ... as {@code v1.V1Errors} names
 * them), sorted by field. Refuses with INVALID listing every issue.
 */
@Component
class InputValidation {

	private final Validator validator;

	InputValidation(Validator validator) {
		this.validator = validator;
	}

	/** Refuses unless the input and the conversion's earlier issues (unknown enum numbers, say) are clean. */
	<T> T valid(T input, List<FieldIssue> earlier) {
		List<FieldIssue> issues = new ArrayList<>(earlier);
		// a field whose value was not understood (an unknown enum number) is not also "required"
		Set<String> named = new java.util.HashSet<>();
		earlier.forEach(issue -> named.add(issue.field()));
		issues(input, "").stream().filter(issue -> !named.contains(issue.field())).forEach(issues::add);
		if (!issues.isEmpty()) {
			issues.sort(Comparator.comparing(FieldIssue::field));
			throw DomainException.invalid(issues);
		}
		return input;
	}

	/** The issues of one input, each field prefixed (for a bulk request's items, {@code [2].}). */
	List<FieldIssue> issues(Object input, String prefix) {
		List<FieldIssue> issues = new ArrayList<>();
		Set<ConstraintViolation<Object>> violations = validator.validate(input);
		for (ConstraintViolation<Object> violation : violations) {
			String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
			issues.add(new FieldIssue(prefix + field(violation.getPropertyPath()), violation.getMessage(), V1Errors.code(code)));
		}
		issues.sort(Comparator.comparing(FieldIssue::field));
		return issues;
	}

	private static String field(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.isInIterable()) {
				field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
			}
			if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
				if (!field.isEmpty()) {
					field.append('.');
				}
				field.append(node.getName());
			}
		}
		return field.toString();
	}

}
