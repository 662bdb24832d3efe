package io.petstore.v1;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.petstore.web.ApiErrorFormat;

/**
 * Every error under {@code /v1} is an RFC 9457 problem detail. A body that is well-formed JSON but
 * does not fit the schema (unknown property, wrong type, unknown enum value, failed constraint) is a
 * 422 whose {@code errors} name each field; malformed JSON is a 400.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class V1Errors implements ApiErrorFormat {

	@Override
	public boolean handles(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/v1") || path.startsWith("/v1/");
	}

	@Override
	public ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message) {
		return Problems.response(status, null, message, request.getRequestURI(), null);
	}

	@Override
	public ResponseEntity<Object> write(HttpServletRequest request, HttpStatus status, String message, Exception cause) {
		if (cause instanceof HttpMessageNotReadableException unreadable
				&& unreadable.getMostSpecificCause() instanceof DatabindException databind) {
			FieldIssue issue = describe(databind);
			return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, null,
					"The request body is invalid: " + issue.field() + ": " + issue.message(), request.getRequestURI(),
					List.of(issue));
		}
		return write(request, status, message);
	}

	@ExceptionHandler(DomainException.class)
	ResponseEntity<Object> problem(HttpServletRequest request, DomainException ex) {
		ResponseEntity<Object> response = Problems.response(status(ex.kind()), ex.type(), ex.getMessage(), request.getRequestURI(),
				ex.errors());
		return ex.retryAfterSeconds() == null ? response : ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(response.getBody());
	}

	/** REST's status code for each kind of refusal. */
	public static HttpStatus status(DomainException.Kind kind) {
		return switch (kind) {
			case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
			case UNAUTHORIZED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
		};
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Object> invalid(HttpServletRequest request, MethodArgumentNotValidException ex) {
		List<FieldIssue> issues = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			issues.add(new FieldIssue(error.getField(), error.getDefaultMessage(), code(error.getCode())));
		}
		ex.getBindingResult().getGlobalErrors()
			.forEach(error -> issues.add(new FieldIssue(error.getObjectName(), error.getDefaultMessage(), code(error.getCode()))));
		issues.sort(java.util.Comparator.comparing(FieldIssue::field));
		String detail = "The request body is invalid: " + issues.stream()
			.map(i -> i.field() + ": " + i.message()).collect(Collectors.joining("; "));
		return Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, null, detail, request.getRequestURI(), issues);
	}

	/** The field-error code of a failed bean-validation constraint (its annotation's simple name), as REST's 422 names it. */
	public static String code(String constraint) {
		if (constraint == null) {
			return "invalid";
		}
		return switch (constraint) {
			case "NotNull", "NotBlank", "NotEmpty" -> "required";
			case "Size", "Length" -> "invalid_length";
			case "Pattern", "Email" -> "invalid_format";
			case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero" -> "out_of_range";
			default -> "invalid";
		};
	}

	static FieldIssue describe(DatabindException ex) {
		String field = ex.getPath().stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining(".")).replace(".[", "[");
		if (ex instanceof UnrecognizedPropertyException unknown) {
			String name = field.isEmpty() ? unknown.getPropertyName() : field;
			return new FieldIssue(name, "unknown property", "unknown_property");
		}
		if (field.isEmpty()) {
			field = "body";
		}
		if (ex instanceof InvalidTypeIdException typeId) {
			return new FieldIssue(field.isEmpty() || field.equals("body") ? "object" : field + ".object",
					"unknown or missing type '" + typeId.getTypeId() + "'", "invalid_type");
		}
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
			String allowed = java.util.Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
				.collect(Collectors.joining(", "));
			return new FieldIssue(field, "invalid value '" + invalid.getValue() + "': must be one of " + allowed, "invalid_enum");
		}
		if (ex instanceof InvalidFormatException invalid) {
			return new FieldIssue(field, "invalid value '" + invalid.getValue() + "'" + expected(invalid.getTargetType()),
					"invalid_type");
		}
		if (ex instanceof MismatchedInputException mismatch) {
			return new FieldIssue(field, "wrong type" + expected(mismatch.getTargetType()), "invalid_type");
		}
		return new FieldIssue(field, ex.getOriginalMessage(), "invalid");
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return ": expected an integer";
		}
		if (type == Boolean.class || type == boolean.class) {
			return ": expected true or false";
		}
		if (type == String.class) {
			return ": expected a string";
		}
		if (java.util.Collection.class.isAssignableFrom(type)) {
			return ": expected an array";
		}
		if (type.isEnum()) {
			return ": expected one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		return ": expected " + (type.isRecord() ? "an object" : type.getSimpleName());
	}

}
